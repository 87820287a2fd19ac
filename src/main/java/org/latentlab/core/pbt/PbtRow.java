package org.latentlab.core.pbt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of {@code pbt.csv}. At every generation boundary each member gets a {@code keep} row, or, when it
 * copies another member, an {@code exploit} row (a worse member copying a better one) or a {@code replace}
 * row (a member whose loss became non-finite), each with the values it copied, followed by an {@code explore}
 * row with the perturbed values it trains with next. {@code metric} is the member's own smoothed validation
 * recon at the boundary (empty when non-finite); {@code parent} the member whose weights member {@code member} carries into the next generation (itself
 * for keep), so the rows of all generations form the population's family tree.
 */
public record PbtRow(int generation, int epoch, int member, int parent, String action, double metric,
                     List<String> columns, double[] hyper) {
    private static final List<String> FIXED = List.of("generation", "epoch", "member", "parent", "action", "metric");

    /** The header of a log whose hyperparameter columns are {@code columns}. */
    public static String header(List<String> columns) {
        List<String> cols = new ArrayList<>(FIXED);
        cols.addAll(columns);
        return String.join(",", cols);
    }

    /** This row's value of hyperparameter column {@code column}, NaN when the log has no such column. */
    public double value(String column) {
        int i = columns.indexOf(column);
        return i < 0 ? Double.NaN : hyper[i];
    }

    public String csv() {
        StringBuilder b = new StringBuilder();
        b.append(generation).append(',').append(epoch).append(',').append(member).append(',').append(parent)
                .append(',').append(action).append(',').append(Double.isFinite(metric) ? num(metric) : "");
        for (double v : hyper) {
            b.append(',').append(num(v));
        }
        return b.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /**
     * A row of {@code pbt.csv} read back by column name; every column after the fixed ones is a hyperparameter
     * (which ones depends on the model), an empty cell NaN.
     */
    public static PbtRow parse(String header, String row) {
        java.util.List<String> names = java.util.Arrays.asList(header.split(",", -1));
        String[] cells = row.split(",", -1);
        java.util.function.Function<String, String> cell = k -> {
            int i = names.indexOf(k);
            return i >= 0 && i < cells.length ? cells[i].trim() : "";
        };
        List<String> columns = new ArrayList<>();
        for (String n : names) {
            if (!FIXED.contains(n.trim())) {
                columns.add(n.trim());
            }
        }
        double[] hyper = new double[columns.size()];
        for (int i = 0; i < hyper.length; i++) {
            String c = cell.apply(columns.get(i));
            hyper[i] = c.isEmpty() ? Double.NaN : Double.parseDouble(c);
        }
        String metric = cell.apply("metric");
        return new PbtRow(Integer.parseInt(cell.apply("generation")), Integer.parseInt(cell.apply("epoch")),
                Integer.parseInt(cell.apply("member")), Integer.parseInt(cell.apply("parent")), cell.apply("action"),
                metric.isEmpty() ? Double.NaN : Double.parseDouble(metric), List.copyOf(columns), hyper);
    }
}

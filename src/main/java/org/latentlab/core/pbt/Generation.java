package org.latentlab.core.pbt;

import java.util.List;

/**
 * What happened at one generation boundary.
 *
 * @param generation  0-based index of the generation that ended
 * @param epoch       the first epoch of the next generation
 * @param rows        its {@code pbt.csv} rows
 * @param bestMember  the member with the lowest metric
 * @param bestMetric  that metric (smoothed validation recon)
 * @param exploited   whether exploit/explore ran (false during burn-in)
 * @param seconds     wall time of the generation
 */
public record Generation(int generation, int epoch, List<PbtRow> rows, int bestMember, double bestMetric,
                         boolean exploited, double seconds) {

    /**
     * Each member's value of hyperparameter column {@code column} for the next generation (its keep row, or
     * its explore row after an exploit), NaN for a member without one; the points of a hyperparameter
     * trajectory.
     */
    public double[] valuesAfter(String column, int members) {
        double[] v = new double[members];
        java.util.Arrays.fill(v, Double.NaN);
        for (PbtRow r : rows) {
            if (r.member() < members && (r.action().equals("keep") || r.action().equals("explore"))) {
                v[r.member()] = r.value(column);
            }
        }
        return v;
    }

    /** The hyperparameter columns of this generation's rows (which ones depends on the model). */
    public List<String> columns() {
        return rows.isEmpty() ? List.of() : rows.get(0).columns();
    }

    /** The hyperparameter columns that take more than one value in the log: the searched ones. */
    public static List<String> varying(List<Generation> gens) {
        List<String> out = new java.util.ArrayList<>();
        if (gens.isEmpty()) {
            return out;
        }
        for (String column : gens.get(0).columns()) {
            java.util.Set<Double> seen = new java.util.HashSet<>();
            gens.forEach(g -> g.rows().forEach(r -> seen.add(r.value(column))));
            if (seen.size() > 1) {
                out.add(column);
            }
        }
        return out;
    }

    /** Members that copied another member at this boundary. */
    public long exploits() {
        return rows.stream().filter(r -> r.action().equals("exploit") || r.action().equals("replace")).count();
    }

    /**
     * The generations recorded in a run directory's {@code pbt.csv} (times are not recorded there: NaN);
     * empty when there is none yet.
     */
    public static List<Generation> read(java.nio.file.Path csv) {
        List<Generation> out = new java.util.ArrayList<>();
        if (!java.nio.file.Files.exists(csv)) {
            return out;
        }
        java.util.Map<Integer, List<PbtRow>> byGeneration = new java.util.TreeMap<>();
        try {
            List<String> lines = java.nio.file.Files.readAllLines(csv);
            for (int i = 1; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    PbtRow r = PbtRow.parse(lines.get(0), lines.get(i));
                    byGeneration.computeIfAbsent(r.generation(), k -> new java.util.ArrayList<>()).add(r);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw org.latentlab.core.data.DataException.inFile(csv, "unreadable PBT log (" + e.getMessage() + ")");
        }
        byGeneration.forEach((g, rows) -> {
            PbtRow best = null;
            boolean exploited = false;
            for (PbtRow r : rows) {
                exploited |= !r.action().equals("keep");
                if (!r.action().equals("explore") && Double.isFinite(r.metric())
                        && (best == null || r.metric() < best.metric())) {
                    best = r;
                }
            }
            out.add(new Generation(g, rows.get(0).epoch(), List.copyOf(rows), best == null ? -1 : best.member(),
                    best == null ? Double.NaN : best.metric(), exploited, Double.NaN));
        });
        return out;
    }
}

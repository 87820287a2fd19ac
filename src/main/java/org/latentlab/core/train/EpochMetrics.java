package org.latentlab.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch's numbers, as written to {@code metrics.csv}. NaN where a metric does not apply (no truth,
 * no held-out channels, no forward bins).
 *
 * @param loss         training loss (the 1e4-scaled objective, mean over batches)
 * @param recon        training reconstruction NLL (mean per element)
 * @param validRecon   validation reconstruction NLL
 * @param validSmooth  smoothed validation NLL (drives early stopping and checkpoints)
 * @param validBps     bits per spike of held-in channels over the encoding window (validation)
 * @param validCoBps   co-bps: held-out channels over the encoding window
 * @param validFpBps   fp-bps: all channels over forward bins
 * @param validR2      rate R² against truth
 */
public record EpochMetrics(int epoch, double loss, double recon, double klIc, double klCo, double l2,
                           double rampKl, double rampL2, double validLoss, double validRecon, double validSmooth,
                           double validBps, double validCoBps, double validFpBps, double validR2, double lr,
                           double gradNorm, double wallSeconds) {

    /** Column name to value, in the CSV's column order. */
    public Map<String, Double> columns() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("epoch", (double) epoch);
        m.put("loss", loss);
        m.put("recon", recon);
        m.put("kl_ic", klIc);
        m.put("kl_co", klCo);
        m.put("l2", l2);
        m.put("ramp_kl", rampKl);
        m.put("ramp_l2", rampL2);
        m.put("valid_loss", validLoss);
        m.put("valid_recon", validRecon);
        m.put("valid_recon_smth", validSmooth);
        m.put("valid_bps", validBps);
        m.put("valid_co_bps", validCoBps);
        m.put("valid_fp_bps", validFpBps);
        m.put("valid_r2", validR2);
        m.put("lr", lr);
        m.put("grad_norm", gradNorm);
        m.put("wall_s", wallSeconds);
        return m;
    }

    public String csvHeader() {
        return String.join(",", columns().keySet());
    }

    public String csvRow() {
        StringBuilder b = new StringBuilder();
        for (double v : columns().values()) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(Double.isNaN(v) ? "" : v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v)
                    : String.format(java.util.Locale.ROOT, "%.6g", v));
        }
        return b.toString();
    }

    /**
     * A row of {@code metrics.csv} read back by column name (an empty cell is NaN), so files written by other
     * versions with more or fewer columns still read.
     */
    public static EpochMetrics parse(String header, String row) {
        String[] names = header.split(",", -1);
        String[] cells = row.split(",", -1);
        Map<String, Double> v = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            String c = i < cells.length ? cells[i].trim() : "";
            v.put(names[i].trim(), c.isEmpty() ? Double.NaN : Double.parseDouble(c));
        }
        java.util.function.Function<String, Double> g = k -> v.getOrDefault(k, Double.NaN);
        double epoch = g.apply("epoch");
        if (Double.isNaN(epoch)) {
            throw new IllegalArgumentException("no epoch in metrics row '" + row + "'");
        }
        return new EpochMetrics((int) epoch, g.apply("loss"), g.apply("recon"), g.apply("kl_ic"), g.apply("kl_co"),
                g.apply("l2"), g.apply("ramp_kl"), g.apply("ramp_l2"), g.apply("valid_loss"), g.apply("valid_recon"),
                g.apply("valid_recon_smth"), g.apply("valid_bps"), g.apply("valid_co_bps"), g.apply("valid_fp_bps"),
                g.apply("valid_r2"), g.apply("lr"), g.apply("grad_norm"), g.apply("wall_s"));
    }

    /** Every row of a {@code metrics.csv}; empty when the file does not exist. */
    public static java.util.List<EpochMetrics> read(java.nio.file.Path csv) {
        java.util.List<EpochMetrics> out = new java.util.ArrayList<>();
        if (!java.nio.file.Files.exists(csv)) {
            return out;
        }
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
            for (int i = 1; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    out.add(parse(lines.get(0), lines.get(i)));
                }
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw org.latentlab.core.data.DataException.inFile(csv, "unreadable metrics (" + e.getMessage() + ")");
        }
        return out;
    }

    /**
     * The smoothed validation metric after an epoch scoring {@code value}: the first epoch's value, then an
     * exponential moving average giving the past weight {@code alpha} (train.smoothing).
     */
    public static double smoothed(double previous, double value, double alpha) {
        return Double.isNaN(previous) ? value : alpha * previous + (1 - alpha) * value;
    }
}

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
}

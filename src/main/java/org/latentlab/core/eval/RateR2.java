package org.latentlab.core.eval;

import org.latentlab.core.data.Tensor3;

/**
 * Rate R² (DESIGN.md "Metrics"), pooling trials and time, in expected counts per bin:
 *
 * <pre>
 *   R² = 1 − Σ_c Σ_{i,t} (truth[i,t,c] − pred[i,t,c])² / Σ_c Σ_{i,t} (truth[i,t,c] − m_c)²
 *   m_c = mean over i,t of truth[i,t,c]
 * </pre>
 *
 * The sums run over all neurons together, so neurons with more variance weigh more (variance-weighted, as
 * sklearn's {@code r2_score(..., multioutput='variance_weighted')}). Entries where truth is NaN are skipped
 * everywhere (in {@code m_c} too); pred must be finite wherever truth is observed. A zero denominator (no
 * observed entry, or truth constant per neuron) gives NaN. The per-neuron R² is the same formula with the
 * sums restricted to one neuron.
 */
public final class RateR2 {
    private RateR2() {
    }

    /** Variance-weighted R² of {@code pred} against {@code truth}, both in expected counts per bin. */
    public static double score(Tensor3 truth, Tensor3 pred) {
        return score(truth, 1.0, pred);
    }

    /**
     * As {@link #score(Tensor3, Tensor3)} with truth in other units (e.g. Hz):
     * {@code truth / conversionFactor} is the expected count per bin (as {@code Session.conversionFactor()};
     * for Hz that is {@code 1000 / binSizeMs}). {@code pred} is in counts per bin.
     */
    public static double score(Tensor3 truth, double conversionFactor, Tensor3 predCounts) {
        double[][] s = sums(truth, conversionFactor, predCounts);
        double sse = 0;
        double sst = 0;
        for (int c = 0; c < s[0].length; c++) {
            sse += s[0][c];
            sst += s[1][c];
        }
        return sst > 0 ? 1 - sse / sst : Double.NaN;
    }

    /** R² per neuron (channel), {@code 1 − SSE_c / SST_c}; NaN for a neuron with {@code SST_c = 0}. */
    public static double[] perNeuron(Tensor3 truth, Tensor3 pred) {
        return perNeuron(truth, 1.0, pred);
    }

    /** Per-neuron R² with truth in units where {@code truth / conversionFactor} is counts per bin. */
    public static double[] perNeuron(Tensor3 truth, double conversionFactor, Tensor3 predCounts) {
        double[][] s = sums(truth, conversionFactor, predCounts);
        double[] r2 = new double[s[0].length];
        for (int c = 0; c < r2.length; c++) {
            r2[c] = s[1][c] > 0 ? 1 - s[0][c] / s[1][c] : Double.NaN;
        }
        return r2;
    }

    /** {@code [sse per channel, sst per channel]}. */
    private static double[][] sums(Tensor3 truth, double factor, Tensor3 pred) {
        Rows.requireSameShape("truth", truth, "pred", pred);
        if (!(factor > 0 && Double.isFinite(factor))) {
            throw new IllegalArgumentException("conversion factor must be positive and finite, got " + factor);
        }
        int n = truth.trials();
        int t = truth.time();
        int ch = truth.channels();
        double[] mean = new double[ch];
        long[] count = new long[ch];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < t; j++) {
                for (int c = 0; c < ch; c++) {
                    float v = truth.get(i, j, c);
                    if (!Float.isNaN(v)) {
                        mean[c] += v / factor;
                        count[c]++;
                    }
                }
            }
        }
        for (int c = 0; c < ch; c++) {
            mean[c] = count[c] > 0 ? mean[c] / count[c] : 0;
        }
        double[] sse = new double[ch];
        double[] sst = new double[ch];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < t; j++) {
                for (int c = 0; c < ch; c++) {
                    float v = truth.get(i, j, c);
                    if (Float.isNaN(v)) {
                        continue;
                    }
                    double y = v / factor;
                    double p = pred.get(i, j, c);
                    if (!Double.isFinite(p)) {
                        throw new IllegalArgumentException("pred is " + p + " at [" + i + ", " + j + ", " + c
                                + "] where truth is observed");
                    }
                    sse[c] += (y - p) * (y - p);
                    sst[c] += (y - mean[c]) * (y - mean[c]);
                }
            }
        }
        return new double[][] {sse, sst};
    }
}

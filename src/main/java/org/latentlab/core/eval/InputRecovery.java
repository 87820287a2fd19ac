package org.latentlab.core.eval;

import java.util.Arrays;
import org.latentlab.core.data.Tensor3;

/**
 * Input recovery (DESIGN.md "Metrics"): how well a model's inferred inputs {@code u [trials, time, k]}
 * linearly explain the true inputs {@code v [trials, time, m]}.
 *
 * <ul>
 *   <li><b>Split.</b> Deterministic, by trial index: the map is fitted on trials {@code [0, n/2)} (integer
 *       division) and scored on trials {@code [n/2, n)}. Trials are already shuffled by the splitter.</li>
 *   <li><b>Map.</b> {@code v̂ = (u − ū) W + v̄}, least squares with an unpenalised bias and a ridge of
 *       {@code 1e-6 · trace(UcᵀUc)} for stability (see {@link LinearFit}).</li>
 *   <li><b>Score.</b> For each true input j, the Pearson correlation between {@code v̂_j} and {@code v_j}
 *       over all scored (trial, bin) pairs pooled; the result is the mean over the m inputs.</li>
 *   <li><b>Lag.</b> Lag L pairs inferred {@code u[i, t + L]} with true {@code v[i, t]}: a positive lag means the
 *       inferred input comes L bins <i>later</i> than the true one. Only bins t with both
 *       {@code 0 ≤ t < T} and {@code 0 ≤ t + L < T} are used (edge bins are dropped, per lag), for fitting and
 *       scoring alike. The best lag maximises the mean correlation over {@code |L| ≤ maxLag} (ties go to the
 *       smaller |L|, then to the negative lag).</li>
 *   <li><b>Missing values and degenerate cases.</b> (trial, bin) pairs with a NaN in either array are dropped. A
 *       true input that is constant over the scored pairs, or a prediction that is constant (no variance in the
 *       inferred inputs), has correlation NaN, and then the mean is NaN too (the per-input array says
 *       which).</li>
 * </ul>
 */
public final class InputRecovery {
    /** The lag search range DESIGN.md asks for: ±2 bins. */
    public static final int DEFAULT_MAX_LAG = 2;

    /**
     * @param correlation        mean correlation over true inputs at lag 0
     * @param perInput           correlation per true input at lag 0
     * @param bestLag            the lag with the highest mean correlation (positive: inferred comes later)
     * @param bestLagCorrelation mean correlation at {@code bestLag}
     * @param perInputAtBestLag  correlation per true input at {@code bestLag}
     * @param byLag              mean correlation at lag {@code L}, stored at index {@code L + maxLag}
     */
    public record Result(double correlation, double[] perInput, int bestLag, double bestLagCorrelation,
                         double[] perInputAtBestLag, double[] byLag) {
        public Result {
            perInput = perInput.clone();
            perInputAtBestLag = perInputAtBestLag.clone();
            byLag = byLag.clone();
        }

        @Override
        public double[] perInput() {
            return perInput.clone();
        }

        @Override
        public double[] perInputAtBestLag() {
            return perInputAtBestLag.clone();
        }

        @Override
        public double[] byLag() {
            return byLag.clone();
        }

        /** The largest |lag| searched. */
        public int maxLag() {
            return byLag.length / 2;
        }
    }

    private InputRecovery() {
    }

    /** Input recovery with the lag searched over ±{@value #DEFAULT_MAX_LAG} bins. */
    public static Result score(Tensor3 inferred, Tensor3 truth) {
        return score(inferred, truth, DEFAULT_MAX_LAG);
    }

    /** Input recovery with the lag searched over {@code [-maxLag, maxLag]}. */
    public static Result score(Tensor3 inferred, Tensor3 truth, int maxLag) {
        check(inferred, truth, maxLag);
        double[][] perLag = new double[2 * maxLag + 1][];
        double[] byLag = new double[2 * maxLag + 1];
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            perLag[lag + maxLag] = correlationsAtLag(inferred, truth, lag);
            byLag[lag + maxLag] = mean(perLag[lag + maxLag]);
        }
        int best = 0;
        double bestValue = byLag[maxLag];
        for (int a = 1; a <= maxLag; a++) {
            for (int lag : new int[] {-a, a}) {
                double v = byLag[lag + maxLag];
                if (v > bestValue || (Double.isNaN(bestValue) && !Double.isNaN(v))) {
                    best = lag;
                    bestValue = v;
                }
            }
        }
        return new Result(byLag[maxLag], perLag[maxLag], best, bestValue, perLag[best + maxLag], byLag);
    }

    /** Correlation per true input at one lag (same split, map and convention as {@link #score}). */
    public static double[] correlationsAtLag(Tensor3 inferred, Tensor3 truth, int lag) {
        check(inferred, truth, Math.abs(lag));
        int n = truth.trials();
        int from = Math.max(0, -lag);
        int to = Math.min(truth.time(), truth.time() - lag);
        int[] fitTrials = Rows.range(0, n / 2);
        int[] scoreTrials = Rows.range(n / 2, n);
        double[][] xFit = Rows.of(inferred, fitTrials, from + lag, to + lag);
        double[][] yFit = Rows.of(truth, fitTrials, from, to);
        int[] keep = Rows.finiteRows(xFit, yFit);
        double[][] xScore = Rows.of(inferred, scoreTrials, from + lag, to + lag);
        double[][] yScore = Rows.of(truth, scoreTrials, from, to);
        int[] keepScore = Rows.finiteRows(xScore, yScore);
        double[] out = new double[truth.channels()];
        if (keep.length == 0 || keepScore.length == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        LinearFit fit = LinearFit.fit(Rows.pick(xFit, keep), Rows.pick(yFit, keep));
        double[][] pred = fit.predict(Rows.pick(xScore, keepScore));
        double[][] y = Rows.pick(yScore, keepScore);
        for (int j = 0; j < out.length; j++) {
            out[j] = pearson(pred, y, j);
        }
        return out;
    }

    /** Pearson correlation of column j of a and b; NaN when either column is constant. */
    static double pearson(double[][] a, double[][] b, int j) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int r = 0; r < n; r++) {
            ma += a[r][j];
            mb += b[r][j];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int r = 0; r < n; r++) {
            double da = a[r][j] - ma;
            double db = b[r][j] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        // A constant column may carry rounding noise of its mean: treat std <= 1e-12 |mean| as constant.
        if (saa <= n * (1e-24 * ma * ma) || sbb <= n * (1e-24 * mb * mb)) {
            return Double.NaN;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    private static void check(Tensor3 inferred, Tensor3 truth, int maxLag) {
        Rows.requireSameTrialsAndTime("inferred inputs", inferred, "true inputs", truth);
        if (truth.trials() < 2) {
            throw new IllegalArgumentException("input recovery needs at least 2 trials (half to fit, half to "
                    + "score), got " + truth.trials());
        }
        if (inferred.channels() == 0 || truth.channels() == 0) {
            throw new IllegalArgumentException("input recovery needs at least one input on each side, got "
                    + "inferred " + inferred.shapeString() + " and true " + truth.shapeString());
        }
        if (maxLag < 0 || maxLag >= truth.time()) {
            throw new IllegalArgumentException("lag " + maxLag + " must be non-negative and below the "
                    + truth.time() + " bins of the inputs");
        }
    }
}

package org.latentlab.core.eval;

import org.latentlab.core.data.Tensor3;

/**
 * Cross-validated latent R² (DESIGN.md "Metrics"). <b>Forward</b>: how well a linear map with bias from the
 * model's latents predicts the true latents; <b>backward</b>: true latents → model latents. A model can score
 * high forward and low backward when it has extra latent dimensions that the truth does not explain.
 *
 * <p>For a regression {@code x → y} (both {@code [trials, time, ·]}, same trials and bins) with k folds:
 * <ul>
 *   <li>Folds are contiguous blocks of trials by index (sklearn {@code KFold(shuffle=False)}): fold f holds
 *       {@code n/k + 1} trials for {@code f < n mod k} and {@code n/k} otherwise, in order.</li>
 *   <li>For each fold, {@code y ≈ (x − x̄) W + ȳ} is fitted by least squares on the other folds' (trial, bin)
 *       rows, with the stabilising ridge {@code 1e-6 · trace(XcᵀXc)} of {@link LinearFit}, and predicts the
 *       fold's rows.</li>
 *   <li>{@code R² = 1 − Σ_d Σ_rows (y − ŷ)² / Σ_d Σ_rows (y − m_d)²}, pooled over all held-out predictions
 *       and variance-weighted over output dimensions d, with {@code m_d} the mean of y_d over all rows (the
 *       rate R² of {@link RateR2}).</li>
 * </ul>
 * Rows with a NaN in x or y are dropped. If y has no variance the result is NaN. Needs {@code 2 ≤ k ≤ n}.
 */
public final class LatentR2 {
    /** Default number of folds. */
    public static final int DEFAULT_FOLDS = 5;

    /** Forward (model → truth) and backward (truth → model) R². */
    public record Result(double forward, double backward) {
    }

    private LatentR2() {
    }

    /** Forward and backward R² with {@value #DEFAULT_FOLDS} folds. */
    public static Result of(Tensor3 model, Tensor3 truth) {
        return of(model, truth, DEFAULT_FOLDS);
    }

    /** Forward and backward R² with the given number of folds. */
    public static Result of(Tensor3 model, Tensor3 truth, int folds) {
        return new Result(forward(model, truth, folds), backward(model, truth, folds));
    }

    /** Model latents → true latents, {@value #DEFAULT_FOLDS}-fold. */
    public static double forward(Tensor3 model, Tensor3 truth) {
        return forward(model, truth, DEFAULT_FOLDS);
    }

    /** Model latents → true latents. */
    public static double forward(Tensor3 model, Tensor3 truth, int folds) {
        Rows.requireSameTrialsAndTime("model latents", model, "true latents", truth);
        return crossValidated(model, truth, folds);
    }

    /** True latents → model latents, {@value #DEFAULT_FOLDS}-fold. */
    public static double backward(Tensor3 model, Tensor3 truth) {
        return backward(model, truth, DEFAULT_FOLDS);
    }

    /** True latents → model latents. */
    public static double backward(Tensor3 model, Tensor3 truth, int folds) {
        Rows.requireSameTrialsAndTime("model latents", model, "true latents", truth);
        return crossValidated(truth, model, folds);
    }

    /** Cross-validated, variance-weighted R² of the linear regression {@code x → y}. */
    public static double crossValidated(Tensor3 x, Tensor3 y, int folds) {
        Rows.requireSameTrialsAndTime("x", x, "y", y);
        int n = x.trials();
        if (folds < 2 || folds > n) {
            throw new IllegalArgumentException(folds + " folds need 2 <= folds <= trials (" + n + " trials)");
        }
        if (x.channels() == 0 || y.channels() == 0) {
            throw new IllegalArgumentException("latent R² needs at least one dimension on each side, got "
                    + x.shapeString() + " and " + y.shapeString());
        }
        int[][] bounds = folds(n, folds);
        int d = y.channels();
        double[] sse = new double[d];
        for (int[] b : bounds) {
            int[] train = new int[n - (b[1] - b[0])];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (i < b[0] || i >= b[1]) {
                    train[k++] = i;
                }
            }
            double[][] xs = Rows.of(x, train, 0, x.time());
            double[][] ys = Rows.of(y, train, 0, y.time());
            int[] keep = Rows.finiteRows(xs, ys);
            double[][] xt = Rows.of(x, Rows.range(b[0], b[1]), 0, x.time());
            double[][] yt = Rows.of(y, Rows.range(b[0], b[1]), 0, y.time());
            int[] keepTest = Rows.finiteRows(xt, yt);
            if (keepTest.length == 0) {
                continue;
            }
            if (keep.length == 0) {
                return Double.NaN;
            }
            LinearFit fit = LinearFit.fit(Rows.pick(xs, keep), Rows.pick(ys, keep));
            double[][] pred = fit.predict(Rows.pick(xt, keepTest));
            for (int r = 0; r < keepTest.length; r++) {
                double[] truth = yt[keepTest[r]];
                for (int j = 0; j < d; j++) {
                    double e = truth[j] - pred[r][j];
                    sse[j] += e * e;
                }
            }
        }
        double[][] xa = Rows.of(x, Rows.range(0, n), 0, x.time());
        double[][] ya = Rows.of(y, Rows.range(0, n), 0, y.time());
        int[] all = Rows.finiteRows(xa, ya);
        if (all.length == 0) {
            return Double.NaN;
        }
        double[][] yk = Rows.pick(ya, all);
        double[] mean = LinearFit.columnMeans(yk);
        double sst = 0;
        double sseTotal = 0;
        for (double[] row : yk) {
            for (int j = 0; j < d; j++) {
                sst += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (double v : sse) {
            sseTotal += v;
        }
        return sst > 0 ? 1 - sseTotal / sst : Double.NaN;
    }

    /** {@code [from, to)} trial ranges of the contiguous folds, in order. */
    static int[][] folds(int n, int k) {
        int[][] out = new int[k][2];
        int start = 0;
        for (int f = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);
            out[f][0] = start;
            out[f][1] = start + size;
            start += size;
        }
        return out;
    }
}

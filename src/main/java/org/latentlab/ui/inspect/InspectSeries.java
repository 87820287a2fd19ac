package org.latentlab.ui.inspect;

import org.latentlab.core.data.Session;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.eval.Pca;

/**
 * What the Inspect screen plots, as plain arrays computed from an {@link InspectRun}: pure functions, so the
 * ViewModel stays thin and the numbers are testable without charts. Time is in ms at bin centres when the
 * bin size is known, else in bins.
 */
public final class InspectSeries {
    /** Trajectories drawn at most; more only clutter the plot and slow the chart. */
    static final int MAX_TRAJECTORIES = 200;

    private InspectSeries() {
    }

    /**
     * One channel of one trial.
     *
     * @param counts   observed spikes per bin
     * @param inferred inferred rate (Hz, or per bin without a bin size)
     * @param truth    true rate in the same unit, or null
     */
    public record Rates(String xLabel, String unit, double[] x, double[] counts, double[] inferred, double[] truth) {
    }

    /** One line per row of {@code y} (factors: {@code [factor][time]}). */
    public record Lines(String xLabel, double[] x, double[][] y) {
    }

    /** Inferred inputs {@code [co][time]} and true inputs {@code [u][time]} (null when the data has none). */
    public record Inputs(String xLabel, double[] x, double[][] inferred, double[][] truth) {
    }

    /**
     * Factor trajectories on the first three PCs ({@code zs} zero and {@code pc3} NaN with fewer than three
     * factors), with each trajectory's condition and the PCs' variance ratios. {@code xs, ys} are what a 2-D
     * plot draws: PC1 and PC2, or a rotated view of all three ({@link #view}).
     */
    public record Trajectories(double[][] xs, double[][] ys, double[][] zs, int[] condition, double pc1, double pc2,
                               double pc3, double[][] pcs1, double[][] pcs2) {
        /** Fraction of the factors' variance the plot shows in 2-D (PC1 and PC2). */
        public double explained() {
            return pc1 + (Double.isNaN(pc2) ? 0 : pc2);
        }

        /**
         * The 3-D trajectories seen from an angle, orthographically: turned by {@code azimuth} about the PC3 axis,
         * then seen from {@code elevation} above the PC1-PC2 plane. Elevation 90, azimuth 0 is the 2-D view.
         */
        public Trajectories view(double azimuthDeg, double elevationDeg) {
            double a = Math.toRadians(azimuthDeg);
            double e = Math.toRadians(elevationDeg);
            double ca = Math.cos(a);
            double sa = Math.sin(a);
            double se = Math.sin(e);
            double ce = Math.cos(e);
            double[][] vx = new double[pcs1.length][];
            double[][] vy = new double[pcs1.length][];
            for (int i = 0; i < pcs1.length; i++) {
                int n = pcs1[i].length;
                vx[i] = new double[n];
                vy[i] = new double[n];
                for (int t = 0; t < n; t++) {
                    double x = pcs1[i][t];
                    double y = pcs2[i][t];
                    double z = zs[i][t];
                    vx[i][t] = x * ca - y * sa;
                    vy[i][t] = (x * sa + y * ca) * se + z * ce;
                }
            }
            return new Trajectories(vx, vy, zs, condition, pc1, pc2, pc3, pcs1, pcs2);
        }
    }

    static String xLabel(Session s) {
        return Double.isNaN(s.binSizeMs()) ? "time (bins)" : "time (ms)";
    }

    static double[] times(Session s, int n) {
        double bin = Double.isNaN(s.binSizeMs()) ? 1 : s.binSizeMs();
        double offset = Double.isNaN(s.binSizeMs()) ? 0 : 0.5;
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = (t + offset) * bin;
        }
        return x;
    }

    /** Spikes, inferred rate ({@code output_params × 1000 / bin}) and true rate of {@code (trial, channel)}. */
    public static Rates rates(Session s, SplitData d, InspectRun.Outputs o, int trial, int channel) {
        boolean hz = !Double.isNaN(s.binSizeMs());
        double scale = hz ? 1000.0 / s.binSizeMs() : 1;
        int n = o.rates().time();
        Tensor3 obs = d.reconOrEncod();
        double[] counts = new double[n];
        for (int t = 0; t < Math.min(n, obs.time()); t++) {
            counts[t] = obs.get(trial, t, channel);
        }
        double[] truth = null;
        if (d.truth() != null && channel < d.truth().channels()) {
            truth = series(d.truth(), trial, channel, n, scale / s.conversionFactor());
        }
        return new Rates(xLabel(s), hz ? "rate (Hz)" : "rate (spikes/bin)", times(s, n), counts,
                series(o.rates(), trial, channel, n, scale), truth);
    }

    public static Lines factors(Session s, InspectRun.Outputs o, int trial) {
        return new Lines(xLabel(s), times(s, o.factors().time()), rows(o.factors(), trial));
    }

    /** Inferred inputs of {@code trial}, or null when the model had no controller. */
    public static Inputs inputs(Session s, SplitData d, InspectRun.Outputs o, int trial) {
        if (o.genInputs() == null || o.genInputs().channels() == 0) {
            return null;
        }
        Tensor3 g = o.genInputs();
        double[][] truth = d.inputsTruth() == null ? null : rows(d.inputsTruth(), trial, g.time());
        return new Inputs(xLabel(s), times(s, g.time()), rows(g, trial), truth);
    }

    /**
     * Predicted behaviour of {@code trial} (as {@code inferred}) and the recorded behaviour (as {@code truth},
     * null when the split has none), or null when the run predicts no behaviour.
     */
    public static Inputs behavior(Session s, SplitData d, InspectRun.Outputs o, int trial) {
        if (o.behavior() == null) {
            return null;
        }
        Tensor3 b = o.behavior();
        double[][] recorded = d.behavior() == null ? null : rows(d.behavior(), trial, b.time());
        return new Inputs(xLabel(s), times(s, b.time()), rows(b, trial), recorded);
    }

    /** PCA of the split's factors over all its trials on three PCs; trajectories beyond the cap are left out. */
    public static Trajectories pca(Tensor3 factors, int[] conditions) {
        Pca pca = Pca.fit(factors);
        int k = Math.min(3, factors.channels());
        Tensor3 z = pca.project(factors, k);
        int n = Math.min(MAX_TRAJECTORIES, z.trials());
        double[][] xs = new double[n][];
        double[][] ys = new double[n][];
        double[][] zs = new double[n][];
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = series(z, i, 0, z.time(), 1);
            ys[i] = k > 1 ? series(z, i, 1, z.time(), 1) : new double[z.time()];
            zs[i] = k > 2 ? series(z, i, 2, z.time(), 1) : new double[z.time()];
            group[i] = conditions == null ? 0 : conditions[i];
        }
        double[] ratio = pca.explainedVarianceRatio();
        return new Trajectories(xs, ys, zs, group, ratio[0], k > 1 ? ratio[1] : Double.NaN,
                k > 2 ? ratio[2] : Double.NaN, xs, ys);
    }

    private static double[][] rows(Tensor3 t, int trial) {
        return rows(t, trial, t.time());
    }

    private static double[][] rows(Tensor3 t, int trial, int n) {
        double[][] y = new double[t.channels()][];
        for (int c = 0; c < y.length; c++) {
            y[c] = series(t, trial, c, n, 1);
        }
        return y;
    }

    /** {@code t[trial, :n, channel] × scale}; bins past the tensor's end are NaN (a gap in the line). */
    private static double[] series(Tensor3 t, int trial, int channel, int n, double scale) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i < t.time() ? t.get(trial, i, channel) * scale : Double.NaN;
        }
        return y;
    }
}

package org.latentlab.core.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.latentlab.core.data.Tensor3;

/**
 * PCA of {@code [trials, time, dims]} data pooled over trials and time (e.g. factors, for trajectory plots).
 *
 * <p>With {@code X} the {@code N × D} matrix of (trial, bin) rows without NaN and {@code μ} its column mean, the
 * thin SVD {@code X − μ = U S Vᵀ} gives the components (rows of {@code Vᵀ}, unit length, by decreasing singular
 * value), the explained variances {@code s_i² / (N − 1)} and the ratios {@code s_i² / Σ_j s_j²}. There are
 * {@code min(N, D)} components. Signs are fixed so that each component's largest-magnitude entry is positive
 * (the first such entry on ties). Projection: {@code scores = (x − μ) V_k}; reconstruction:
 * {@code x ≈ μ + scores V_kᵀ}. A NaN anywhere in a row makes that row's scores NaN. If the data have no
 * variance the ratios are NaN. Needs at least 2 rows without NaN.
 */
public final class Pca {
    private final double[] mean;
    private final double[][] components;
    private final double[] variance;
    private final double[] ratio;

    private Pca(double[] mean, double[][] components, double[] variance, double[] ratio) {
        this.mean = mean;
        this.components = components;
        this.variance = variance;
        this.ratio = ratio;
    }

    /** Fits the PCA of every (trial, bin) row of {@code data} without a NaN. */
    public static Pca fit(Tensor3 data) {
        Rows.requireNonNull("data", data);
        int dims = data.channels();
        if (dims == 0) {
            throw new IllegalArgumentException("PCA needs at least one dimension, got " + data.shapeString());
        }
        double[][] all = Rows.of(data, Rows.range(0, data.trials()), 0, data.time());
        double[][] rows = Rows.pick(all, Rows.finiteRows(all, all));
        int n = rows.length;
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 (trial, bin) rows without NaN, got " + n
                    + " in " + data.shapeString());
        }
        double[] mu = LinearFit.columnMeans(rows);
        DMatrixRMaj x = new DMatrixRMaj(n, dims);
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < dims; k++) {
                x.unsafe_set(r, k, rows[r][k] - mu[k]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, dims, false, true, true);
        if (!svd.decompose(x)) {
            throw new IllegalArgumentException("SVD of the centred " + data.shapeString() + " data failed");
        }
        double[] s = svd.getSingularValues();
        int m = Math.min(svd.numberOfSingularValues(), Math.min(n, dims));
        DMatrixRMaj v = svd.getV(null, false); // dims x m, columns are right singular vectors
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -s[i]));
        double total = 0;
        for (int i = 0; i < m; i++) {
            total += s[i] * s[i];
        }
        double[][] comps = new double[m][dims];
        double[] var = new double[m];
        double[] rat = new double[m];
        for (int c = 0; c < m; c++) {
            int src = order[c];
            int arg = 0;
            for (int k = 0; k < dims; k++) {
                comps[c][k] = v.get(k, src);
                if (Math.abs(comps[c][k]) > Math.abs(comps[c][arg])) {
                    arg = k;
                }
            }
            if (comps[c][arg] < 0) {
                for (int k = 0; k < dims; k++) {
                    comps[c][k] = -comps[c][k];
                }
            }
            var[c] = s[src] * s[src] / (n - 1);
            rat[c] = total > 0 ? s[src] * s[src] / total : Double.NaN;
        }
        return new Pca(mu, comps, var, rat);
    }

    /** Dimensions of the data. */
    public int dims() {
        return mean.length;
    }

    /** Number of components, {@code min(rows, dims)}. */
    public int size() {
        return components.length;
    }

    /** Column mean {@code μ} of the fitted rows. */
    public double[] mean() {
        return mean.clone();
    }

    /** Components {@code [size][dims]}, unit rows, by decreasing variance. */
    public double[][] components() {
        double[][] out = new double[components.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = components[i].clone();
        }
        return out;
    }

    /** Variance along each component, {@code s_i² / (N − 1)}. */
    public double[] explainedVariance() {
        return variance.clone();
    }

    /** Fraction of the total variance along each component; they sum to 1 (NaN for constant data). */
    public double[] explainedVarianceRatio() {
        return ratio.clone();
    }

    /** Scores {@code (x − μ) V_k} on the first {@code k} components, {@code [trials, time, k]}. */
    public Tensor3 project(Tensor3 data, int k) {
        Rows.requireNonNull("data", data);
        if (data.channels() != dims()) {
            throw new IllegalArgumentException("PCA was fitted on " + dims() + " dimensions but data is "
                    + data.shapeString());
        }
        if (k < 0 || k > size()) {
            throw new IllegalArgumentException("k = " + k + " must be in [0, " + size() + "]");
        }
        Tensor3.Builder b = Tensor3.builder(data.trials(), data.time(), k);
        for (int i = 0; i < data.trials(); i++) {
            for (int j = 0; j < data.time(); j++) {
                for (int c = 0; c < k; c++) {
                    double sum = 0;
                    for (int d = 0; d < dims(); d++) {
                        sum += (data.get(i, j, d) - mean[d]) * components[c][d];
                    }
                    b.set(i, j, c, (float) sum);
                }
            }
        }
        return b.build();
    }

    /** Back to data space from scores on the first {@code scores.channels()} components: {@code μ + s V_kᵀ}. */
    public Tensor3 reconstruct(Tensor3 scores) {
        Rows.requireNonNull("scores", scores);
        int k = scores.channels();
        if (k > size()) {
            throw new IllegalArgumentException("scores " + scores.shapeString() + " have more than the " + size()
                    + " components");
        }
        Tensor3.Builder b = Tensor3.builder(scores.trials(), scores.time(), dims());
        for (int i = 0; i < scores.trials(); i++) {
            for (int j = 0; j < scores.time(); j++) {
                for (int d = 0; d < dims(); d++) {
                    double sum = mean[d];
                    for (int c = 0; c < k; c++) {
                        sum += scores.get(i, j, c) * components[c][d];
                    }
                    b.set(i, j, d, (float) sum);
                }
            }
        }
        return b.build();
    }
}

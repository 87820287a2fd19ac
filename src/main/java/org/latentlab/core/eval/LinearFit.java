package org.latentlab.core.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * A linear map with bias fitted by least squares with a tiny ridge, {@code y ≈ (x - xMean) W + yMean}.
 *
 * <p>With {@code Xc, Yc} the column-centred data, {@code W = (XcᵀXc + α I)⁻¹ XcᵀYc} and
 * {@code α = RELATIVE_RIDGE · trace(XcᵀXc)}; the bias is not penalised (centring makes it exact). When every
 * input column is constant ({@code trace = 0}) {@code W = 0}, so predictions are the training mean.
 */
final class LinearFit {
    /** The ridge relative to {@code trace(XcᵀXc)}: numerical stability only, a negligible bias otherwise. */
    static final double RELATIVE_RIDGE = 1e-6;

    private final double[] xMean;
    private final double[] yMean;
    private final DMatrixRMaj w;

    private LinearFit(double[] xMean, double[] yMean, DMatrixRMaj w) {
        this.xMean = xMean;
        this.yMean = yMean;
        this.w = w;
    }

    /** Fits {@code y} on {@code x}; both have one row per sample, at least one row, no NaN. */
    static LinearFit fit(double[][] x, double[][] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("need the same, positive number of rows, got " + x.length
                    + " and " + y.length);
        }
        int p = x[0].length;
        int q = y[0].length;
        double[] mx = columnMeans(x);
        double[] my = columnMeans(y);
        DMatrixRMaj xc = centred(x, mx);
        DMatrixRMaj yc = centred(y, my);
        DMatrixRMaj c = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(xc, xc, c);
        DMatrixRMaj b = new DMatrixRMaj(p, q);
        CommonOps_DDRM.multTransA(xc, yc, b);
        double trace = CommonOps_DDRM.trace(c);
        DMatrixRMaj w = new DMatrixRMaj(p, q);
        if (trace > 0 && Double.isFinite(trace)) {
            double alpha = RELATIVE_RIDGE * trace;
            for (int i = 0; i < p; i++) {
                c.add(i, i, alpha);
            }
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(p);
            if (!solver.setA(c)) {
                solver = LinearSolverFactory_DDRM.pseudoInverse(true);
                solver.setA(c);
            }
            solver.solve(b, w);
        }
        return new LinearFit(mx, my, w);
    }

    /** Predictions for each row of {@code x}. */
    double[][] predict(double[][] x) {
        int p = xMean.length;
        int q = yMean.length;
        double[][] out = new double[x.length][q];
        for (int r = 0; r < x.length; r++) {
            double[] o = out[r];
            System.arraycopy(yMean, 0, o, 0, q);
            for (int i = 0; i < p; i++) {
                double xi = x[r][i] - xMean[i];
                for (int j = 0; j < q; j++) {
                    o[j] += xi * w.get(i, j);
                }
            }
        }
        return out;
    }

    static double[] columnMeans(double[][] rows) {
        int c = rows[0].length;
        double[] m = new double[c];
        for (double[] row : rows) {
            for (int k = 0; k < c; k++) {
                m[k] += row[k];
            }
        }
        for (int k = 0; k < c; k++) {
            m[k] /= rows.length;
        }
        return m;
    }

    private static DMatrixRMaj centred(double[][] rows, double[] mean) {
        int c = mean.length;
        DMatrixRMaj m = new DMatrixRMaj(rows.length, c);
        for (int r = 0; r < rows.length; r++) {
            for (int k = 0; k < c; k++) {
                m.unsafe_set(r, k, rows[r][k] - mean[k]);
            }
        }
        return m;
    }
}

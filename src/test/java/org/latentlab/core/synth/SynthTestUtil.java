package org.latentlab.core.synth;

import java.util.function.Function;

import org.latentlab.core.data.Session;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;

/** Reassembles a generated session's splits into generation order (by trial id). */
final class SynthTestUtil {
    private SynthTestUtil() {
    }

    /** {@code [trial][time][channel]} in original trial order. */
    static float[][][] byTrial(Session s, Function<SplitData, Tensor3> array) {
        float[][][] out = new float[s.totalTrials()][][];
        for (SplitData d : s.splits().values()) {
            float[][][] part = array.apply(d).toNested();
            int[] ids = d.trialIds();
            for (int k = 0; k < ids.length; k++) {
                out[ids[k]] = part[k];
            }
        }
        return out;
    }

    static int[] conditionsByTrial(Session s) {
        int[] out = new int[s.totalTrials()];
        for (SplitData d : s.splits().values()) {
            int[] ids = d.trialIds();
            int[] c = d.conditionIds();
            for (int k = 0; k < ids.length; k++) {
                out[ids[k]] = c[k];
            }
        }
        return out;
    }

    static double[] parseList(String s) {
        String[] parts = s.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    /** Least squares of y on [1, x] via the normal equations (small, well-conditioned problems only). */
    static double[] regress(double[][] x, double[] y) {
        int p = x[0].length + 1;
        double[][] a = new double[p][p + 1];
        for (int r = 0; r < y.length; r++) {
            double[] row = new double[p];
            row[0] = 1;
            System.arraycopy(x[r], 0, row, 1, p - 1);
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    a[i][j] += row[i] * row[j];
                }
                a[i][p] += row[i] * y[r];
            }
        }
        // Gauss-Jordan with partial pivoting
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            for (int r = 0; r < p; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= p; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] beta = new double[p];
        for (int i = 0; i < p; i++) {
            beta[i] = a[i][p] / a[i][i];
        }
        return beta;
    }
}

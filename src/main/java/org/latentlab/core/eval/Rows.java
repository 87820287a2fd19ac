package org.latentlab.core.eval;

import java.util.Arrays;
import org.latentlab.core.data.Tensor3;

/** Package-private helpers: argument checks and flattening of {@code [trials, time, channels]} into rows. */
final class Rows {
    private Rows() {
    }

    static void requireNonNull(String name, Tensor3 t) {
        if (t == null) {
            throw new IllegalArgumentException(name + " is null");
        }
    }

    /** Throws unless both arrays have exactly the same shape, naming both shapes. */
    static void requireSameShape(String aName, Tensor3 a, String bName, Tensor3 b) {
        requireNonNull(aName, a);
        requireNonNull(bName, b);
        if (a.trials() != b.trials() || a.time() != b.time() || a.channels() != b.channels()) {
            throw new IllegalArgumentException(aName + " is " + a.shapeString() + " but " + bName + " is "
                    + b.shapeString() + " (shapes must be equal)");
        }
    }

    /** Throws unless both arrays have the same trials and time bins (channels may differ), naming both shapes. */
    static void requireSameTrialsAndTime(String aName, Tensor3 a, String bName, Tensor3 b) {
        requireNonNull(aName, a);
        requireNonNull(bName, b);
        if (a.trials() != b.trials() || a.time() != b.time()) {
            throw new IllegalArgumentException(aName + " is " + a.shapeString() + " but " + bName + " is "
                    + b.shapeString() + " (trials and time bins must be equal)");
        }
    }

    /** Trial indices {@code from, from+1, ..., to-1}. */
    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /**
     * The rows {@code t[trial, bin, :]} for the given trials (in order) and bins {@code [from, to)}, one row per
     * (trial, bin), trial-major.
     */
    static double[][] of(Tensor3 t, int[] trials, int from, int to) {
        int c = t.channels();
        double[][] out = new double[trials.length * (to - from)][c];
        int r = 0;
        for (int i : trials) {
            for (int j = from; j < to; j++) {
                double[] row = out[r++];
                for (int k = 0; k < c; k++) {
                    row[k] = t.get(i, j, k);
                }
            }
        }
        return out;
    }

    /** Row indices where neither {@code a[r]} nor {@code b[r]} holds a NaN. */
    static int[] finiteRows(double[][] a, double[][] b) {
        int[] keep = new int[a.length];
        int n = 0;
        for (int r = 0; r < a.length; r++) {
            if (!hasNaN(a[r]) && !hasNaN(b[r])) {
                keep[n++] = r;
            }
        }
        return Arrays.copyOf(keep, n);
    }

    static double[][] pick(double[][] rows, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int k = 0; k < idx.length; k++) {
            out[k] = rows[idx[k]];
        }
        return out;
    }

    static boolean hasNaN(double[] row) {
        for (double v : row) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}

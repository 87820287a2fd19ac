package org.latentlab.core.synth;

import java.util.ArrayList;
import java.util.List;

import org.latentlab.core.data.DataException;

/** Small numeric helpers shared by the generators. */
final class Stats {
    private Stats() {
    }

    /**
     * Mean and population sd per dimension of per-condition trajectories {@code [conditions][time][dim]},
     * counted once per trial ({@code cond[i]} is trial {@code i}'s condition).
     */
    static void meanSd(double[][][] perCondition, int[] cond, double[] mean, double[] sd) {
        int dims = mean.length;
        int[] weight = new int[perCondition.length];
        for (int c : cond) {
            weight[c]++;
        }
        double count = 0;
        double[] sum = new double[dims];
        for (int c = 0; c < perCondition.length; c++) {
            for (double[] x : perCondition[c]) {
                for (int d = 0; d < dims; d++) {
                    sum[d] += weight[c] * x[d];
                }
                count += weight[c];
            }
        }
        for (int d = 0; d < dims; d++) {
            mean[d] = sum[d] / count;
        }
        double[] ss = new double[dims];
        for (int c = 0; c < perCondition.length; c++) {
            for (double[] x : perCondition[c]) {
                for (int d = 0; d < dims; d++) {
                    double e = x[d] - mean[d];
                    ss[d] += weight[c] * e * e;
                }
            }
        }
        for (int d = 0; d < dims; d++) {
            sd[d] = StrictMath.sqrt(ss[d] / count);
        }
    }

    /** Throws when a simulation produced a non-finite value (an unstable parameter choice). */
    static void requireFinite(String kind, float[][][] a) {
        for (int i = 0; i < a.length; i++) {
            for (int t = 0; t < a[i].length; t++) {
                for (float v : a[i][t]) {
                    if (!Float.isFinite(v)) {
                        throw new DataException(kind + " simulation produced " + v + " in trial " + i
                                + ", bin " + t + ": the chosen parameters make it unstable");
                    }
                }
            }
        }
    }

    /** Comma-joined full-precision values, for attributes. */
    static String join(double[] v) {
        List<String> parts = new ArrayList<>();
        for (double d : v) {
            parts.add(Double.toString(d));
        }
        return String.join(",", parts);
    }
}

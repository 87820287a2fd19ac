package org.latentlab.core.model.dynamics;

import ai.djl.ndarray.NDArray;

/** Copies between engine arrays and the solver's double arrays. */
public final class Host {
    private Host() {
    }

    /** The values of {@code a}, flat in row-major order, as doubles. */
    public static double[] copy(NDArray a) {
        float[] f = a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** {@code out[o] = bias[o] + Σ_i v[i]·w[i*cols + o]}: a row vector times an input-major matrix. */
    public static void rowTimes(double[] v, double[] w, int cols, double[] bias, double[] out) {
        for (int o = 0; o < cols; o++) {
            out[o] = bias == null ? 0 : bias[o];
        }
        for (int i = 0; i < v.length; i++) {
            double vi = v[i];
            if (vi == 0) {
                continue;
            }
            int base = i * cols;
            for (int o = 0; o < cols; o++) {
                out[o] += vi * w[base + o];
            }
        }
    }
}

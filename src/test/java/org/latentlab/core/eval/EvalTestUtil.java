package org.latentlab.core.eval;

import java.util.Random;
import org.latentlab.core.data.Tensor3;

/** Builders for small test arrays. */
final class EvalTestUtil {
    private EvalTestUtil() {
    }

    interface Cell {
        double at(int trial, int bin, int channel);
    }

    static Tensor3 tensor(int trials, int time, int channels, Cell f) {
        Tensor3.Builder b = Tensor3.builder(trials, time, channels);
        for (int i = 0; i < trials; i++) {
            for (int j = 0; j < time; j++) {
                for (int c = 0; c < channels; c++) {
                    b.set(i, j, c, (float) f.at(i, j, c));
                }
            }
        }
        return b.build();
    }

    static Tensor3 gaussian(int trials, int time, int channels, long seed) {
        Random r = new Random(seed);
        return tensor(trials, time, channels, (i, j, c) -> r.nextGaussian());
    }

    /** Knuth's Poisson sampler (fine for small means). */
    static int poisson(Random r, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = r.nextDouble();
        while (p > l) {
            k++;
            p *= r.nextDouble();
        }
        return k;
    }

    /** {@code x · a + b} per (trial, bin) row; {@code a} is {@code [in][out]}. */
    static Tensor3 affine(Tensor3 x, double[][] a, double[] b) {
        return tensor(x.trials(), x.time(), b.length, (i, j, o) -> {
            double s = b[o];
            for (int k = 0; k < a.length; k++) {
                s += x.get(i, j, k) * a[k][o];
            }
            return s;
        });
    }
}

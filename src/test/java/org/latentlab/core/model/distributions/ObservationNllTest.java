package org.latentlab.core.model.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.model.nn.Consts;

/** Each observation model's NLL and mean against its closed form, evaluated in double in Java. */
class ObservationNllTest {
    static double lnGamma(double x) {
        // Lanczos (g = 7), accurate to ~1e-13 for x > 0.5; reflection below.
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
        }
        x -= 1;
        double a = g[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += g[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    static final float[] X = {0, 1, 2, 5, 0.5f, 3.25f};
    static final float[] A = {-1.2f, 0.3f, 1.1f, 0.2f, -0.4f, 0.9f};
    static final float[] B = {0.5f, -0.7f, 0.1f, 1.3f, -1.5f, 0.05f};
    static final float[] C = {2.0f, -1.0f, 0.4f, -0.3f, 1.2f, 0.0f};

    interface Closed {
        double nll(int i);
    }

    void check(Observation o, float[] raw, Closed want, Closed mean) {
        TorchEngine.get();
        try (NDManager nd = NDManager.newBaseManager()) {
            Consts c = new Consts(nd);
            int n = X.length;
            NDArray r = nd.create(raw, new Shape(1, 1, raw.length));
            NDArray x = nd.create(X, new Shape(1, 1, n));
            float[] got = o.nll(r, x, c).toFloatArray();
            float[] mu = o.mean(r, c).toFloatArray();
            for (int i = 0; i < n; i++) {
                assertEquals(want.nll(i), got[i], 1e-4 * Math.max(1, Math.abs(want.nll(i))), o + " nll " + i);
                assertEquals(mean.nll(i), mu[i], 1e-4 * Math.max(1, Math.abs(mean.nll(i))), o + " mean " + i);
            }
        }
    }

    @Test
    void poisson() {
        check(new Poisson(), A, i -> Math.exp(A[i]) - X[i] * A[i] + lnGamma(X[i] + 1), i -> Math.exp(A[i]));
    }

    @Test
    void gaussian() {
        check(new Gaussian(), concat(A, B), i -> 0.5 * Math.log(2 * Math.PI * Math.exp(B[i]))
                + (X[i] - A[i]) * (X[i] - A[i]) / (2 * Math.exp(B[i])), i -> A[i]);
    }

    @Test
    void gamma() {
        check(new Gamma(), concat(A, B), i -> {
            double a = Math.exp(A[i]);
            double b = Math.exp(B[i]);
            double x = Math.max(X[i], 1e-8);
            return -(a * Math.log(b) + (a - 1) * Math.log(x) - b * x - lnGamma(a));
        }, i -> Math.exp(A[i]) / Math.exp(B[i]));
    }

    @Test
    void zeroInflatedGamma() {
        TorchEngine.get();
        try (NDManager nd = NDManager.newBaseManager()) {
            int n = X.length;
            float[] scales = new float[2 * n];
            for (int i = 0; i < n; i++) {
                scales[i] = 20f + i;      // shape scale
                scales[n + i] = 15f - i;  // rate scale
            }
            NDArray scale = nd.create(scales, new Shape(1, 1, 2 * n));
            double loc = 0.1;
            ZeroInflatedGamma z = new ZeroInflatedGamma(scale, loc, 20, 1e-4);
            check(z, concat(concat(A, B), C), i -> {
                double a = sig(A[i]) * scales[i];
                double b = sig(B[i]) * scales[n + i];
                double q = sig(C[i]);
                if (X[i] == 0) {
                    return -Math.log(1 - q);
                }
                double x = X[i] - loc;
                return -Math.log(q) - (a * Math.log(b) + (a - 1) * Math.log(x) - b * x - lnGamma(a));
            }, i -> sig(C[i]) * (sig(A[i]) * scales[i] / (sig(B[i]) * scales[n + i]) + loc));
            Consts c = new Consts(nd);
            double want = 0;
            for (float s : scales) {
                want += 0.5 * 1e-4 * (s - 20) * (s - 20);
            }
            assertEquals(want, z.penalty(c).getFloat(0), 1e-6);
        }
    }

    static double sig(double v) {
        return Math.max(1e-5, 1 / (1 + Math.exp(-v)));
    }

    static float[] concat(float[] a, float[] b) {
        float[] o = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, o, a.length, b.length);
        return o;
    }
}

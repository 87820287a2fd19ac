package org.latentlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.model.nn.MemberParams;

/** Two AdamW steps per member against a hand computation: own learning rate, own clipping, weight decay. */
class MemberAdamWTest {
    @Test
    void eachMemberStepsWithItsOwnLearningRateClippingAndDecay() {
        Engine engine = TorchEngine.get();
        try (NDManager nd = NDManager.newBaseManager()) {
            MemberParams p = new MemberParams(nd, 2, 1);
            NDArray w = p.constant("w", 0.5, 3);
            float[] c = {1f, -2f, 3f, 40f, 0f, -30f}; // member 1's gradient norm is 50: clipped to 5
            NDArray coef = nd.create(c, new Shape(2, 3));
            MemberAdamW opt = new MemberAdamW(p, 1e-8);
            float[] lr = {0.1f, 0.01f};
            float[] wd = {0f, 0.5f};
            double[][] want = new double[2][3];
            double[][] m = new double[2][3];
            double[][] v = new double[2][3];
            for (double[] row : want) {
                java.util.Arrays.fill(row, 0.5);
            }
            for (int step = 1; step <= 2; step++) {
                try (GradientCollector gc = engine.newGradientCollector()) {
                    gc.backward(w.mul(coef).sum()); // gradient = coef
                }
                opt.step(lr, wd, 5.0);
                for (int k = 0; k < 2; k++) {
                    double norm = 0;
                    for (int i = 0; i < 3; i++) {
                        norm += c[3 * k + i] * c[3 * k + i];
                    }
                    double scale = Math.sqrt(norm) > 5 ? 5 / Math.sqrt(norm) : 1;
                    for (int i = 0; i < 3; i++) {
                        double g = c[3 * k + i] * scale;
                        m[k][i] = 0.9 * m[k][i] + 0.1 * g;
                        v[k][i] = 0.999 * v[k][i] + 0.001 * g * g;
                        double mh = m[k][i] / (1 - Math.pow(0.9, step));
                        double vh = v[k][i] / (1 - Math.pow(0.999, step));
                        want[k][i] = want[k][i] * (1 - lr[k] * wd[k]) - lr[k] * mh / (Math.sqrt(vh) + 1e-8);
                    }
                }
            }
            float[] got = w.toFloatArray();
            for (int k = 0; k < 2; k++) {
                for (int i = 0; i < 3; i++) {
                    assertEquals(want[k][i], got[3 * k + i], 1e-5, "member " + k + ", entry " + i);
                }
            }
        }
    }
}

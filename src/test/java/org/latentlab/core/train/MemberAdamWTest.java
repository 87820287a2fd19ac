package org.latentlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.latentlab.core.engine.Recording;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.model.nn.MemberParams;

/** Two AdamW steps per member against a hand computation: own learning rate, own clipping, weight decay. */
class MemberAdamWTest {
    @Test
    void eachMemberStepsWithItsOwnLearningRateClippingAndDecay() {
        TorchEngine.get();
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
                try (Recording rec = Recording.start()) {
                    rec.backward(w.mul(coef).sum()); // gradient = coef
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

    /**
     * PBT's learning-rate take-over: after member 1 copies member 0's weights and optimizer state and gets a
     * new learning rate, its next update equals member 0's scaled by the ratio of the two learning rates, so
     * the value in effect is the member's hyperparameter, not the one restored with the optimizer state.
     */
    @Test
    void afterCopyingAMembersOptimizerStateTheNewLearningRateTakesEffect() {
        TorchEngine.get();
        try (NDManager nd = NDManager.newBaseManager()) {
            MemberParams p = new MemberParams(nd, 2, 1);
            NDArray w = p.normal("w", 1.0, 4);
            NDArray coef = nd.create(new float[] {1f, -2f, 0.5f, 3f, -1f, 2f, 4f, 0.3f}, new Shape(2, 4));
            MemberAdamW opt = new MemberAdamW(p, 1e-8);
            for (int step = 0; step < 3; step++) { // members drift apart: different gradients and rates
                try (Recording rec = Recording.start()) {
                    rec.backward(w.mul(coef).sum());
                }
                opt.step(new float[] {0.01f, 0.05f}, new float[] {0f, 0f}, 1e9);
            }
            p.copyMember(0, 1);
            opt.copyMember(0, 1);
            float[] before = w.toFloatArray();
            assertEquals(before[0], before[4]);
            NDArray same = nd.create(new float[] {1f, -2f, 0.5f, 3f, 1f, -2f, 0.5f, 3f}, new Shape(2, 4));
            try (Recording rec = Recording.start()) {
                rec.backward(w.mul(same).sum());
            }
            opt.step(new float[] {0.01f, 0.003f}, new float[] {0f, 0f}, 1e9);
            float[] after = w.toFloatArray();
            for (int i = 0; i < 4; i++) {
                double d0 = after[i] - before[i];
                double d1 = after[4 + i] - before[4 + i];
                assertEquals(0.3, d1 / d0, 1e-4, "entry " + i);
            }
            assertEquals(opt.stepCounts()[0], opt.stepCounts()[1]);
        }
    }

    /** A member whose loss is non-finite is left as it was, even when its gradient holds NaN. */
    @Test
    void aSkippedMemberKeepsWeightsMomentsAndStepCount() {
        TorchEngine.get();
        try (NDManager nd = NDManager.newBaseManager()) {
            MemberParams p = new MemberParams(nd, 2, 1);
            NDArray w = p.normal("w", 1.0, 3);
            MemberAdamW opt = new MemberAdamW(p, 1e-8);
            NDArray coef = nd.create(new float[] {1f, 2f, 3f, 1f, 2f, 3f}, new Shape(2, 3));
            try (Recording rec = Recording.start()) {
                rec.backward(w.mul(coef).sum());
            }
            opt.step(new float[] {0.01f, 0.01f}, new float[] {0f, 0f}, 1e9);
            float[] w0 = w.toFloatArray();
            float[] m0 = opt.firstMoments().get("w").toFloatArray();
            NDArray nan = nd.create(new float[] {1f, 2f, 3f, Float.NaN, 2f, 3f}, new Shape(2, 3));
            try (Recording rec = Recording.start()) {
                rec.backward(w.mul(nan).sum());
            }
            opt.step(new float[] {0.01f, 0.01f}, new float[] {0f, 0f}, 1e9, new boolean[] {true, false});
            float[] w1 = w.toFloatArray();
            float[] m1 = opt.firstMoments().get("w").toFloatArray();
            for (int i = 3; i < 6; i++) {
                assertEquals(w0[i], w1[i], "member 1 weight " + i);
                assertEquals(m0[i], m1[i], "member 1 moment " + i);
            }
            for (int i = 0; i < 3; i++) {
                org.junit.jupiter.api.Assertions.assertNotEquals(w0[i], w1[i], "member 0 still trains");
            }
            assertEquals(2f, opt.stepCounts()[0]);
            assertEquals(1f, opt.stepCounts()[1]);
            // The NaN gradient was cleared: a normal step afterwards moves member 1 by a finite amount.
            try (Recording rec = Recording.start()) {
                rec.backward(w.mul(coef).sum());
            }
            opt.step(new float[] {0.01f, 0.01f}, new float[] {0f, 0f}, 1e9);
            for (float v : w.toFloatArray()) {
                org.junit.jupiter.api.Assertions.assertTrue(Float.isFinite(v));
            }
        }
    }
}

package org.latentlab.core.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.latentlab.core.engine.TorchEngine;

/**
 * The cell against a slow double-precision transcription of lfads-torch's equations, per member:
 * gate order (z, r, n), reset before the recurrent matmul, clip; in both loop layouts (with the member axis,
 * and flat for one member); and the clip left out only where it cannot bind.
 */
class ClippedGruTest {
    static final int M = 2;
    static final int B = 3;
    static final int I = 4;
    static final int H = 5;

    @Test
    void stepMatchesTheEquationsForEveryMemberAndClipsOnlyWhenItBinds() {
        TorchEngine.get();
        try (NDManager nd = NDManager.newBaseManager()) {
            MemberParams p = new MemberParams(nd, M, 11);
            ClippedGru gru = ClippedGru.create(p, "g", I, H, 5f, false);
            float[] x = new float[M * B * I];
            float[] h = new float[M * B * H];
            java.util.SplittableRandom r = new java.util.SplittableRandom(3);
            for (int k = 0; k < x.length; k++) {
                x[k] = (float) (r.nextDouble() * 4 - 2);
            }
            for (int k = 0; k < h.length; k++) {
                h[k] = (float) (r.nextDouble() * 2 - 1);
            }
            NDArray xa = nd.create(x, new ai.djl.ndarray.types.Shape(M, B, I));
            NDArray ha = nd.create(h, new ai.djl.ndarray.types.Shape(M, B, H));
            float[] got = step(gru, Loop.of(M), xa, ha, true).toFloatArray();
            float[] want = reference(gru, x, h, 5.0);
            for (int k = 0; k < got.length; k++) {
                assertEquals(want[k], got[k], 1e-5, "entry " + k);
            }
            // Where the clip binds, the state is exactly at the bound; with a huge clip it equals a plain GRU.
            ClippedGru tight = new ClippedGru(gru.wIh(), gru.bIh(), gru.wHh(), 0.05f, H);
            float[] clipped = step(tight, Loop.of(M), xa, ha, true).toFloatArray();
            float[] plain = reference(gru, x, h, Double.POSITIVE_INFINITY);
            for (int k = 0; k < clipped.length; k++) {
                assertEquals(Math.max(-0.05, Math.min(0.05, plain[k])), clipped[k], 1e-6);
            }
        }
    }

    @Test
    void oneMemberWithoutTheMemberAxisMatchesTheEquations() {
        TorchEngine.get();
        try (NDManager nd = NDManager.newBaseManager()) {
            MemberParams p = new MemberParams(nd, 1, 5);
            ClippedGru gru = ClippedGru.create(p, "g", I, H, 5f, false);
            java.util.SplittableRandom r = new java.util.SplittableRandom(4);
            float[] x = new float[B * I];
            float[] h = new float[B * H];
            for (int k = 0; k < x.length; k++) {
                x[k] = (float) (r.nextDouble() * 4 - 2);
            }
            for (int k = 0; k < h.length; k++) {
                h[k] = (float) (r.nextDouble() * 2 - 1);
            }
            NDArray xa = nd.create(x, new ai.djl.ndarray.types.Shape(1, B, I));
            NDArray ha = nd.create(h, new ai.djl.ndarray.types.Shape(1, B, H));
            Loop flat = Loop.of(1);
            NDArray got = flat.leave(step(gru, flat, xa, ha, true));
            assertEquals(new ai.djl.ndarray.types.Shape(1, B, H), got.getShape());
            float[] want = reference(gru, 1, x, h, 5.0);
            float[] g = got.toFloatArray();
            for (int k = 0; k < g.length; k++) {
                assertEquals(want[k], g[k], 1e-5, "entry " + k);
            }
        }
    }

    @Test
    void theClipIsLeftOutOnlyWhereItCannotBind() {
        TorchEngine.get();
        try (NDManager nd = NDManager.newBaseManager()) {
            MemberParams p = new MemberParams(nd, M, 12);
            ClippedGru gru = ClippedGru.create(p, "g", I, H, 2f, false);
            Loop loop = Loop.of(M);
            ClippedGru.Bound cell = gru.bind(loop);
            java.util.SplittableRandom r = new java.util.SplittableRandom(5);
            float[] x = new float[M * B * I];
            float[] h = new float[M * B * H];
            for (int k = 0; k < x.length; k++) {
                x[k] = (float) (r.nextDouble() * 20 - 10); // inputs that saturate the gates
            }
            for (int k = 0; k < h.length; k++) {
                h[k] = k % 7 == 0 ? (k % 2 == 0 ? 2f : -2f) : (float) (r.nextDouble() * 4 - 2); // at the bound too
            }
            NDArray xa = nd.create(x, new ai.djl.ndarray.types.Shape(M, B, I));
            NDArray inRange = nd.create(h, new ai.djl.ndarray.types.Shape(M, B, H));
            assertFalse(cell.clips(inRange));
            // From a state within the bounds the unclipped step equals the clipped one (up to the rounding of
            // a state exactly at the bound) and stays within the bounds.
            float[] free = step(gru, loop, xa, inRange, false).toFloatArray();
            float[] clipped = step(gru, loop, xa, inRange, true).toFloatArray();
            for (int k = 0; k < free.length; k++) {
                assertEquals(clipped[k], free[k], 1e-6, "entry " + k);
                assertTrue(Math.abs(free[k]) <= 2 + 1e-6, "entry " + k + " left the bounds: " + free[k]);
            }
            h[3] = 2.5f;
            assertTrue(cell.clips(nd.create(h, new ai.djl.ndarray.types.Shape(M, B, H))));
            // A clip below 1 can bind from any state: the candidate alone reaches +-1.
            ClippedGru tight = new ClippedGru(gru.wIh(), gru.bIh(), gru.wHh(), 0.5f, H);
            assertTrue(tight.bind(loop).clips(nd.zeros(new ai.djl.ndarray.types.Shape(M, B, H))));
        }
    }

    /** One step of {@code gru} from inputs {@code x [M, B, I]} and state {@code h} (both in {@code loop}'s layout after entering). */
    private static NDArray step(ClippedGru gru, Loop loop, NDArray x, NDArray h, boolean clipping) {
        ai.djl.ndarray.NDList parts = gru.project(x).split(new long[] {2L * H}, 2);
        return gru.bind(loop).step(loop.enter(parts.get(0)), loop.enter(parts.get(1)), loop.enter(h), clipping);
    }

    /** Slow per-member, per-row evaluation in double of the lfads-torch cell. */
    static float[] reference(ClippedGru gru, float[] x, float[] h, double clip) {
        return reference(gru, M, x, h, clip);
    }

    static float[] reference(ClippedGru gru, int members, float[] x, float[] h, double clip) {
        float[] wih = gru.wIh().toFloatArray();
        float[] bih = gru.bIh().toFloatArray();
        float[] whh = gru.wHh().toFloatArray();
        float[] out = new float[members * B * H];
        int g3 = 3 * H;
        for (int m = 0; m < members; m++) {
            for (int b = 0; b < B; b++) {
                double[] xi = new double[g3];
                double[] hh = new double[g3];
                for (int j = 0; j < g3; j++) {
                    xi[j] = bih[m * g3 + j];
                    for (int i = 0; i < I; i++) {
                        xi[j] += x[(m * B + b) * I + i] * wih[(m * I + i) * g3 + j];
                    }
                }
                double[] z = new double[H];
                double[] rr = new double[H];
                for (int j = 0; j < H; j++) {
                    double az = xi[j];
                    double ar = xi[H + j];
                    for (int k = 0; k < H; k++) {
                        double hk = h[(m * B + b) * H + k];
                        az += hk * whh[(m * H + k) * g3 + j];
                        ar += hk * whh[(m * H + k) * g3 + H + j];
                    }
                    z[j] = 1 / (1 + Math.exp(-az));
                    rr[j] = 1 / (1 + Math.exp(-ar));
                }
                for (int j = 0; j < H; j++) {
                    double an = xi[2 * H + j];
                    for (int k = 0; k < H; k++) {
                        an += rr[k] * h[(m * B + b) * H + k] * whh[(m * H + k) * g3 + 2 * H + j];
                    }
                    double n = Math.tanh(an);
                    double hj = h[(m * B + b) * H + j];
                    double v = z[j] * hj + (1 - z[j]) * n;
                    out[(m * B + b) * H + j] = (float) Math.max(-clip, Math.min(clip, v));
                }
            }
        }
        return out;
    }
}

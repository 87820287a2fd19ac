package org.latentlab.core.model.lfads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.engine.Recording;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.model.nn.Consts;

/**
 * Coordinated dropout passes reconstruction gradients only through the entries it hid from the encoder
 * (and always through held-out channels and forward bins); SBTT ignores unobserved (NaN) entries.
 */
class AugmentationGradientTest {
    static final int N_IN = 4;
    static final int N = 6;
    static final int T = 10;
    static final int TR = 13;
    static final int B = 16;

    static LfadsShape shape() {
        return new LfadsShape(N_IN, N, T, TR, 0, 8, 8, 1, 8, 2, 4, 8, 4, 0, 5f, 1e-4, 0.1, 10, 0.1);
    }

    static SplitData ones(float nanAt) {
        float[] recon = new float[B * TR * N];
        java.util.Arrays.fill(recon, 1f);
        if (!Float.isNaN(nanAt)) {
            recon[(int) nanAt] = Float.NaN;
        }
        Tensor3 r = Tensor3.of(B, TR, N, recon);
        return SplitData.of(r.sliceTime(0, T).selectChannels(new int[] {0, 1, 2, 3}), r);
    }

    @Test
    void coordinatedDropoutGradientsFlowOnlyThroughHiddenEntries() {
        Engine engine = TorchEngine.get();
        engine.setRandomSeed(3);
        try (NDManager nd = NDManager.newBaseManager()) {
            Consts c = new Consts(nd);
            int[][] rows = {java.util.stream.IntStream.range(0, B).toArray()};
            LfadsBatch batch = LfadsBatch.of(nd, ones(Float.NaN), rows, shape())
                    .withCoordinatedDropout(new float[] {0.5f}, 0, shape(), c);
            float[] encod = batch.encod().toFloatArray();
            NDArray nll = nd.randomUniform(0.5f, 1.5f, batch.recon().getShape());
            nll.setRequiresGradient(true);
            try (Recording rec = Recording.start()) {
                rec.backward(LfadsLoss.reconstruction(nll, null, batch.gradMask(), true, c).sum());
            }
            float[] g = nll.getGradient().toFloatArray();
            int hidden = 0;
            for (int b = 0; b < B; b++) {
                for (int t = 0; t < TR; t++) {
                    for (int n = 0; n < N; n++) {
                        float grad = g[(b * TR + t) * N + n];
                        if (t < T && n < N_IN) {
                            float seen = encod[(b * T + t) * N_IN + n];
                            // Kept entries are scaled to 1 / (1 - 0.5) = 2 and get no gradient; hidden ones are 0.
                            assertEquals(seen == 0f, grad > 0, "entry " + b + "," + t + "," + n);
                            hidden += seen == 0f ? 1 : 0;
                            assertTrue(seen == 0f || seen == 2f);
                        } else {
                            assertTrue(grad > 0, "held-out channels and forward bins always pass gradients");
                        }
                    }
                }
            }
            double share = hidden / (double) (B * T * N_IN);
            assertTrue(share > 0.4 && share < 0.6, "about half hidden: " + share);
        }
    }

    @Test
    void sbttIgnoresUnobservedEntries() {
        TorchEngine.get();
        try (NDManager nd = NDManager.newBaseManager()) {
            Consts c = new Consts(nd);
            int nanAt = (3 * TR + 11) * N + 5; // trial 3, a forward bin, a held-out channel
            int[][] rows = {java.util.stream.IntStream.range(0, B).toArray()};
            LfadsBatch batch = LfadsBatch.of(nd, ones(nanAt), rows, shape());
            assertEquals(0f, batch.recon().toFloatArray()[nanAt], "NaN becomes 0 in the tensor");
            assertEquals(0f, batch.observed().toFloatArray()[nanAt]);
            float[] v = new float[B * TR * N];
            for (int i = 0; i < v.length; i++) {
                v[i] = i % 7;
            }
            v[nanAt] = 1000f; // whatever the model says at the unobserved entry must not matter
            NDArray nll = nd.create(v, batch.recon().getShape());
            nll.setRequiresGradient(true);
            NDArray recon;
            try (Recording rec = Recording.start()) {
                recon = LfadsLoss.reconstruction(nll, batch.observed(), null, true, c);
                rec.backward(recon.sum());
            }
            double sum = 0;
            for (int i = 0; i < v.length; i++) {
                sum += i == nanAt ? 0 : v[i];
            }
            assertEquals(sum / (v.length - 1), recon.getFloat(0), 1e-4);
            float[] g = nll.getGradient().toFloatArray();
            assertEquals(0f, g[nanAt]);
            assertEquals(1f / (v.length - 1), g[0], 1e-9);
        }
    }

    @Test
    void checkpointRoundTripIsExact(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        TorchEngine.get();
        try (NDManager nd = NDManager.newBaseManager(); NDManager nd2 = NDManager.newBaseManager()) {
            Consts c = new Consts(nd);
            var p = new org.latentlab.core.model.nn.MemberParams(nd, 2, 1);
            new LfadsModel(shape(), new org.latentlab.core.model.distributions.Poisson(), p, c);
            var opt = new org.latentlab.core.train.MemberAdamW(p, 1e-8);
            opt.firstMoments().values().forEach(a -> a.addi(0.25f));
            opt.setStepCounts(new float[] {7, 9});
            var state = new org.latentlab.core.train.Checkpoint.State(4, 0.5, 3, 0.6, 1, new double[] {1e-3}, 12.5, 2);
            java.nio.file.Path f = dir.resolve("c.ckpt");
            org.latentlab.core.train.Checkpoint.save(f, p, opt, state);

            var p2 = new org.latentlab.core.model.nn.MemberParams(nd2, 2, 99); // different initial values
            new LfadsModel(shape(), new org.latentlab.core.model.distributions.Poisson(), p2, new Consts(nd2));
            var opt2 = new org.latentlab.core.train.MemberAdamW(p2, 1e-8);
            var back = org.latentlab.core.train.Checkpoint.load(f, p2, opt2);
            for (Map.Entry<String, NDArray> e : p.all().entrySet()) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(e.getValue().toFloatArray(),
                        p2.get(e.getKey()).toFloatArray(), e.getKey());
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {7, 9}, opt2.stepCounts());
            assertEquals(0.25f, opt2.firstMoments().values().iterator().next().toFloatArray()[0]);
            assertEquals(4, back.epoch());
            assertEquals(12.5, back.elapsedSeconds());
        }
    }
}

package org.latentlab.core.model.lfads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import org.junit.jupiter.api.Test;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.TestSessions;
import org.latentlab.core.engine.Recording;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.model.distributions.Poisson;
import org.latentlab.core.model.nn.Consts;
import org.latentlab.core.model.nn.Dropout;
import org.latentlab.core.model.nn.MemberParams;
import org.latentlab.core.train.MemberAdamW;

/** The whole graph trains: repeated steps on one batch drive its loss down, for two members at once. */
class LfadsOverfitTest {
    static LfadsShape small(int heldIn, int recon, int t, int tr, boolean controller) {
        return new LfadsShape(heldIn, recon, t, tr, 0, 16, controller ? 8 : 0, 1, controller ? 8 : 0,
                controller ? 2 : 0, 8, 16, 6, 0, 5f, 1e-4, 0.1, 10, 0.1);
    }

    @Test
    void oneBatchOverfitsWithControllerHeldOutAndForwardBins() {
        SplitData d = TestSessions.full().split(org.latentlab.core.data.Split.TRAIN);
        LfadsShape s = small(4, 6, 10, 13, true);
        float[] losses = train(d, s, 2, 60);
        assertTrue(losses[losses.length - 1] < 0.8 * losses[0], "loss fell: " + losses[0] + " -> " + losses[losses.length - 1]);
    }

    @Test
    void oneBatchOverfitsWithExternalInputsWithAndWithoutController() {
        SplitData d = TestSessions.full().split(org.latentlab.core.data.Split.TRAIN);
        for (boolean controller : new boolean[] {false, true}) {
            LfadsShape base = small(4, 6, 10, 13, controller);
            LfadsShape s = new LfadsShape(4, 6, 10, 13, 2, base.icEncDim(), base.ciEncDim(), 1, base.conDim(),
                    base.coDim(), 8, 16, 6, 2, 5f, 1e-4, 0.1, 10, 0.1);
            float[] losses = train(d, s, 1, 60);
            assertTrue(losses[losses.length - 1] < 0.9 * losses[0], "controller " + controller + ": " + losses[0]
                    + " -> " + losses[losses.length - 1]);
        }
    }

    static float[] train(SplitData d, LfadsShape s, int members, int steps) {
        Engine engine = TorchEngine.get();
        engine.setRandomSeed(5);
        try (NDManager nd = NDManager.newBaseManager()) {
            Consts c = new Consts(nd);
            MemberParams p = new MemberParams(nd, members, 7);
            LfadsModel model = new LfadsModel(s, new Poisson(), p, c);
            MemberAdamW opt = new MemberAdamW(p, 1e-8);
            MemberHyper h = MemberHyper.uniform(members, 1e-2, 0.0, 0.0, 1e-4, 1e-4, 1e-4, 1e-4, 0, 0);
            int[][] trials = new int[members][d.trials()];
            for (int m = 0; m < members; m++) {
                for (int i = 0; i < d.trials(); i++) {
                    trials[m][i] = i;
                }
            }
            float[] losses = new float[steps];
            for (int it = 0; it < steps; it++) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    LfadsBatch batch = LfadsBatch.of(nd, d, trials, s);
                    Dropout dropout = new Dropout(nd.create(h.dropout()), c);
                    try (Recording rec = Recording.start()) {
                        LfadsOutput out = model.forward(batch.encod(), batch.ext(), dropout, true, true);
                        LfadsLoss.Terms terms = LfadsLoss.compute(model, out, batch.recon(), batch.observed(),
                                batch.gradMask(), h, 1, 1, 1e4, true, c);
                        losses[it] = terms.total().sum().getFloat() / members;
                        assertEquals(members, terms.total().getShape().get(0));
                        rec.backward(terms.total().sum());
                    }
                    opt.step(h.lr(), new float[members], 200);
                }
            }
            return losses;
        }
    }
}

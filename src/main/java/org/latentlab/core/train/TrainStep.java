package org.latentlab.core.train;

import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.model.lfads.LfadsBatch;
import org.latentlab.core.model.lfads.LfadsLoss;
import org.latentlab.core.model.lfads.LfadsOutput;
import org.latentlab.core.model.lfads.MemberHyper;
import org.latentlab.core.model.nn.Dropout;
import org.latentlab.core.model.nn.Noise;

/**
 * One optimisation step of every member at once: augmented batch, forward, loss per member, backward from
 * the sum (members share no parameters, so each gets its own gradient), and the per-member AdamW update.
 * Every tensor of the step lives in one scope that closes with it.
 */
public final class TrainStep {
    /** Per-member results, indexed {@code [member]}. */
    public record Result(float[] loss, float[] recon, float[] klIc, float[] klCo, float[] l2, float[] gradNorm) {
    }

    private final LfadsSession s;
    private final Session data;
    private final LfadsConfig cfg;
    private final MemberAdamW opt;

    public TrainStep(LfadsSession s, Session data, LfadsConfig cfg, MemberAdamW opt) {
        this.s = s;
        this.data = data;
        this.cfg = cfg;
        this.opt = opt;
    }

    /**
     * @param rows        training trials per member {@code [M][B]}
     * @param weightDecay AdamW weight decay per member
     * @param seeds       per member, the seed of its temporal-shift and jitter draws
     * @param noise       the step's dropout masks and posterior samples
     */
    public Result run(SplitData train, int[][] rows, MemberHyper h, float[] weightDecay, double rampKl, double rampL2,
                      long[] seeds, Noise noise) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            LfadsBatch batch = Augment.trainingBatch(s, data, train, rows, cfg.augment(), h, seeds, noise);
            Dropout dropout = new Dropout(s.manager.create(h.dropout()), s.consts, noise);
            LfadsLoss.Terms terms;
            try (GradientCollector gc = s.engine.newGradientCollector()) {
                LfadsOutput out = s.model.forward(batch.encod(), batch.ext(), dropout, true, true);
                terms = LfadsLoss.compute(s.model, out, batch.recon(), batch.observed(), batch.gradMask(), h,
                        rampL2, rampKl, cfg.train().lossScale(), cfg.model().reconReduceMean(), s.consts);
                gc.backward(terms.total().sum());
            }
            float[] loss = terms.total().toFloatArray();
            float[] norms = opt.step(h.lr(), weightDecay, cfg.train().maxGradNorm(), finite(loss));
            return new Result(loss, terms.recon().toFloatArray(), terms.klIc().toFloatArray(),
                    terms.klCo().toFloatArray(), terms.l2().toFloatArray(), norms);
        }
    }

    private static boolean[] finite(float[] loss) {
        boolean[] ok = new boolean[loss.length];
        for (int m = 0; m < loss.length; m++) {
            ok[m] = Float.isFinite(loss[m]);
        }
        return ok;
    }
}

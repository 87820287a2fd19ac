package org.latentlab.core.train;

import ai.djl.ndarray.NDScope;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.engine.Recording;
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
    private final LfadsConfig cfg;
    private final MemberAdamW opt;

    public TrainStep(LfadsSession s, LfadsConfig cfg, MemberAdamW opt) {
        this.s = s;
        this.cfg = cfg;
        this.opt = opt;
    }

    /** A step on a batch of the first (for single-session data, the only) session. */
    public Result run(SplitData train, int[][] rows, MemberHyper h, float[] weightDecay, double rampKl, double rampL2,
                      long[] seeds, Noise noise) {
        return run(0, train, rows, h, weightDecay, rampKl, rampL2, seeds, noise);
    }

    /**
     * @param session     the session {@code train} belongs to
     * @param rows        training trials per member {@code [M][B]}
     * @param weightDecay AdamW weight decay per member
     * @param seeds       per member, the seed of its temporal-shift and jitter draws
     * @param noise       the step's dropout masks and posterior samples
     */
    public Result run(int session, SplitData train, int[][] rows, MemberHyper h, float[] weightDecay, double rampKl,
                      double rampL2, long[] seeds, Noise noise) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            LfadsBatch batch = Augment.trainingBatch(s, session, train, rows, cfg.augment(), h, seeds, noise);
            Dropout dropout = new Dropout(s.manager.create(h.dropout()), s.consts, noise);
            LfadsLoss.Terms terms;
            try (Recording rec = Recording.start()) {
                LfadsOutput out = s.model.forward(batch.encod(), batch.ext(), dropout, true, true, session);
                terms = LfadsLoss.compute(s.model, out, batch.recon(), batch.observed(), batch.gradMask(), h,
                        rampL2, rampKl, cfg.train().lossScale(), cfg.model().reconReduceMean(), s.consts);
                rec.backward(terms.total().sum());
            }
            float[] loss = terms.total().toFloatArray();
            float[] norms = opt.step(h.lr(), weightDecay, cfg.train().maxGradNorm(), finite(loss),
                    name -> s.model.belongsToOtherSession(name, session));
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

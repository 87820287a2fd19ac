package org.latentlab.core.train;

import ai.djl.ndarray.NDScope;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.model.distributions.Poisson;
import org.latentlab.core.model.lfads.LfadsBatch;
import org.latentlab.core.model.lfads.LfadsLoss;
import org.latentlab.core.model.lfads.LfadsOutput;
import org.latentlab.core.model.lfads.MemberHyper;
import org.latentlab.core.model.nn.Dropout;
import org.latentlab.core.model.nn.Noise;
import java.util.function.IntFunction;

/**
 * The validation pass of an epoch, as lfads-torch runs it: dropout and augmentations off, posteriors
 * sampled once, loss terms with the current ramps; plus bits per spike and R² of the predicted rates.
 * Without a valid split the training trials are scored instead (and the summary says so).
 */
public final class Validator {
    private final Session data;
    private final LfadsConfig cfg;
    private final LfadsSession s;
    private final int session;
    private final SplitData split;

    public Validator(Session data, LfadsConfig cfg, LfadsSession s) {
        this(data, 0, cfg, s);
    }

    /** Validates on session {@code session} of the model ({@code data} is that session). */
    public Validator(Session data, int session, LfadsConfig cfg, LfadsSession s) {
        this.data = data;
        this.session = session;
        this.cfg = cfg;
        this.s = s;
        this.split = data.has(Split.VALID) ? data.split(Split.VALID) : data.split(Split.TRAIN);
    }

    public record Result(double loss, double recon, SplitScores scores) {
    }

    /** Trials this validator scores. */
    public int trials() {
        return split.trials();
    }

    /** Several sessions' results as one: every term and score averaged with the sessions' trial counts as weights. */
    public static Result pooled(Result[] perSession, int[] trials) {
        double total = 0;
        double loss = 0;
        double recon = 0;
        double[][] scores = new double[perSession.length][];
        for (int i = 0; i < perSession.length; i++) {
            total += trials[i];
            loss += perSession[i].loss() * trials[i];
            recon += perSession[i].recon() * trials[i];
            SplitScores sc = perSession[i].scores();
            scores[i] = new double[] {sc.bps(), sc.coBps(), sc.fpBps(), sc.rateR2()};
        }
        // A score some sessions lack (no held-out channels, no truth) is averaged over those that have it.
        double[] mean = new double[4];
        for (int k = 0; k < 4; k++) {
            double sum = 0;
            double weight = 0;
            for (int i = 0; i < perSession.length; i++) {
                if (!Double.isNaN(scores[i][k])) {
                    sum += scores[i][k] * trials[i];
                    weight += trials[i];
                }
            }
            mean[k] = weight > 0 ? sum / weight : Double.NaN;
        }
        return new Result(loss / total, recon / total, new SplitScores(mean[0], mean[1], mean[2], mean[3]));
    }

    /** Member 0's result (plain training has one member). */
    Result validate(MemberHyper h, double rampKl, double rampL2) {
        return validateAll(h, rampKl, rampL2)[0];
    }

    /** Every member's validation result; all members see the same trials. */
    public Result[] validateAll(MemberHyper h, double rampKl, double rampL2) {
        return validateAll(h, rampKl, rampL2, batch -> Noise.ENGINE);
    }

    /** As {@link #validateAll(MemberHyper, double, double)}, posterior samples of batch k drawn from {@code noise.apply(k)}. */
    public Result[] validateAll(MemberHyper h, double rampKl, double rampL2, IntFunction<Noise> noise) {
        int members = h.members();
        int n = split.trials();
        int batch = Math.min(cfg.train().batchSize(), n);
        int tr = s.model.shape(session).reconBins();
        int channels = s.model.shape(session).recon();
        float[][] rates = new float[members][n * tr * channels];
        double[] loss = new double[members];
        double[] recon = new double[members];
        for (int from = 0; from < n; from += batch) {
            int b = Math.min(batch, n - from);
            int[][] rows = new int[members][b];
            for (int m = 0; m < members; m++) {
                for (int k = 0; k < b; k++) {
                    rows[m][k] = from + k;
                }
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                Dropout none = new Dropout(s.manager.create(new float[members]), s.consts, noise.apply(from / batch));
                LfadsBatch in = LfadsBatch.of(s.manager, split, rows, s.model.shape(session));
                LfadsOutput out = s.model.forward(in.encod(), in.ext(), none, false, true, session);
                LfadsLoss.Terms t = LfadsLoss.compute(s.model, out, in.recon(), in.observed(), null, h, rampL2, rampKl,
                        cfg.train().lossScale(), cfg.model().reconReduceMean(), s.consts);
                float[] tl = t.total().toFloatArray();
                float[] trc = t.recon().toFloatArray();
                float[] mean = s.model.observation(session).mean(out.raw(), s.consts).toFloatArray();
                int per = b * tr * channels;
                for (int m = 0; m < members; m++) {
                    loss[m] += tl[m] * b;
                    recon[m] += trc[m] * b;
                    System.arraycopy(mean, m * per, rates[m], from * tr * channels, per);
                }
            }
        }
        boolean counts = s.model.observation(session) instanceof Poisson;
        Result[] out = new Result[members];
        for (int m = 0; m < members; m++) {
            Tensor3 predicted = Tensor3.of(n, tr, channels, rates[m]);
            out[m] = new Result(loss[m] / n, recon[m] / n, SplitScores.of(data, split, predicted, counts));
        }
        return out;
    }
}

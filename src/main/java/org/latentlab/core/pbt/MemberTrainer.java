package org.latentlab.core.pbt;

import java.util.Arrays;
import java.util.List;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.model.lfads.MemberHyper;
import org.latentlab.core.model.nn.Noise;
import org.latentlab.core.train.EpochMetrics;
import org.latentlab.core.train.LfadsSession;
import org.latentlab.core.train.LfadsTrainer;
import org.latentlab.core.train.MemberAdamW;
import org.latentlab.core.train.Ramps;
import org.latentlab.core.train.SessionBatches;
import org.latentlab.core.train.SessionValidation;
import org.latentlab.core.train.TrainStep;
import org.latentlab.core.train.TrainingStoppedException;
import org.latentlab.core.train.Validator;

/**
 * Trains some members of a population for one epoch as one batched model: the whole population (vectorised
 * executor) or a single member (per-member executor). Every random draw is keyed by (run seed, member, epoch,
 * step), never by the member's slot in the batch, so both executors give a member the same data order,
 * augmentations, masks and posterior samples.
 *
 * <p>With several sessions every step takes all members' trials from one session (the tensors of a step
 * have one channel count); the order of the sessions' batches in an epoch is shuffled by a draw shared by
 * the whole population, and each member validates on every session, averaged with the trial counts.
 */
final class MemberTrainer implements AutoCloseable {
    private final Dataset data;
    private final LfadsConfig cfg;
    private final long seed;
    final LfadsSession session;
    final MemberAdamW opt;
    private final TrainStep step;
    private final SessionValidation validation;

    MemberTrainer(Dataset data, LfadsConfig cfg, int members, long seed) {
        this.data = data;
        this.cfg = cfg;
        this.seed = seed;
        this.session = new LfadsSession(data, cfg, members, seed);
        this.opt = new MemberAdamW(session.params, cfg.train().adamEpsilon());
        this.step = new TrainStep(session, cfg, opt);
        this.validation = new SessionValidation(data, cfg, session);
    }

    /** Optimisation steps in one epoch. */
    int batches() {
        return SessionBatches.slots(data, cfg.train().batchSize()).size();
    }

    /**
     * One epoch of the members {@code ids} (slot k of the model holds member {@code ids[k]}).
     *
     * @param hyper  the population's hyperparameters, indexed by member id
     * @param smooth the population's smoothed metrics, updated for these members
     * @param failed set for a member whose training loss became non-finite
     * @param onStep called after each optimisation step
     */
    void epoch(int epoch, int[] ids, double[][] hyper, double[] smooth, boolean[] failed, Runnable onStep,
               PopulationListener listener) {
        long started = System.nanoTime();
        int k = ids.length;
        int sessions = data.sessions().size();
        double rampKl = Ramps.weight(epoch, cfg.train().klStartEpoch(), cfg.train().klIncreaseEpoch());
        double rampL2 = Ramps.weight(epoch, cfg.train().l2StartEpoch(), cfg.train().l2IncreaseEpoch());
        double[][] mine = new double[k][];
        // order[i][j]: member j's shuffle of session i's training trials.
        int[][][] order = new int[sessions][k][];
        for (int j = 0; j < k; j++) {
            mine[j] = hyper[ids[j]];
            for (int i = 0; i < sessions; i++) {
                int n = data.sessions().get(i).split(Split.TRAIN).trials();
                // Session 0 keeps the single-session stream, so single-session runs reproduce.
                order[i][j] = LfadsTrainer.permutation(n, PbtRandom.shuffle(seed, ids[j], epoch, i));
            }
        }
        MemberHyper h = memberHyper(mine);
        float[] decay = column(mine, Hyperparameter.WEIGHT_DECAY);
        double[][] sums = new double[k][6];
        int trainTrials = 0;
        for (Session d : data.sessions()) {
            trainTrials += d.split(Split.TRAIN).trials();
        }
        // The sessions' batches in an order drawn for the whole population, so every member sees the same
        // session at each step.
        List<SessionBatches.Slot> slots = SessionBatches.mixed(data, SessionBatches.slots(data, cfg.train().batchSize()),
                PbtRandom.shuffle(seed, -1, epoch));
        for (int b = 0; b < slots.size(); b++) {
            SessionBatches.Slot slot = slots.get(b);
            SplitData train = data.sessions().get(slot.session()).split(Split.TRAIN);
            int lo = slot.from();
            int hi = slot.to();
            int[][] rows = new int[k][];
            long[] augmentSeeds = new long[k];
            long[] noiseSeeds = new long[k];
            for (int j = 0; j < k; j++) {
                rows[j] = Arrays.copyOfRange(order[slot.session()][j], lo, hi);
                augmentSeeds[j] = PbtRandom.stepSeed(seed, ids[j], epoch, b, 0);
                noiseSeeds[j] = PbtRandom.stepSeed(seed, ids[j], epoch, b, 1);
            }
            if (listener.stopRequested()) {
                throw new TrainingStoppedException("stopped during epoch " + epoch
                        + "; the population resumes from its last completed generation");
            }
            TrainStep.Result r = step.run(slot.session(), train, rows, h, decay, rampKl, rampL2, augmentSeeds,
                    Noise.perMember(noiseSeeds));
            for (int j = 0; j < k; j++) {
                failed[ids[j]] |= !Float.isFinite(r.loss()[j]);
                float[] terms = {r.loss()[j], r.recon()[j], r.klIc()[j], r.klCo()[j], r.l2()[j], r.gradNorm()[j]};
                for (int t = 0; t < terms.length; t++) {
                    sums[j][t] += terms[t] * (hi - lo);
                }
            }
            onStep.run();
        }
        Validator.Result[] v = validate(h, rampKl, rampL2, epoch, ids);
        double seconds = (System.nanoTime() - started) / 1e9;
        double alpha = cfg.train().smoothing();
        for (int j = 0; j < k; j++) {
            int m = ids[j];
            double[] t = sums[j];
            for (int i = 0; i < t.length; i++) {
                t[i] /= trainTrials;
            }
            double recon = failed[m] ? Double.NaN : v[j].recon();
            smooth[m] = EpochMetrics.smoothed(smooth[m], recon, alpha);
            listener.onMemberEpoch(m, new EpochMetrics(epoch, t[0], t[1], t[2], t[3], t[4], rampKl, rampL2,
                    v[j].loss(), v[j].recon(), smooth[m], v[j].scores().bps(), v[j].scores().coBps(),
                    v[j].scores().fpBps(), v[j].scores().rateR2(), hyper[m][Hyperparameter.LR_INIT.ordinal()], t[5],
                    seconds));
        }
    }

    /** Every member's validation on every session, its noise keyed by member and batch. */
    private Validator.Result[] validate(MemberHyper h, double rampKl, double rampL2, int epoch, int[] ids) {
        return validation.validateAll(h, rampKl, rampL2, (session, batch) -> {
            int kind = session == 0 ? 2 : 1000 + session; // session 0 keeps the single-session validation stream
            long[] seeds = new long[ids.length];
            for (int j = 0; j < ids.length; j++) {
                seeds[j] = PbtRandom.stepSeed(seed, ids[j], epoch, batch, kind);
            }
            return Noise.perMember(seeds);
        });
    }

    /** The members' hyperparameters as the per-member arrays the model takes. */
    static MemberHyper memberHyper(double[][] hyper) {
        return new MemberHyper(column(hyper, Hyperparameter.LR_INIT), column(hyper, Hyperparameter.DROPOUT_RATE),
                column(hyper, Hyperparameter.CD_RATE), column(hyper, Hyperparameter.KL_IC_SCALE),
                column(hyper, Hyperparameter.KL_CO_SCALE), column(hyper, Hyperparameter.L2_GEN_SCALE),
                column(hyper, Hyperparameter.L2_CON_SCALE), column(hyper, Hyperparameter.L2_IC_ENC_SCALE),
                column(hyper, Hyperparameter.L2_CI_ENC_SCALE));
    }

    private static float[] column(double[][] hyper, Hyperparameter h) {
        float[] c = new float[hyper.length];
        for (int m = 0; m < hyper.length; m++) {
            c[m] = (float) hyper[m][h.ordinal()];
        }
        return c;
    }

    @Override
    public void close() {
        session.close();
    }
}

package org.latentlab.core.train;

import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.config.TrainConfig;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.model.lfads.MemberHyper;
import org.latentlab.core.model.nn.Noise;

/**
 * Trains one LFADS model (a population of one) epoch by epoch: shuffled batches with coordinated dropout,
 * KL and L2 ramps, AdamW with gradient clipping, a validation pass per epoch, the smoothed validation NLL
 * for early stopping after the ramps, an optional plateau schedule, best and last checkpoints, and a time
 * budget. Each epoch seeds its random generators from (seed, epoch), so a resumed run replays exactly.
 *
 * <p>With several sessions an epoch visits every session's training trials once, in batches drawn from one
 * session each and shuffled together (the original LFADS's scheme); validation averages the sessions'
 * results with their trial counts as weights.
 */
public final class LfadsTrainer {
    private final Dataset data;
    private final LfadsConfig cfg;
    private final long seed;
    private final RunDirectory run;
    private final TrainingListener listener;
    private final LfadsSession s;
    private final MemberAdamW opt;
    private final SessionValidation validation;
    private final TrainStep trainStep;

    public LfadsTrainer(Session data, LfadsConfig cfg, long seed, RunDirectory run, TrainingListener listener,
                        LfadsSession session) {
        this(Dataset.of(data), cfg, seed, run, listener, session);
    }

    public LfadsTrainer(Dataset data, LfadsConfig cfg, long seed, RunDirectory run, TrainingListener listener,
                        LfadsSession session) {
        this.data = data;
        this.cfg = cfg;
        this.seed = seed;
        this.run = run;
        this.listener = listener;
        this.s = session;
        this.opt = new MemberAdamW(session.params, cfg.train().adamEpsilon());
        this.validation = new SessionValidation(data, cfg, session);
        this.trainStep = new TrainStep(session, cfg, opt);
        if (cfg.train().threads() > 0) {
            JniUtils.setNumThreads(cfg.train().threads());
        }
    }

    /** Why training stopped, and the epochs it ran. */
    public record Outcome(int epochs, int bestEpoch, String stopReason, EpochMetrics last) {
    }

    public Outcome train() {
        TrainConfig t = cfg.train();
        Checkpoint.State st = Files.exists(run.lastCheckpoint())
                ? Checkpoint.load(run.lastCheckpoint(), s.params, opt)
                : new Checkpoint.State(-1, Double.POSITIVE_INFINITY, -1, Double.NaN, 0, new double[] {t.lrInit()}, 0, 0);
        if (st.epoch() >= 0) {
            listener.onMessage("resuming after epoch " + st.epoch() + " from " + run.lastCheckpoint());
        }
        int burnIn = t.burnInEpochs();
        double[] lr = st.lr().clone();
        double best = st.bestSmooth();
        int bestEpoch = st.bestEpoch();
        double smooth = st.lastSmooth();
        int stale = st.epochsWithoutImprovement();
        int lrWait = st.lrWait();
        double elapsed = st.elapsedSeconds();
        long started = System.nanoTime();
        int trainTrials = 0;
        for (Session d : data.sessions()) {
            trainTrials += d.split(Split.TRAIN).trials();
        }
        int batches = SessionBatches.slots(data, t.batchSize()).size();
        String reason = "reached max_epochs (" + t.maxEpochs() + ")";
        EpochMetrics last = null;
        int epoch = st.epoch() + 1;
        for (; epoch < t.maxEpochs(); epoch++) {
            long epochStart = System.nanoTime();
            s.engine.setRandomSeed((int) (seed * 1_000_003L + epoch));
            SplittableRandom rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1)));
            double rampKl = Ramps.weight(epoch, t.klStartEpoch(), t.klIncreaseEpoch());
            double rampL2 = Ramps.weight(epoch, t.l2StartEpoch(), t.l2IncreaseEpoch());
            MemberHyper h = hyper(lr[0]);
            double[] sums = new double[6];
            List<Batch> epochBatches = batches(rng);
            for (int b = 0; b < batches; b++) {
                int[] rows = epochBatches.get(b).rows();
                if (listener.stopRequested()) {
                    throw new TrainingStoppedException("stopped during epoch " + epoch + "; the last checkpoint ("
                            + (epoch - 1) + ") is kept in " + run.lastCheckpoint() + " and starting again resumes there");
                }
                double[] terms = step(epochBatches.get(b).session(), rows, h, rampKl, rampL2, rng);
                if (!Double.isFinite(terms[0])) {
                    throw new TrainingDivergedException("the loss became " + terms[0] + " at epoch " + epoch
                            + ", batch " + b + "; stopped, and the last good checkpoint is kept ("
                            + run.lastCheckpoint() + "). Lower train.lr_init or raise the KL/L2 scales.");
                }
                for (int k = 0; k < terms.length; k++) {
                    sums[k] += terms[k] * rows.length;
                }
                listener.onProgress((long) epoch * batches + b + 1, (long) t.maxEpochs() * batches,
                        "epoch " + epoch);
            }
            for (int k = 0; k < sums.length; k++) {
                sums[k] /= trainTrials;
            }
            Validator.Result v = validate(h, rampKl, rampL2);
            smooth = EpochMetrics.smoothed(smooth, v.recon(), t.smoothing());
            elapsed += (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            last = new EpochMetrics(epoch, sums[0], sums[1], sums[2], sums[3], sums[4], rampKl, rampL2, v.loss(),
                    v.recon(), smooth, v.scores().bps(), v.scores().coBps(), v.scores().fpBps(), v.scores().rateR2(),
                    lr[0], sums[5], (System.nanoTime() - epochStart) / 1e9);
            boolean improved = false;
            if (epoch >= burnIn && smooth < best) {
                best = smooth;
                bestEpoch = epoch;
                stale = 0;
                improved = true;
            } else if (epoch >= burnIn) {
                stale++;
            }
            if (t.lrScheduler()) {
                lrWait = improved || epoch < burnIn ? 0 : lrWait + 1;
                if (lrWait > t.lrPatience()) {
                    lr[0] *= t.lrDecay();
                    lrWait = 0;
                }
            }
            run.appendMetrics(last);
            Checkpoint.State now = new Checkpoint.State(epoch, best, bestEpoch, smooth, stale, lr, elapsed, lrWait);
            if (improved) {
                Checkpoint.save(run.bestCheckpoint(), s.params, opt, now);
                listener.onCheckpoint(run.bestCheckpoint(), true);
            }
            Checkpoint.save(run.lastCheckpoint(), s.params, opt, now);
            listener.onCheckpoint(run.lastCheckpoint(), false);
            listener.onEpoch(last);
            if (epoch >= burnIn && stale >= t.patience()) {
                reason = "early stopping: no improvement of valid_recon_smth for " + t.patience() + " epochs";
                epoch++;
                break;
            }
            if (t.lrScheduler() && lr[0] < t.lrStop()) {
                reason = "learning rate fell below lr_stop (" + t.lrStop() + ")";
                epoch++;
                break;
            }
            if (t.maxMinutes() > 0 && elapsed >= t.maxMinutes() * 60) {
                reason = "time budget of " + t.maxMinutes() + " minutes used";
                epoch++;
                break;
            }
        }
        return new Outcome(epoch, bestEpoch, reason, last);
    }

    /** Training trials {@code rows} of session {@code session}. */
    private record Batch(int session, int[] rows) {
    }

    /**
     * The epoch's batches: each session's trials in a random order, cut into batches of at most the batch
     * size; with several sessions the batches are then shuffled together.
     */
    private List<Batch> batches(SplittableRandom rng) {
        List<int[]> order = new ArrayList<>();
        for (Session d : data.sessions()) {
            order.add(permutation(d.split(Split.TRAIN).trials(), rng));
        }
        List<Batch> out = new ArrayList<>();
        for (SessionBatches.Slot slot : SessionBatches.mixed(data, SessionBatches.slots(data, cfg.train().batchSize()),
                rng)) {
            out.add(new Batch(slot.session(), java.util.Arrays.copyOfRange(order.get(slot.session()), slot.from(),
                    slot.to())));
        }
        return out;
    }

    private Validator.Result validate(MemberHyper h, double rampKl, double rampL2) {
        return validation.validateAll(h, rampKl, rampL2, (session, batch) -> Noise.ENGINE)[0];
    }

    /** One optimisation step; returns loss, recon, KL ic, KL co, L2 and the gradient norm. */
    private double[] step(int session, int[] rows, MemberHyper h, double rampKl, double rampL2, SplittableRandom rng) {
        SplitData train = data.sessions().get(session).split(Split.TRAIN);
        TrainStep.Result r = trainStep.run(session, train, new int[][] {rows}, h,
                new float[] {(float) cfg.train().weightDecay()}, rampKl, rampL2, new long[] {rng.nextLong()}, Noise.ENGINE);
        return new double[] {r.loss()[0], r.recon()[0], r.klIc()[0], r.klCo()[0], r.l2()[0], r.gradNorm()[0]};
    }

    MemberHyper hyper(double lr) {
        TrainConfig t = cfg.train();
        return MemberHyper.uniform(1, lr, cfg.model().dropoutRate(), cfg.augment().cdRate(), t.klIcScale(),
                t.klCoScale(), t.l2GenScale(), t.l2ConScale(), t.l2IcEncScale(), t.l2CiEncScale());
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates) from {@code rng}. */
    public static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }
}

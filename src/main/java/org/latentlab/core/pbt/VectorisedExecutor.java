package org.latentlab.core.pbt;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.model.lfads.MemberHyper;
import org.latentlab.core.train.Checkpoint;
import org.latentlab.core.train.EpochMetrics;
import org.latentlab.core.train.LfadsSession;
import org.latentlab.core.train.MemberAdamW;
import org.latentlab.core.train.Ramps;
import org.latentlab.core.train.TrainStep;
import org.latentlab.core.train.Validator;

/**
 * The whole population as one LFADS model with a member axis of size P: one batched step trains every
 * member, each with its own hyperparameter values (tensors along the axis), its own shuffle of the training
 * trials and its own dropout and sampling noise. Exploit copies slices of weights and optimizer state.
 */
public final class VectorisedExecutor implements PopulationExecutor {
    private final Session data;
    private final LfadsConfig cfg;
    private final long seed;
    private final LfadsSession s;
    private final MemberAdamW opt;
    private final TrainStep step;
    private final Validator validator;

    public VectorisedExecutor(Session data, LfadsConfig cfg, int members, long seed) {
        this.data = data;
        this.cfg = cfg;
        this.seed = seed;
        this.s = new LfadsSession(data, cfg, members, seed);
        this.opt = new MemberAdamW(s.params, cfg.train().adamEpsilon());
        this.step = new TrainStep(s, data, cfg, opt);
        this.validator = new Validator(data, cfg, s);
        if (cfg.train().threads() > 0) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(cfg.train().threads());
        }
    }

    @Override
    public int members() {
        return s.params.members();
    }

    @Override
    public boolean[] train(int from, int to, double[][] hyper, double[] smooth, int totalEpochs,
                           PopulationListener listener) {
        int p = members();
        SplitData train = data.split(Split.TRAIN);
        int batch = Math.min(cfg.train().batchSize(), train.trials());
        int batches = (train.trials() + batch - 1) / batch;
        boolean[] failed = new boolean[p];
        double alpha = cfg.train().smoothing();
        for (int epoch = from; epoch < to; epoch++) {
            long started = System.nanoTime();
            s.engine.setRandomSeed((int) (seed * 1_000_003L + epoch));
            SplittableRandom augmentRng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1)));
            double rampKl = Ramps.weight(epoch, cfg.train().klStartEpoch(), cfg.train().klIncreaseEpoch());
            double rampL2 = Ramps.weight(epoch, cfg.train().l2StartEpoch(), cfg.train().l2IncreaseEpoch());
            MemberHyper h = memberHyper(hyper);
            float[] decay = column(hyper, Hyperparameter.WEIGHT_DECAY);
            int[][] order = new int[p][];
            for (int m = 0; m < p; m++) {
                order[m] = permutation(train.trials(), PbtRandom.shuffle(seed, m, epoch));
            }
            double[][] sums = new double[p][6];
            for (int b = 0; b < batches; b++) {
                int lo = b * batch;
                int hi = Math.min(train.trials(), lo + batch);
                int[][] rows = new int[p][];
                for (int m = 0; m < p; m++) {
                    rows[m] = Arrays.copyOfRange(order[m], lo, hi);
                }
                TrainStep.Result r = step.run(train, rows, h, decay, rampKl, rampL2, augmentRng);
                for (int m = 0; m < p; m++) {
                    failed[m] |= !Float.isFinite(r.loss()[m]);
                    float[] terms = {r.loss()[m], r.recon()[m], r.klIc()[m], r.klCo()[m], r.l2()[m], r.gradNorm()[m]};
                    for (int k = 0; k < terms.length; k++) {
                        sums[m][k] += terms[k] * (hi - lo);
                    }
                }
                listener.onProgress((long) epoch * batches + b + 1, (long) totalEpochs * batches,
                        "epoch " + epoch + ", " + p + " members");
            }
            Validator.Result[] v = validator.validateAll(h, rampKl, rampL2);
            double seconds = (System.nanoTime() - started) / 1e9;
            for (int m = 0; m < p; m++) {
                double[] t = sums[m];
                for (int k = 0; k < t.length; k++) {
                    t[k] /= train.trials();
                }
                double recon = failed[m] ? Double.NaN : v[m].recon();
                smooth[m] = Double.isNaN(smooth[m]) ? recon : alpha * smooth[m] + (1 - alpha) * recon;
                EpochMetrics em = new EpochMetrics(epoch, t[0], t[1], t[2], t[3], t[4], rampKl, rampL2, v[m].loss(),
                        v[m].recon(), smooth[m], v[m].scores().bps(), v[m].scores().coBps(), v[m].scores().fpBps(),
                        v[m].scores().rateR2(), hyper[m][Hyperparameter.LR_INIT.ordinal()], t[5], seconds);
                listener.onMemberEpoch(m, em);
            }
        }
        return failed;
    }

    /** The population's hyperparameters as the per-member arrays the model takes. */
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

    static int[] permutation(int n, SplittableRandom rng) {
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

    @Override
    public void copy(int from, int to) {
        s.params.copyMember(from, to);
        opt.copyMember(from, to);
    }

    @Override
    public void save(Path file, Map<String, Object> state) {
        Checkpoint.write(file, s.params, opt, state);
    }

    @Override
    public JsonNode restore(Path file) {
        return Checkpoint.read(file, s.params, opt);
    }

    @Override
    public Map<String, float[]> memberWeights(int m) {
        return s.params.memberValues(m);
    }

    /** The effective learning rate member {@code m} would step with: its hyperparameter, read back for tests. */
    MemberAdamW optimizer() {
        return opt;
    }

    @Override
    public void close() {
        s.close();
    }
}

package org.latentlab.core.train;

import ai.djl.ndarray.NDScope;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;
import org.latentlab.core.Progress;
import org.latentlab.core.config.IlqrTrainConfig;
import org.latentlab.core.config.IlqrVaeConfig;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.model.ilqrvae.ElboGradient;

/**
 * One epoch of iLQR-VAE training and its validation, what {@code train} and a population of iLQR-VAEs share:
 * training trials cut into fixed chunks (so each chunk's previous solution is a warm start), shuffled
 * batches, one {@link ElboGradient} and one Adam step per batch; then the −ELBO of the validation trials'
 * chunks and the posterior means of the whole validation trials. Each epoch seeds its shuffle and posterior
 * noise from (stream, epoch); validation noise comes from the run's seed, the same for every member of a
 * population, so their losses compare like with like. The solver's warm starts live in a {@link WarmStarts} the caller keeps (one per
 * member in a population).
 */
public final class IlqrEpochs {
    /** An epoch's training results: per-chunk averages over the chunks whose solve succeeded, and solver counts. */
    public record Trained(double loss, double nll, double kl, double gradNorm, int used, int chunks, int failed,
                          int noHessian, long iterations, long solveNanos, int steps, long stepNanos, double lastLr,
                          double klWeight) {
    }

    /** The validation −ELBO per bin and channel (what early stopping and PBT rank by), NLL and rate R². */
    public record Validated(double loss, double nll, double rateR2, int failed) {
    }

    /** Previous solutions of the training chunks, the validation chunks and the whole validation trials. */
    public static final class WarmStarts {
        final double[][] train;
        final double[][] validChunks;
        final double[][] valid;

        private WarmStarts(int train, int validChunks, int valid) {
            this.train = new double[train][];
            this.validChunks = new double[validChunks][];
            this.valid = new double[valid][];
        }

        /** Member {@code to} starts from member {@code from}'s solutions (after PBT copies the weights). */
        public void copyFrom(WarmStarts from) {
            double[][][] src = from.parts();
            double[][][] dst = parts();
            for (int k = 0; k < dst.length; k++) {
                copy(src[k], dst[k]);
            }
        }

        private static void copy(double[][] from, double[][] to) {
            for (int i = 0; i < to.length; i++) {
                to[i] = from[i] == null ? null : from[i].clone();
            }
        }

        /**
         * The warm starts as bytes, for a checkpoint: a run resumed from its last checkpoint then solves from the
         * same starts as the uninterrupted run would have, and repeats it exactly. Per part (training chunks,
         * validation chunks, validation trials) the count, then per solution its length (-1: none yet) and values.
         */
        public byte[] encode() {
            int size = 0;
            for (double[][] part : parts()) {
                size += 4;
                for (double[] u : part) {
                    size += 4 + (u == null ? 0 : 8 * u.length);
                }
            }
            ByteBuffer b = ByteBuffer.allocate(size);
            for (double[][] part : parts()) {
                b.putInt(part.length);
                for (double[] u : part) {
                    b.putInt(u == null ? -1 : u.length);
                    if (u != null) {
                        b.asDoubleBuffer().put(u);
                        b.position(b.position() + 8 * u.length);
                    }
                }
            }
            return b.array();
        }

        /** Restores what {@link #encode()} wrote; {@code file} names the checkpoint in the error when they do not fit. */
        public void decode(byte[] bytes, Path file) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            String[] names = {"training chunks", "validation chunks", "validation trials"};
            double[][][] parts = parts();
            try {
                for (int k = 0; k < parts.length; k++) {
                    int n = b.getInt();
                    if (n != parts[k].length) {
                        throw DataException.inFile(file, "its solver warm starts are for " + n
                                + " " + names[k] + ", this run has " + parts[k].length);
                    }
                    for (int i = 0; i < n; i++) {
                        int len = b.getInt();
                        parts[k][i] = len < 0 ? null : new double[len];
                        if (len > 0) {
                            b.asDoubleBuffer().get(parts[k][i]);
                            b.position(b.position() + 8 * len);
                        }
                    }
                }
            } catch (BufferUnderflowException | IllegalArgumentException e) {
                throw DataException.inFile(file, "its solver warm starts are cut short");
            }
        }

        private double[][][] parts() {
            return new double[][][] {train, validChunks, valid};
        }
    }

    private final IlqrVaeSession s;
    private final Session data;
    private final IlqrTrainConfig t;
    private final long seed;
    private final SplitData valid;
    private final Tensor3 obs;
    private final Tensor3 behavior;
    private final Tensor3 validObs;
    private final Tensor3 validBehavior;
    private final List<int[]> chunks;
    private final List<int[]> validChunks;
    private final int batch;

    public IlqrEpochs(IlqrVaeSession s, Session data, IlqrVaeConfig cfg, long seed) {
        this.s = s;
        this.data = data;
        this.t = cfg.train();
        this.seed = seed;
        SplitData train = data.split(Split.TRAIN);
        this.valid = data.has(Split.VALID) ? data.split(Split.VALID) : train;
        boolean beh = s.model.behaviorChannels() > 0;
        this.obs = train.reconOrEncod();
        this.behavior = beh ? train.behavior() : null;
        this.validObs = valid.reconOrEncod();
        this.validBehavior = beh ? valid.behavior() : null;
        this.chunks = chunks(train.trials(), data.bins(), s.chunkBins);
        this.validChunks = chunks(valid.trials(), data.bins(), s.chunkBins);
        this.batch = Math.min(t.batchSize(), chunks.size());
    }

    /** The (trial, first bin) of every training chunk: consecutive chunks, the last one aligned to the end. */
    static List<int[]> chunks(int trials, int bins, int chunk) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            int start = 0;
            for (; start + chunk <= bins; start += chunk) {
                out.add(new int[] {i, start});
            }
            if (start < bins && bins >= chunk) {
                out.add(new int[] {i, bins - chunk});
            }
        }
        return out;
    }

    /** Optimisation steps in one epoch. */
    public int batches() {
        return (chunks.size() + batch - 1) / batch;
    }

    /** Empty warm starts (the first solves start from zero inputs). */
    public WarmStarts warmStarts() {
        return new WarmStarts(chunks.size(), validChunks.size(), valid.trials());
    }

    /** The KL weight of an epoch: it rises linearly over the warm-up. */
    public double klWeight(int epoch) {
        return t.klWarmupEpochs() == 0 ? 1 : Math.min(1, (epoch + 1.0) / (t.klWarmupEpochs() + 1.0));
    }

    /** Called after each optimisation step with its index in the epoch and the failed solves so far. */
    public interface StepListener {
        void onStep(int batch, int failedSoFar);
    }

    /**
     * Trains one epoch.
     *
     * @param stream  the seed of this model's shuffles and posterior noise (the run's seed, or a member's)
     * @param lr      the learning rate at an optimisation step (counted over the run)
     * @param l2Scale the L2 weight on the recurrent weights
     * @param stop    asked before each step; true throws {@link TrainingStoppedException} with {@code stopNote}
     */
    public Trained train(int epoch, long stream, MemberAdamW opt, LongToDoubleFunction lr, double l2Scale, WarmStarts warm,
                         StepListener onStep, java.util.function.BooleanSupplier stop, String stopNote) {
        int channels = s.model.channels();
        int behaviorChannels = s.model.behaviorChannels();
        int chunk = s.chunkBins;
        int steps = s.model.steps(chunk);
        int m = s.model.config().inputDim();
        boolean warmStart = s.model.config().solver().warmStart();
        SplittableRandom rng = new SplittableRandom(stream * 1_000_003L + epoch);
        int[] order = LfadsTrainer.permutation(chunks.size(), rng);
        double klWeight = klWeight(epoch);
        long optSteps = Math.round(opt.stepCounts()[0]);
        double lossSum = 0;
        double nllSum = 0;
        double klSum = 0;
        double gradSum = 0;
        int used = 0;
        int failed = 0;
        int noHessian = 0;
        long iterations = 0;
        int counted = 0;
        long solveNanos = 0;
        long stepNanos = 0;
        double rate = lr.applyAsDouble(optSteps);
        int batches = batches();
        for (int b = 0; b < batches; b++) {
            if (stop.getAsBoolean()) {
                throw new TrainingStoppedException("stopped during epoch " + epoch + stopNote);
            }
            int from = b * batch;
            int count = Math.min(batch, chunks.size() - from);
            int[] rows = Arrays.copyOfRange(order, from, from + count);
            float[] x = gather(obs, chunks, rows, chunk, channels);
            float[] beh = behavior == null ? null : gather(behavior, chunks, rows, chunk, behaviorChannels);
            double[][] init = new double[count][];
            for (int i = 0; i < count; i++) {
                init[i] = warmStart ? warm.train[rows[i]] : null;
            }
            float[] xi = new float[count * steps * m];
            for (int i = 0; i < xi.length; i++) {
                xi[i] = (float) rng.nextGaussian();
            }
            long t0 = System.nanoTime();
            rate = lr.applyAsDouble(optSteps);
            ElboGradient.Result r;
            float[] norm;
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                r = ElboGradient.run(s.model, s.manager, x, beh, count, chunk, channels, init, xi, klWeight, l2Scale,
                        s.pool, true);
                boolean ok = r.used() > 0 && Double.isFinite(r.loss());
                norm = opt.step(new float[] {(float) rate}, new float[] {0f}, t.maxGradNorm(), new boolean[] {ok});
                if (ok) {
                    optSteps++;
                }
            }
            stepNanos += System.nanoTime() - t0;
            solveNanos += r.solveNanos();
            for (int i = 0; i < count; i++) {
                if (!r.solutions()[i].status().failed()) {
                    warm.train[rows[i]] = r.solutions()[i].u();
                }
            }
            failed += r.failed();
            noHessian += r.noHessian();
            iterations += r.iterations();
            if (r.used() > 0 && Double.isFinite(r.loss())) {
                lossSum += r.loss() * r.used();
                nllSum += r.nll() * r.used();
                klSum += r.kl() * r.used();
                gradSum += norm[0];
                used += r.used();
                counted++;
            }
            onStep.onStep(b, failed);
        }
        return new Trained(used == 0 ? Double.NaN : lossSum / used, used == 0 ? Double.NaN : nllSum / used,
                used == 0 ? Double.NaN : klSum / used, counted == 0 ? Double.NaN : gradSum / counted, used,
                chunks.size(), failed, noHessian, iterations, solveNanos, batches, stepNanos, rate, klWeight);
    }

    /** The validation −ELBO of the validation chunks, and posterior means of the whole validation trials. */
    public Validated validate(WarmStarts warm) {
        double loss = validLoss(warm.validChunks);
        IlqrVaeOutputs.Result v = IlqrVaeOutputs.infer(s, valid, 0, warm.valid, Progress.NONE, "valid");
        double r2 = SplitScores.of(data, valid, v.outputs().tensor("output_params"), s.model.counts()).rateR2();
        return new Validated(loss, v.nll(), r2, v.failed());
    }

    /**
     * The −ELBO per bin and channel (KL weight 1) of the validation trials' chunks, with noise seeded by the
     * run so successive epochs compare like with like; the posterior-mean NLL of whole trials alone would
     * reward inputs that fit the very spikes they were inferred from.
     */
    private double validLoss(double[][] warm) {
        int channels = s.model.channels();
        int chunk = s.chunkBins;
        int noisePerTrial = s.model.steps(chunk) * s.model.config().inputDim();
        SplittableRandom rng = new SplittableRandom(seed * 7_919L + 1);
        double sum = 0;
        int used = 0;
        for (int from = 0; from < validChunks.size(); from += batch) {
            int count = Math.min(batch, validChunks.size() - from);
            int[] rows = new int[count];
            for (int i = 0; i < count; i++) {
                rows[i] = from + i;
            }
            float[] x = gather(validObs, validChunks, rows, chunk, channels);
            float[] beh = validBehavior == null ? null
                    : gather(validBehavior, validChunks, rows, chunk, validBehavior.channels());
            double[][] init = Arrays.copyOfRange(warm, from, from + count);
            float[] xi = new float[count * noisePerTrial];
            for (int i = 0; i < xi.length; i++) {
                xi[i] = (float) rng.nextGaussian();
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                ElboGradient.Result r = ElboGradient.evaluate(s.model, s.manager, x, beh, count, chunk, channels, init,
                        xi, 1, s.pool);
                for (int i = 0; i < count; i++) {
                    if (!r.solutions()[i].status().failed()) {
                        warm[from + i] = r.solutions()[i].u();
                    }
                }
                if (r.used() > 0) {
                    sum += r.loss() * r.used();
                    used += r.used();
                }
            }
        }
        return used == 0 ? Double.NaN : sum / used;
    }

    /** The observations (or behaviour) of the chunks {@code rows}, {@code [rows, chunk, channels]} flat. */
    private static float[] gather(Tensor3 obs, List<int[]> chunks, int[] rows, int chunk, int channels) {
        float[] x = new float[rows.length * chunk * channels];
        for (int i = 0; i < rows.length; i++) {
            int[] c = chunks.get(rows[i]);
            for (int tt = 0; tt < chunk; tt++) {
                for (int ch = 0; ch < channels; ch++) {
                    x[(i * chunk + tt) * channels + ch] = obs.get(c[0], c[1] + tt, ch);
                }
            }
        }
        return x;
    }
}

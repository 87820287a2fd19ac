package org.latentlab.core.train;

import ai.djl.ndarray.NDScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.latentlab.core.config.IlqrTrainConfig;
import org.latentlab.core.config.IlqrVaeConfig;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.model.ilqrvae.ElboGradient;

/**
 * The iLQR-VAE training loop: training trials cut into fixed chunks (so each chunk's previous solution is a
 * warm start), shuffled batches, one {@link ElboGradient} and one Adam step per batch. After each epoch the
 * −ELBO of the validation trials' chunks drives the best checkpoint and early stopping, and posterior means of
 * the whole validation trials give {@code valid_recon} and rate R².
 * Each epoch seeds its shuffle and posterior noise from (seed, epoch), and the last checkpoint is written
 * every epoch, so an interrupted run resumes. Solver failures are counted per epoch in {@code ilqr.csv}.
 */
public final class IlqrVaeTrainer {
    /** How training ended. */
    public record Outcome(String stopReason, int epochs, int bestEpoch, EpochMetrics last, SolverStats solver) {
    }

    /** Solver statistics over the whole run (this process). */
    public record SolverStats(long solves, long failed, long noHessian, long iterations, double solveSeconds,
                              long steps, double stepSeconds) {
        public double iterationsPerSecond() {
            return solveSeconds > 0 ? iterations / solveSeconds : Double.NaN;
        }

        public double msPerStep() {
            return steps > 0 ? 1000 * stepSeconds / steps : Double.NaN;
        }
    }

    private final Session data;
    private final IlqrVaeConfig cfg;
    private final long seed;
    private final RunDirectory run;
    private final TrainingListener listener;
    private final IlqrVaeSession s;

    public IlqrVaeTrainer(Session data, IlqrVaeConfig cfg, long seed, RunDirectory run, TrainingListener listener,
                          IlqrVaeSession s) {
        this.data = data;
        this.cfg = cfg;
        this.seed = seed;
        this.run = run;
        this.listener = listener;
        this.s = s;
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

    public Outcome train() {
        IlqrTrainConfig t = cfg.train();
        MemberAdamW opt = new MemberAdamW(s.model.params(), t.adamEpsilon());
        Checkpoint.State st = Files.exists(run.lastCheckpoint())
                ? Checkpoint.load(run.lastCheckpoint(), s.model.params(), opt)
                : new Checkpoint.State(-1, Double.POSITIVE_INFINITY, -1, Double.NaN, 0, new double[] {t.lrInit()}, 0, 0);
        if (st.epoch() >= 0) {
            listener.onMessage("resuming after epoch " + st.epoch() + " from " + run.lastCheckpoint());
            run.truncateMetrics(st.epoch());
            truncateSolverLog(st.epoch());
        }
        SplitData train = data.split(Split.TRAIN);
        SplitData valid = data.has(Split.VALID) ? data.split(Split.VALID) : train;
        Tensor3 obs = train.reconOrEncod();
        int behaviorChannels = s.model.behaviorChannels();
        Tensor3 behavior = behaviorChannels > 0 ? train.behavior() : null;
        Tensor3 validBehavior = behaviorChannels > 0 ? valid.behavior() : null;
        int bins = data.bins();
        int channels = s.model.channels();
        int chunk = s.chunkBins;
        List<int[]> chunks = chunks(train.trials(), bins, chunk);
        int batch = Math.min(t.batchSize(), chunks.size());
        int batches = (chunks.size() + batch - 1) / batch;
        int steps = s.model.steps(chunk);
        int m = s.model.config().inputDim();
        boolean warmStart = s.model.config().solver().warmStart();
        double[][] warm = new double[chunks.size()][];
        double[][] validWarm = new double[valid.trials()][];
        Tensor3 validObs = valid.reconOrEncod();
        List<int[]> validChunks = chunks(valid.trials(), bins, chunk);
        double[][] validChunkWarm = new double[validChunks.size()][];
        double best = st.bestSmooth();
        int bestEpoch = st.bestEpoch();
        double smooth = st.lastSmooth();
        int stale = st.epochsWithoutImprovement();
        double elapsed = st.elapsedSeconds();
        long solves = 0;
        long failedTotal = 0;
        long noHessianTotal = 0;
        long iterTotal = 0;
        long solveNanos = 0;
        long stepCount = 0;
        long stepNanos = 0;
        EpochMetrics last = null;
        String reason = "reached train.max_epochs (" + t.maxEpochs() + ")";
        int epoch = st.epoch() + 1;
        long optSteps = (long) Math.round(opt.stepCounts()[0]);
        for (; epoch < t.maxEpochs(); epoch++) {
            long epochStart = System.nanoTime();
            SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + epoch);
            int[] order = shuffled(chunks.size(), rng);
            double klWeight = t.klWarmupEpochs() == 0 ? 1 : Math.min(1, (epoch + 1.0) / (t.klWarmupEpochs() + 1.0));
            double lossSum = 0;
            double nllSum = 0;
            double klSum = 0;
            double gradSum = 0;
            int used = 0;
            int failed = 0;
            int noHessian = 0;
            long iterations = 0;
            int counted = 0;
            double lr = t.lr(optSteps);
            for (int b = 0; b < batches; b++) {
                if (listener.stopRequested()) {
                    throw new TrainingStoppedException("stopped during epoch " + epoch + "; the last checkpoint (epoch "
                            + (epoch - 1) + ") is kept in " + run.lastCheckpoint() + " and starting again resumes there");
                }
                int from = b * batch;
                int count = Math.min(batch, chunks.size() - from);
                int[] rows = java.util.Arrays.copyOfRange(order, from, from + count);
                float[] x = gather(obs, chunks, rows, chunk, channels);
                float[] beh = behavior == null ? null : gather(behavior, chunks, rows, chunk, behaviorChannels);
                double[][] init = new double[count][];
                for (int i = 0; i < count; i++) {
                    init[i] = warmStart ? warm[rows[i]] : null;
                }
                float[] xi = new float[count * steps * m];
                for (int i = 0; i < xi.length; i++) {
                    xi[i] = (float) rng.nextGaussian();
                }
                long t0 = System.nanoTime();
                lr = t.lr(optSteps);
                ElboGradient.Result r;
                float[] norm;
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    r = ElboGradient.run(s.model, s.manager, x, beh, count, chunk, channels, init, xi, klWeight,
                            t.l2Scale(), s.pool, true);
                    boolean ok = r.used() > 0 && Double.isFinite(r.loss());
                    norm = opt.step(new float[] {(float) lr}, new float[] {0f}, t.maxGradNorm(), new boolean[] {ok});
                    if (ok) {
                        optSteps++;
                    }
                }
                stepNanos += System.nanoTime() - t0;
                stepCount++;
                solveNanos += r.solveNanos();
                for (int i = 0; i < count; i++) {
                    if (!r.solutions()[i].status().failed()) {
                        warm[order[from + i]] = r.solutions()[i].u();
                    }
                }
                solves += count;
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
                listener.onProgress((long) epoch * batches + b + 1, (long) t.maxEpochs() * batches,
                        "epoch " + epoch + " (" + failed + " failed solves)");
            }
            failedTotal += failed;
            noHessianTotal += noHessian;
            iterTotal += iterations;
            if (used == 0) {
                throw new TrainingDivergedException("every iLQR solve of epoch " + epoch + " failed; the last good "
                        + "checkpoint is " + run.lastCheckpoint() + ". Lower train.lr_init.");
            }
            double validLoss = validLoss(validObs, validBehavior, validChunks, validChunkWarm, batch, chunk, channels,
                    steps * m);
            IlqrVaeOutputs.Result v = IlqrVaeOutputs.infer(s, valid, 0, validWarm, org.latentlab.core.Progress.NONE, "valid");
            double r2 = SplitScores.of(data, valid, v.outputs().tensor("output_params"), s.model.counts()).rateR2();
            smooth = Double.isNaN(smooth) ? validLoss : t.smoothing() * smooth + (1 - t.smoothing()) * validLoss;
            elapsed += (System.nanoTime() - epochStart) / 1e9;
            // The KL weight changes the loss until the warm-up ends: compare (and count patience) only after it.
            boolean warmedUp = klWeight >= 1;
            boolean improved = smooth < best || !warmedUp;
            if (improved) {
                best = smooth;
                bestEpoch = epoch;
                stale = 0;
            } else {
                stale++;
            }
            last = new EpochMetrics(epoch, lossSum / used, nllSum / used, Double.NaN, klSum / used, Double.NaN,
                    klWeight, 1, validLoss, v.nll(), smooth, Double.NaN, Double.NaN, Double.NaN, r2, lr,
                    gradSum / counted, elapsed);
            run.appendMetrics(last);
            appendSolverLog(epoch, chunks.size(), failed, noHessian, iterations, v.failed());
            Checkpoint.State now = new Checkpoint.State(epoch, best, bestEpoch, smooth, stale, new double[] {lr}, elapsed, 0);
            if (improved) {
                Checkpoint.save(run.bestCheckpoint(), s.model.params(), opt, now);
                listener.onCheckpoint(run.bestCheckpoint(), true);
            }
            Checkpoint.save(run.lastCheckpoint(), s.model.params(), opt, now);
            listener.onCheckpoint(run.lastCheckpoint(), false);
            listener.onEpoch(last);
            if (failed > 0 || v.failed() > 0) {
                listener.onMessage(String.format(Locale.ROOT, "epoch %d: %d of %d training solves and %d of %d validation "
                        + "solves failed (skipped / last iterate used)", epoch, failed, chunks.size(), v.failed(), valid.trials()));
            }
            if (stale >= t.patience()) {
                reason = "early stop: no improvement of the smoothed validation loss (−ELBO) for " + t.patience() + " epochs";
                epoch++;
                break;
            }
            double perEpoch = elapsed / (epoch - st.epoch());
            if (t.maxMinutes() > 0 && elapsed + perEpoch > t.maxMinutes() * 60) {
                reason = String.format(Locale.ROOT, "time limit: another epoch would pass train.max_minutes (%.1f)",
                        t.maxMinutes());
                epoch++;
                break;
            }
        }
        return new Outcome(reason, epoch, bestEpoch, last, new SolverStats(solves, failedTotal, noHessianTotal, iterTotal,
                solveNanos / 1e9, stepCount, stepNanos / 1e9));
    }

    /**
     * The −ELBO per bin and channel (KL weight 1) of the validation trials' chunks, with noise seeded by the
     * epoch so successive epochs compare like with like; the posterior-mean NLL of whole trials alone would
     * reward inputs that fit the very spikes they were inferred from.
     */
    private double validLoss(Tensor3 obs, Tensor3 behavior, List<int[]> chunks, double[][] warm, int batch, int chunk,
                             int channels, int noisePerTrial) {
        SplittableRandom rng = new SplittableRandom(seed * 7_919L + 1);
        double sum = 0;
        int used = 0;
        for (int from = 0; from < chunks.size(); from += batch) {
            int count = Math.min(batch, chunks.size() - from);
            int[] rows = new int[count];
            for (int i = 0; i < count; i++) {
                rows[i] = from + i;
            }
            float[] x = gather(obs, chunks, rows, chunk, channels);
            float[] beh = behavior == null ? null : gather(behavior, chunks, rows, chunk, behavior.channels());
            double[][] init = java.util.Arrays.copyOfRange(warm, from, from + count);
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

    private static int[] shuffled(int n, SplittableRandom rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
        return a;
    }

    private Path solverLog() {
        return run.path().resolve("ilqr.csv");
    }

    private void appendSolverLog(int epoch, int solves, int failed, int noHessian, long iterations, int validFailed) {
        try {
            Path f = solverLog();
            if (!Files.exists(f)) {
                Files.writeString(f, "epoch,solves,failed,no_hessian,mean_iterations,valid_failed\n");
            }
            Files.writeString(f, String.format(Locale.ROOT, "%d,%d,%d,%d,%.3f,%d%n", epoch, solves, failed, noHessian,
                    (double) iterations / solves, validFailed), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(solverLog() + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /** Drops rows past the resumed epoch, as the metrics are. */
    private void truncateSolverLog(int epoch) {
        Path f = solverLog();
        if (!Files.exists(f)) {
            return;
        }
        try {
            List<String> keep = new ArrayList<>();
            for (String line : Files.readAllLines(f)) {
                if (keep.isEmpty() || Integer.parseInt(line.split(",")[0]) <= epoch) {
                    keep.add(line);
                }
            }
            org.latentlab.core.data.AtomicFiles.writeString(f, String.join("\n", keep) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}

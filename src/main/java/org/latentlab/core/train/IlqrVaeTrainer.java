package org.latentlab.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentlab.core.config.IlqrTrainConfig;
import org.latentlab.core.config.IlqrVaeConfig;
import org.latentlab.core.data.Session;

/**
 * The iLQR-VAE training loop: epochs of {@link IlqrEpochs}, whose validation −ELBO (smoothed) drives the best
 * checkpoint and early stopping, and the posterior means of the whole validation trials give
 * {@code valid_recon} and rate R². Each epoch seeds its shuffle and posterior noise from (seed, epoch), and the
 * last checkpoint (with the solver's warm starts) is written every epoch, so an interrupted run resumes where
 * it was and goes on as if it never stopped. Solver failures are counted per epoch in {@code ilqr.csv}.
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

    /** The last checkpoint's entry with the solver's warm starts, so that a resumed run repeats the uninterrupted one. */
    static final String WARM_STARTS = "warm_starts.bin";

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
        return IlqrEpochs.chunks(trials, bins, chunk);
    }

    public Outcome train() {
        IlqrTrainConfig t = cfg.train();
        MemberAdamW opt = new MemberAdamW(s.model.params(), t.adamEpsilon());
        Checkpoint.State st = Files.exists(run.lastCheckpoint())
                ? Checkpoint.load(run.lastCheckpoint(), s.model.params(), opt)
                : new Checkpoint.State(-1, Double.POSITIVE_INFINITY, -1, Double.NaN, 0, new double[] {t.lrInit()}, 0, 0);
        if (st.epoch() >= 0) {
            listener.onMessage("resuming after epoch " + st.epoch() + " from " + run.lastCheckpoint());
            // The checkpointed epoch's row stays; rows after it are work the interrupted run must redo.
            run.truncateMetrics(st.epoch() + 1);
            truncateSolverLog(st.epoch());
        }
        IlqrEpochs epochs = new IlqrEpochs(s, data, cfg, seed);
        IlqrEpochs.WarmStarts warm = epochs.warmStarts();
        if (st.epoch() >= 0) {
            // Checkpoints of an earlier release have none: their solvers then start cold.
            byte[] saved = Checkpoint.entries(run.lastCheckpoint()).get(WARM_STARTS);
            if (saved != null) {
                warm.decode(saved, run.lastCheckpoint());
            }
        }
        int batches = epochs.batches();
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
        for (; epoch < t.maxEpochs(); epoch++) {
            long epochStart = System.nanoTime();
            int e = epoch;
            IlqrEpochs.Trained tr = epochs.train(epoch, seed, opt, t::lr, t.l2Scale(), warm,
                    (b, failed) -> listener.onProgress((long) e * batches + b + 1, (long) t.maxEpochs() * batches,
                            "epoch " + e + " (" + failed + " failed solves)"),
                    listener::stopRequested, "; the last checkpoint (epoch " + (epoch - 1) + ") is kept in "
                            + run.lastCheckpoint() + " and starting again resumes there");
            solves += tr.chunks();
            failedTotal += tr.failed();
            noHessianTotal += tr.noHessian();
            iterTotal += tr.iterations();
            solveNanos += tr.solveNanos();
            stepCount += tr.steps();
            stepNanos += tr.stepNanos();
            if (tr.used() == 0) {
                throw new TrainingDivergedException("every iLQR solve of epoch " + epoch + " failed; the last good "
                        + "checkpoint is " + run.lastCheckpoint() + ". Lower train.lr_init.");
            }
            IlqrEpochs.Validated v = epochs.validate(warm);
            smooth = EpochMetrics.smoothed(smooth, v.loss(), t.smoothing());
            elapsed += (System.nanoTime() - epochStart) / 1e9;
            // The KL weight changes the loss until the warm-up ends: compare (and count patience) only after it.
            boolean warmedUp = tr.klWeight() >= 1;
            boolean improved = smooth < best || !warmedUp;
            if (improved) {
                best = smooth;
                bestEpoch = epoch;
                stale = 0;
            } else {
                stale++;
            }
            last = metrics(epoch, tr, v, smooth, elapsed);
            run.appendMetrics(last);
            appendSolverLog(epoch, tr.chunks(), tr.failed(), tr.noHessian(), tr.iterations(), v.failed());
            Checkpoint.State now = new Checkpoint.State(epoch, best, bestEpoch, smooth, stale, new double[] {tr.lastLr()},
                    elapsed, 0);
            if (improved) {
                Checkpoint.save(run.bestCheckpoint(), s.model.params(), opt, now);
                listener.onCheckpoint(run.bestCheckpoint(), true);
            }
            Checkpoint.save(run.lastCheckpoint(), s.model.params(), opt, now, Map.of(WARM_STARTS, warm.encode()));
            listener.onCheckpoint(run.lastCheckpoint(), false);
            listener.onEpoch(last);
            if (tr.failed() > 0 || v.failed() > 0) {
                listener.onMessage(String.format(Locale.ROOT, "epoch %d: %d of %d training solves and %d of %d validation "
                        + "solves failed (skipped / last iterate used)", epoch, tr.failed(), tr.chunks(), v.failed(),
                        warm.valid.length));
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

    /** An epoch's row of {@code metrics.csv}: LFADS's columns, the iLQR-VAE's terms where they have one. */
    public static EpochMetrics metrics(int epoch, IlqrEpochs.Trained tr, IlqrEpochs.Validated v, double smooth,
                                       double elapsed) {
        return new EpochMetrics(epoch, tr.loss(), tr.nll(), Double.NaN, tr.kl(), Double.NaN, tr.klWeight(), 1, v.loss(),
                v.nll(), smooth, Double.NaN, Double.NaN, Double.NaN, v.rateR2(), tr.lastLr(), tr.gradNorm(), elapsed);
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

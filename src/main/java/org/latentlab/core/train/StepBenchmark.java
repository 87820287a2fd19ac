package org.latentlab.core.train;

import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.config.ModelConfig;
import org.latentlab.core.config.TrainConfig;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.engine.Recording;
import org.latentlab.core.engine.TorchThreads;
import org.latentlab.core.model.lfads.LfadsBatch;
import org.latentlab.core.model.lfads.LfadsLoss;
import org.latentlab.core.model.lfads.LfadsOutput;
import org.latentlab.core.model.lfads.MemberHyper;
import org.latentlab.core.model.nn.Dropout;

/**
 * Times full training steps (forward, backward, optimizer) of LFADS on random Poisson data of a given
 * shape, for a population of {@code members} trained as one batched model, or split into shards that step
 * side by side in their own threads as the sharded PBT executor trains them. Reports the median after
 * warm-up steps and the arithmetic rate implied by the matmul FLOPs of the step.
 */
public final class StepBenchmark {
    private StepBenchmark() {
    }

    public record Result(double medianMs, double[] stepMs, double gflopPerStep, double gflops) {
    }

    /** As {@link #run(LfadsConfig, int, int, int, int, int, int, int, int)} with one shard. */
    public static Result run(LfadsConfig cfg, int batch, int time, int neurons, int members, int warmup, int steps) {
        return run(cfg, batch, time, neurons, members, 1, 0, warmup, steps);
    }

    /**
     * @param shards      batched models the population is split into (1: one model on the caller's thread)
     * @param threadsEach libtorch threads per shard (used when {@code shards > 1})
     */
    public static Result run(LfadsConfig cfg, int batch, int time, int neurons, int members, int shards,
                             int threadsEach, int warmup, int steps) {
        Session data = randomSession(batch, time, neurons);
        List<Part> parts = new ArrayList<>();
        try (TorchThreads threads = shards > 1 ? new TorchThreads(shards, threadsEach, "bench-shard") : null) {
            for (int i = 0; i < shards; i++) {
                parts.add(new Part(cfg, data, (i + 1) * members / shards - i * members / shards, batch));
            }
            double[] times = new double[steps];
            for (int k = 0; k < warmup + steps; k++) {
                long t0 = System.nanoTime();
                if (threads == null) {
                    parts.get(0).step();
                } else {
                    List<Future<?>> running = new ArrayList<>();
                    for (Part part : parts) {
                        running.add(threads.submit(part::step));
                    }
                    for (Future<?> f : running) {
                        await(f);
                    }
                }
                if (k >= warmup) {
                    times[k - warmup] = (System.nanoTime() - t0) / 1e6;
                }
            }
            double[] sorted = times.clone();
            Arrays.sort(sorted);
            double median = sorted[steps / 2];
            double gflop = 3 * forwardFlops(cfg.model(), batch, time, neurons) * members / 1e9;
            return new Result(median, times, gflop, gflop / (median / 1000));
        } finally {
            parts.forEach(Part::close);
        }
    }

    /** One batched model of some members, stepping on the same batch every time. */
    private static final class Part implements AutoCloseable {
        private final LfadsSession s;
        private final MemberAdamW opt;
        private final TrainConfig t;
        private final MemberHyper h;
        private final SplitData train;
        private final int[][] rows;
        private final float[] wd;

        Part(LfadsConfig cfg, Session data, int members, int batch) {
            s = new LfadsSession(data, cfg, members, 1);
            opt = new MemberAdamW(s.params, cfg.train().adamEpsilon());
            t = cfg.train();
            h = MemberHyper.uniform(members, t.lrInit(), cfg.model().dropoutRate(), cfg.augment().cdRate(),
                    t.klIcScale(), t.klCoScale(), t.l2GenScale(), t.l2ConScale(), t.l2IcEncScale(), t.l2CiEncScale());
            train = data.split(Split.TRAIN);
            rows = new int[members][batch];
            for (int[] r : rows) {
                Arrays.setAll(r, i -> i);
            }
            wd = new float[members];
        }

        void step() {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                LfadsBatch b = LfadsBatch.of(s.manager, train, rows, s.model.shape())
                        .withCoordinatedDropout(h.cdRate(), 0, s.model.shape(), s.consts);
                Dropout dropout = new Dropout(s.manager.create(h.dropout()), s.consts);
                try (Recording rec = Recording.start()) {
                    LfadsOutput out = s.model.forward(b.encod(), b.ext(), dropout, true, true);
                    LfadsLoss.Terms terms = LfadsLoss.compute(s.model, out, b.recon(), b.observed(), b.gradMask(),
                            h, 1, 1, t.lossScale(), true, s.consts);
                    rec.backward(terms.total().sum());
                }
                opt.step(h.lr(), wd, t.maxGradNorm());
            }
        }

        @Override
        public void close() {
            s.close();
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a shard was stepping", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Matmul FLOPs of one forward pass (a training step is about three times this: forward plus backward). */
    static double forwardFlops(ModelConfig m, int b, int t, int n) {
        double enc = 2.0 * (2.0 * b * t * n * 3 * m.icEncDim() + 2.0 * b * t * m.icEncDim() * 3 * m.icEncDim());
        double f = enc;
        if (m.hasController()) {
            f += 2.0 * (2.0 * b * t * n * 3 * m.ciEncDim() + 2.0 * b * t * m.ciEncDim() * 3 * m.ciEncDim());
            f += 2.0 * b * t * ((2.0 * m.ciEncDim() + m.facDim()) * 3 * m.conDim() + m.conDim() * 3.0 * m.conDim()
                    + m.conDim() * 2.0 * m.coDim());
        }
        int in = m.hasController() ? m.coDim() : 1;
        f += 2.0 * b * t * (in * 3.0 * m.genDim() + m.genDim() * 3.0 * m.genDim() + m.genDim() * (double) m.facDim());
        f += 2.0 * b * t * m.facDim() * (double) n * m.reconstruction().paramsPerChannel();
        return f;
    }

    static Session randomSession(int batch, int time, int neurons) {
        SplittableRandom r = new SplittableRandom(7);
        Tensor3.Builder x = Tensor3.builder(batch, time, neurons);
        for (int i = 0; i < batch; i++) {
            for (int k = 0; k < time; k++) {
                for (int c = 0; c < neurons; c++) {
                    x.set(i, k, c, r.nextDouble() < 0.1 ? 1 : 0);
                }
            }
        }
        Tensor3 d = x.build();
        return Session.of("bench", 10, Map.of(Split.TRAIN, SplitData.of(d, d)));
    }
}

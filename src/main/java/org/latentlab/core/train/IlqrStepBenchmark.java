package org.latentlab.core.train;

import ai.djl.ndarray.NDScope;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.latentlab.core.config.IlqrTrainConfig;
import org.latentlab.core.config.IlqrVaeConfig;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.model.ilqrvae.ElboGradient;

/**
 * Times full iLQR-VAE training steps (the batched iLQR solves, the ELBO's direct and implicit gradient, the
 * Adam step) on random Poisson data of a given shape. Every step revisits the same trials warm-started
 * from their previous solutions, as training does once per epoch, so after warm-up the solver needs few
 * iterations; the iteration rate is reported separately.
 */
public final class IlqrStepBenchmark {
    private IlqrStepBenchmark() {
    }

    /**
     * @param medianMs             median wall time of a step after warm-up
     * @param stepMs               every timed step
     * @param iterationsPerSecond  iLQR iterations per second of solver wall time over the timed steps
     * @param iterationsPerSolve   mean iLQR iterations per trial over the timed steps
     * @param solveShare           fraction of the timed steps' wall time spent in the solves
     */
    public record Result(double medianMs, double[] stepMs, double iterationsPerSecond, double iterationsPerSolve,
                         double solveShare) {
    }

    public static Result run(IlqrVaeConfig cfg, int batch, int time, int neurons, int warmup, int steps) {
        Session data = StepBenchmark.randomSession(batch, time, neurons);
        IlqrTrainConfig t = cfg.train();
        try (IlqrVaeSession s = new IlqrVaeSession(data, cfg, 1, time)) {
            MemberAdamW opt = new MemberAdamW(s.model.params(), t.adamEpsilon());
            Tensor3 obs = data.split(Split.TRAIN).reconOrEncod();
            float[] x = obs.toFlatArray();
            int m = cfg.modelConfig().inputDim();
            int inputs = s.model.steps(time);
            SplittableRandom rng = new SplittableRandom(3);
            double[][] warm = new double[batch][];
            double[] times = new double[steps];
            long iterations = 0;
            long solveNanos = 0;
            for (int k = 0; k < warmup + steps; k++) {
                float[] xi = new float[batch * inputs * m];
                for (int i = 0; i < xi.length; i++) {
                    xi[i] = (float) rng.nextGaussian();
                }
                long t0 = System.nanoTime();
                ElboGradient.Result r;
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    r = ElboGradient.run(s.model, s.manager, x, null, batch, time, neurons, warm, xi, 1, t.l2Scale(),
                            s.pool, true);
                    boolean ok = r.used() > 0 && Double.isFinite(r.loss());
                    opt.step(new float[] {(float) t.lrInit()}, new float[] {0f}, t.maxGradNorm(), new boolean[] {ok});
                }
                for (int i = 0; i < batch; i++) {
                    if (!r.solutions()[i].status().failed()) {
                        warm[i] = r.solutions()[i].u();
                    }
                }
                if (k >= warmup) {
                    times[k - warmup] = (System.nanoTime() - t0) / 1e6;
                    iterations += r.iterations();
                    solveNanos += r.solveNanos();
                }
            }
            double[] sorted = times.clone();
            Arrays.sort(sorted);
            double total = Arrays.stream(times).sum();
            return new Result(sorted[steps / 2], times, iterations / (solveNanos / 1e9),
                    (double) iterations / ((long) steps * batch), solveNanos / 1e6 / total);
        }
    }
}

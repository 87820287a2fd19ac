package org.latentlab.core.model.ilqrvae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.core.config.DynamicsFamily;
import org.latentlab.core.config.IlqrLikelihood;
import org.latentlab.core.config.IlqrSolverConfig;
import org.latentlab.core.config.IlqrVaeModelConfig;
import org.latentlab.core.config.InputPrior;
import org.latentlab.core.config.Link;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.model.dynamics.DynamicsTestSupport;

/**
 * The gradient of the loss through the iLQR solution (autograd for the direct part, one LQR solve plus
 * autograd for the implicit part) against central finite differences of the loss, re-solving iLQR at every
 * perturbed parameter with the same posterior noise. With linear dynamics, a Poisson exp likelihood and a
 * Gaussian prior the recognition cost is convex and its Gauss-Newton Hessian is exact, so the two must agree
 * to finite-difference accuracy; the test also checks that the implicit part matters (dropping it breaks the
 * agreement).
 */
class ImplicitGradientTest {
    static final int BINS = 8;
    static final int CHANNELS = 5;
    static final int BATCH = 3;

    /** Behaviour channels of the variant that fits behaviour too. */
    static final int BEHAVIOR = 2;

    /**
     * With {@code fitBehavior} the ELBO also scores Gaussian behaviour (one entry per trial unrecorded) that
     * recognition does not see: its gradient reaches u* only through g = ∂L/∂u*, so the implicit part carries it.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gradientThroughTheSolutionMatchesFiniteDifferences(boolean fitBehavior) {
        TorchEngine.prepareThread();
        IlqrVaeModelConfig cfg = new IlqrVaeModelConfig(4, 2, new DynamicsFamily.Linear(4, 1),
                InputPrior.Gaussian.defaults(), new IlqrLikelihood.Poisson(Link.EXP), 0.3, false,
                new IlqrSolverConfig(100, 1e-15, 0.1, 0.5, 1e-14, false), fitBehavior);
        ForkJoinPool pool = new ForkJoinPool(1);
        try (NDManager nd = NDManager.newBaseManager()) {
            IlqrVaeModel model = new IlqrVaeModel(nd, cfg, CHANNELS - 1, CHANNELS, cfg.beginSteps() + BINS - 1,
                    IlqrSolverTest.constant(CHANNELS, 1.5), IlqrSolverTest.constant(CHANNELS, 1.5),
                    fitBehavior ? IlqrSolverTest.constant(BEHAVIOR, 0.2) : null,
                    fitBehavior ? IlqrSolverTest.constant(BEHAVIOR, 0.5) : null, 3);
            DynamicsTestSupport.randomise(model.params(), 8, 0.4);
            SplittableRandom r = new SplittableRandom(5);
            float[] obs = new float[BATCH * BINS * CHANNELS];
            for (int i = 0; i < obs.length; i++) {
                obs[i] = r.nextInt(4);
            }
            behavior = null;
            if (fitBehavior) {
                behavior = new float[BATCH * BINS * BEHAVIOR];
                for (int i = 0; i < behavior.length; i++) {
                    behavior[i] = i % (BINS * BEHAVIOR) == 3 ? Float.NaN : (float) r.nextGaussian();
                }
            }
            int steps = model.steps(BINS);
            float[] xi = new float[BATCH * steps * cfg.inputDim()];
            for (int i = 0; i < xi.length; i++) {
                xi[i] = (float) r.nextGaussian();
            }
            Map<String, Double> grads = new LinkedHashMap<>();
            String[] probes = {"obs.c:1", "obs.c:7", "obs.b:2", "obs.b:4", "dyn.log_d:1", "dyn.sq:3", "dyn.b:2",
                "prior.log_scale:0", "prior.log_first:0", "post.t_log_diag:4"};
            if (fitBehavior) {
                probes = new String[] {"obs.c:1", "dyn.log_d:1", "dyn.sq:3", "dyn.b:2", "prior.log_scale:0",
                    "beh.c:1", "beh.c:6", "beh.b:0", "beh.log_var:1"};
            }
            lossAndGradients(model, nd, obs, xi, pool, probes, grads);
            double implicitSeen = 0;
            for (String probe : probes) {
                String name = probe.split(":")[0];
                int idx = Integer.parseInt(probe.split(":")[1]);
                double h = 3e-3;
                double up = shifted(model, nd, name, idx, h, obs, xi, pool);
                double down = shifted(model, nd, name, idx, -h, obs, xi, pool);
                double fd = (up - down) / (2 * h);
                double got = grads.get(probe);
                System.out.printf("%-22s fd %+.6f  implicit %+.6f  direct only %+.6f%n", probe, fd, got, directOnly.get(probe));
                assertEquals(fd, got, 5e-3 * Math.max(Math.abs(fd), 2e-2), probe + " (fd " + fd + ", got " + got + ")");
                implicitSeen = Math.max(implicitSeen, Math.abs(got - directOnly.getOrDefault(probe, got)));
            }
            assertTrue(implicitSeen > 1e-2, "the implicit part should change some gradient, max change " + implicitSeen);
        }
    }

    private static final Map<String, Double> directOnly = new LinkedHashMap<>();
    private static float[] behavior;

    private static double lossAndGradients(IlqrVaeModel model, NDManager nd, float[] obs, float[] xi,
                                           ForkJoinPool pool, String[] probes, Map<String, Double> out) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            ElboGradient.Result res = ElboGradient.run(model, nd, obs, behavior, BATCH, BINS, CHANNELS, null, xi, 0.7, 1e-3,
                    pool, true);
            read(model, probes, out);
            zeroGradients(model);
            ElboGradient.run(model, nd, obs, behavior, BATCH, BINS, CHANNELS, null, xi, 0.7, 1e-3, pool, false);
            read(model, probes, directOnly);
            zeroGradients(model);
            return res.loss();
        }
    }

    private static double shifted(IlqrVaeModel model, NDManager nd, String name, int idx, double h, float[] obs,
                                  float[] xi, ForkJoinPool pool) {
        NDArray p = model.params().get(name);
        float[] v = p.toFloatArray();
        float old = v[idx];
        v[idx] = (float) (old + h);
        model.params().assign(name, nd.create(v, p.getShape()));
        double loss;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            loss = ElboGradient.run(model, nd, obs, behavior, BATCH, BINS, CHANNELS, null, xi, 0.7, 1e-3, pool, false).loss();
            zeroGradients(model);
        }
        v[idx] = old;
        model.params().assign(name, nd.create(v, p.getShape()));
        return loss;
    }

    private static void read(IlqrVaeModel model, String[] probes, Map<String, Double> out) {
        for (String probe : probes) {
            String[] p = probe.split(":");
            out.put(probe, (double) model.params().get(p[0]).getGradient().toFloatArray()[Integer.parseInt(p[1])]);
        }
    }

    private static void zeroGradients(IlqrVaeModel model) {
        for (NDArray a : model.params().trainable().values()) {
            NDArray g = a.getGradient();
            g.subi(g);
        }
    }
}

package org.latentlab.core.model.ilqrvae;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.latentlab.core.config.IlqrSolverConfig;
import org.latentlab.core.model.dynamics.HostDynamics;

/**
 * The recognition model on the host: a snapshot of the generative model's weights with which iLQR finds
 * each trial's posterior mean, and the extra LQR solve of implicit differentiation. Trials are independent,
 * so a batch is solved in parallel on the given pool.
 */
public final class Recognition {
    private final HostDynamics dyn;
    private final int begin;
    private final HostPrior prior;
    private final HostObservation observation;
    private final IlqrSolverConfig solver;

    Recognition(HostDynamics dyn, int begin, HostPrior prior, HostObservation observation, IlqrSolverConfig solver) {
        this.dyn = dyn;
        this.begin = begin;
        this.prior = prior;
        this.observation = observation;
        this.solver = solver;
    }

    TrialProblem problem(double[] obs, int bins) {
        return new TrialProblem(dyn, begin, prior, observation, obs, bins);
    }

    /**
     * Solves every trial.
     *
     * @param obs  per trial, held-in observations {@code [T][channels]} flat
     * @param init per trial, the warm start {@code [K][m]} flat, or null entries for u = 0
     */
    public Ilqr.Solution[] solve(double[][] obs, int bins, double[][] init, ForkJoinPool pool) {
        Ilqr.Solution[] out = new Ilqr.Solution[obs.length];
        Runnable all = () -> IntStream.range(0, obs.length).parallel()
                .forEach(i -> out[i] = Ilqr.solve(problem(obs[i], bins), init == null ? null : init[i], solver));
        pool.submit(all).join();
        return out;
    }

    /** v_i = H_i⁻¹·g_i for each solved trial (null where the trial failed or H could not be factorised). */
    public double[][] solveHessians(Ilqr.Solution[] solutions, double[][] g, ForkJoinPool pool) {
        double[][] out = new double[solutions.length][];
        Runnable all = () -> IntStream.range(0, solutions.length).parallel().forEach(i -> {
            if (solutions[i] != null && solutions[i].lin() != null && g[i] != null) {
                out[i] = Ilqr.solveHessian(solutions[i].lin(), g[i]);
            }
        });
        pool.submit(all).join();
        return out;
    }
}

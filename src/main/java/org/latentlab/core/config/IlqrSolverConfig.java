package org.latentlab.core.config;

/**
 * The iLQR recognition solver (reference ilqr-vae §1.4).
 *
 * @param maxIterations  iterations per solve; 10, the reference's cap
 * @param tolerance      stop when the relative change of the cost is below this; 1e-4 as the reference
 * @param lineSearchBeta Armijo fraction of the predicted decrease a step must achieve; 0.1
 * @param lineSearchTau  step shrink factor; 0.5
 * @param minStep        the line search gives up below this step; 1e-8
 * @param warmStart      start each trial from its previous solution (the reference's {@code recycle_u})
 */
public record IlqrSolverConfig(int maxIterations, double tolerance, double lineSearchBeta, double lineSearchTau,
                               double minStep, boolean warmStart) {
    public IlqrSolverConfig {
        Check.positive("max_iterations", maxIterations);
        Check.positive("tolerance", tolerance);
        Check.open("line_search_beta", lineSearchBeta, 0, 1);
        Check.open("line_search_tau", lineSearchTau, 0, 1);
        Check.positive("min_step", minStep);
    }

    public static IlqrSolverConfig defaults() {
        return new IlqrSolverConfig(10, 1e-4, 0.1, 0.5, 1e-8, true);
    }
}

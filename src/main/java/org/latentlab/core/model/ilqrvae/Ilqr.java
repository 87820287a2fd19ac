package org.latentlab.core.model.ilqrvae;

import org.latentlab.core.config.IlqrSolverConfig;

/**
 * iLQR on one {@link TrialProblem} (reference ilqr-vae §1.4): linearise around the current inputs
 * (Gauss-Newton: second derivatives of the dynamics ignored), regularised Riccati backward pass, then a
 * backtracking line search on the true cost from the full step α = 1 (the reference's first trial step is
 * 0.5, a quirk), accepting when the decrease is at least β times the predicted one. Stops when the relative
 * change of the cost falls below the tolerance or after the iteration cap. A pure function of its inputs.
 */
public final class Ilqr {
    /** How a solve ended. */
    public enum Status {
        CONVERGED, MAX_ITERATIONS,
        /** The regulariser reached its cap without making Q_uu positive definite. */
        NO_DESCENT,
        /** No step along the Newton direction decreased the cost enough. */
        LINE_SEARCH,
        /** The cost or the states became non-finite. */
        NOT_FINITE;

        public boolean failed() {
            return this == NO_DESCENT || this == LINE_SEARCH || this == NOT_FINITE;
        }
    }

    /**
     * @param u          the solution {@code [K][m]} flat
     * @param x          its states {@code [K+1][n]} flat
     * @param cost       J(u)
     * @param iterations backward passes taken
     * @param lin        the LQR approximation at the solution (what the implicit gradient solves with)
     */
    public record Solution(double[] u, double[] x, double cost, int iterations, Status status, Linearization lin) {
    }

    private Ilqr() {
    }

    static Solution solve(TrialProblem p, double[] init, IlqrSolverConfig cfg) {
        int n = p.n();
        int m = p.m();
        int steps = p.steps();
        double[] u = init == null ? new double[steps * m] : init.clone();
        double[] x = new double[(steps + 1) * n];
        p.rollout(u, x);
        double cost = p.cost(u, x);
        if (!Double.isFinite(cost)) {
            return new Solution(u, x, cost, 0, Status.NOT_FINITE, null);
        }
        Status status = Status.MAX_ITERATIONS;
        int it = 0;
        double[] uNew = new double[u.length];
        double[] xNew = new double[x.length];
        Linearization atU = null; // the linearisation at the current u, when it is up to date
        while (it < cfg.maxIterations()) {
            Linearization lin = p.linearize(u, x);
            atU = lin;
            Lqr.Gains g = Lqr.backward(lin, 0);
            it++;
            if (g == null) {
                status = Status.NO_DESCENT;
                break;
            }
            if (-g.dv1() <= cfg.tolerance() * 1e-3 * Math.abs(cost)) { // already at a stationary point
                status = Status.CONVERGED;
                break;
            }
            double alpha = 1;
            double accepted = Double.NaN;
            while (alpha >= cfg.minStep()) {
                apply(p, u, x, g, alpha, uNew, xNew);
                double c = p.cost(uNew, xNew);
                double predicted = -(alpha * g.dv1() + alpha * alpha * g.dv2());
                if (Double.isFinite(c) && c < cost && cost - c >= cfg.lineSearchBeta() * predicted) {
                    accepted = c;
                    break;
                }
                alpha *= cfg.lineSearchTau();
            }
            if (Double.isNaN(accepted)) {
                status = Status.LINE_SEARCH;
                break;
            }
            double change = (cost - accepted) / Math.max(Math.abs(cost), 1e-12);
            System.arraycopy(uNew, 0, u, 0, u.length);
            System.arraycopy(xNew, 0, x, 0, x.length);
            cost = accepted;
            atU = null;
            if (change < cfg.tolerance()) {
                status = Status.CONVERGED;
                break;
            }
        }
        return new Solution(u, x, cost, it, status, status.failed() ? null : atU != null ? atU : p.linearize(u, x));
    }

    /** The closed-loop rollout u_k = ū_k + α·kff_k + Kfb_k·(x̂_k − x̄_k). */
    private static void apply(TrialProblem p, double[] u, double[] x, Lqr.Gains g, double alpha, double[] uOut,
                              double[] xOut) {
        int n = p.n();
        int m = p.m();
        double[] xk = new double[n];
        double[] dx = new double[n];
        double[] uk = new double[m];
        double[] fb = new double[m];
        double[] next = new double[n];
        java.util.Arrays.fill(xOut, 0, n, 0);
        for (int k = 0; k < p.steps(); k++) {
            System.arraycopy(xOut, k * n, xk, 0, n);
            for (int i = 0; i < n; i++) {
                dx[i] = xk[i] - x[k * n + i];
            }
            Dense.av(g.kfb()[k], dx, m, n, fb);
            for (int c = 0; c < m; c++) {
                uk[c] = u[k * m + c] + alpha * g.kff()[k][c] + fb[c];
                uOut[k * m + c] = uk[c];
            }
            p.transition(k, xk, uk, next);
            System.arraycopy(next, 0, xOut, (k + 1) * n, n);
        }
    }

    /**
     * v = H⁻¹·g for the Gauss-Newton Hessian H of J in u at a solution: the one extra LQR solve of implicit
     * differentiation. {@code g} is {@code [K][m]} flat. Where H is not positive definite (possible under a
     * Student-t prior, whose Hessian can be indefinite) the regularised H + μI of the solver is used; null if
     * even that fails.
     */
    static double[] solveHessian(Linearization lin, double[] g) {
        double[][] lu = new double[lin.steps][lin.m];
        for (int k = 0; k < lin.steps; k++) {
            for (int c = 0; c < lin.m; c++) {
                lu[k][c] = -g[k * lin.m + c];
            }
        }
        Linearization l = lin.withLinearTerms(lu);
        Lqr.Gains gains = Lqr.backward(l, 0);
        if (gains == null) {
            return null;
        }
        return Lqr.forward(l, gains);
    }
}

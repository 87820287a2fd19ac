package org.latentlab.core.model.ilqrvae;

import org.latentlab.core.model.dynamics.HostDynamics;

/**
 * One trial's recognition problem: find the inputs u_0 … u_{K−1} minimising
 * <pre>  J(u) = Σ_k −log p(u_k) + Σ_{j<T} −log p(o_j | x_{b+j})</pre>
 * where x_0 = 0, the first b = {@code beginSteps} steps write the initial condition block by block
 * (x_{k+1} = x_k + E_k u_k) and every later step is x_{k+1} = f(x_k, u_k); K = b + T − 1. Unlike the
 * reference, the last bin is part of the cost (its iLQR gives the last observation no weight).
 *
 * @param obs observations the solver sees, {@code [T][channels]} flat
 */
record TrialProblem(HostDynamics dyn, int beginSteps, HostPrior prior, HostObservation observation, double[] obs,
                    int bins) {

    int n() {
        return dyn.stateDim();
    }

    int m() {
        return dyn.inputDim();
    }

    /** The number of inputs, K. */
    int steps() {
        return beginSteps + bins - 1;
    }

    /** x_{k+1} from x_k and u_k. */
    void transition(int k, double[] x, double[] u, double[] out) {
        if (k >= beginSteps) {
            dyn.step(x, u, out);
            return;
        }
        System.arraycopy(x, 0, out, 0, x.length);
        int m = m();
        for (int c = 0; c < m && k * m + c < out.length; c++) {
            out[k * m + c] += u[c];
        }
    }

    /** The Jacobians of {@link #transition} (row-major, column convention). */
    void jacobians(int k, double[] x, double[] u, double[] a, double[] b) {
        if (k >= beginSteps) {
            dyn.jacobians(x, u, a, b);
            return;
        }
        int n = n();
        int m = m();
        java.util.Arrays.fill(a, 0);
        java.util.Arrays.fill(b, 0);
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 1;
        }
        for (int c = 0; c < m && k * m + c < n; c++) {
            b[(k * m + c) * m + c] = 1;
        }
    }

    /** The bin observed at state index s, or −1 (states before the initial condition is complete). */
    int binOf(int s) {
        int j = s - beginSteps;
        return j >= 0 && j < bins ? j : -1;
    }

    /** Rolls out every state from {@code u} ({@code [K][m]} flat) into {@code x} ({@code [K+1][n]} flat). */
    void rollout(double[] u, double[] x) {
        int n = n();
        int m = m();
        double[] xk = new double[n];
        double[] uk = new double[m];
        double[] next = new double[n];
        java.util.Arrays.fill(x, 0, n, 0);
        for (int k = 0; k < steps(); k++) {
            System.arraycopy(x, k * n, xk, 0, n);
            System.arraycopy(u, k * m, uk, 0, m);
            transition(k, xk, uk, next);
            System.arraycopy(next, 0, x, (k + 1) * n, n);
        }
    }

    /** J(u) given the rolled-out states. */
    double cost(double[] u, double[] x) {
        int n = n();
        int m = m();
        double[] uk = new double[m];
        double[] xs = new double[n];
        double j = 0;
        for (int k = 0; k < steps(); k++) {
            System.arraycopy(u, k * m, uk, 0, m);
            j += prior.value(k, uk);
        }
        for (int s = 0; s <= steps(); s++) {
            int bin = binOf(s);
            if (bin >= 0) {
                System.arraycopy(x, s * n, xs, 0, n);
                j += observation.value(obs, bin, xs);
            }
        }
        return j;
    }

    /** The LQR approximation of J around (u, x): dynamics Jacobians and Gauss-Newton cost derivatives. */
    Linearization linearize(double[] u, double[] x) {
        int n = n();
        int m = m();
        int steps = steps();
        Linearization lin = new Linearization(n, m, steps);
        double[] xk = new double[n];
        double[] uk = new double[m];
        for (int k = 0; k < steps; k++) {
            System.arraycopy(x, k * n, xk, 0, n);
            System.arraycopy(u, k * m, uk, 0, m);
            jacobians(k, xk, uk, lin.a[k], lin.b[k]);
            prior.derivatives(k, uk, lin.lu[k], lin.luu[k]);
        }
        for (int s = 0; s <= steps; s++) {
            int bin = binOf(s);
            if (bin >= 0) {
                System.arraycopy(x, s * n, xk, 0, n);
                observation.derivatives(obs, bin, xk, lin.lx[s], lin.lxx[s]);
            }
        }
        return lin;
    }
}

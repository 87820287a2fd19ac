package org.latentlab.core.model.ilqrvae;

/**
 * A time-varying LQR problem: δx_{k+1} = A_k δx_k + B_k δu_k from δx_0 = 0, with cost
 * Σ_k (½δu_kᵀ luu_k δu_k + lu_kᵀ δu_k) + Σ_s (½δx_sᵀ lxx_s δx_s + lx_sᵀ δx_s) over states s = 0 … K.
 * Arrays are row-major per step.
 */
final class Linearization {
    final int n;
    final int m;
    final int steps;
    final double[][] a;
    final double[][] b;
    final double[][] lu;
    final double[][] luu;
    final double[][] lx;
    final double[][] lxx;

    Linearization(int n, int m, int steps) {
        this.n = n;
        this.m = m;
        this.steps = steps;
        a = new double[steps][n * n];
        b = new double[steps][n * m];
        lu = new double[steps][m];
        luu = new double[steps][m * m];
        lx = new double[steps + 1][n];
        lxx = new double[steps + 1][n * n];
    }

    /** The same quadratic terms with the linear ones replaced: for solving H·v = g (implicit gradients). */
    Linearization withLinearTerms(double[][] newLu) {
        Linearization l = new Linearization(n, m, steps);
        for (int k = 0; k < steps; k++) {
            l.a[k] = a[k];
            l.b[k] = b[k];
            l.luu[k] = luu[k];
            l.lu[k] = newLu[k];
        }
        for (int s = 0; s <= steps; s++) {
            l.lxx[s] = lxx[s];
        }
        return l;
    }
}

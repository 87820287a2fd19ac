package org.latentlab.core.model.ilqrvae;

/**
 * The backward (Riccati) pass of a {@link Linearization}: feedback gains δu_k = kff_k + Kfb_k·δx_k and the
 * predicted cost change. The input Hessian Q_uu is regularised as Q_uu + μI, μ growing until every Q_uu
 * is positive definite (the reference regularises in state space; control-space Levenberg-Marquardt is the
 * simpler of Tassa's two and enough here, since the prior makes Q_uu positive definite except where a
 * Student-t prior's Hessian is indefinite).
 */
final class Lqr {
    /** Gains {@code [K][m]} and {@code [K][m×n]}, the μ used, and the predicted change α·dv1 + α²·dv2. */
    record Gains(double[][] kff, double[][] kfb, double mu, double dv1, double dv2) {
    }

    private static final double MU_MAX = 1e10;

    private Lqr() {
    }

    /** Gains with the smallest μ ≥ {@code muMin} on the grid μ_0 = 1e-8, ×10, for which every Q_uu is PD; null if none. */
    static Gains backward(Linearization lin, double muMin) {
        double mu = muMin;
        while (mu <= MU_MAX) {
            Gains g = tryBackward(lin, mu);
            if (g != null) {
                return g;
            }
            mu = mu <= 0 ? 1e-8 : mu * 10;
        }
        return null;
    }

    private static Gains tryBackward(Linearization lin, double mu) {
        int n = lin.n;
        int m = lin.m;
        int steps = lin.steps;
        double[][] kff = new double[steps][m];
        double[][] kfb = new double[steps][m * n];
        double[] vx = lin.lx[steps].clone();
        double[] vxx = lin.lxx[steps].clone();
        double[] qx = new double[n];
        double[] qu = new double[m];
        double[] va = new double[n * n];
        double[] qxx = new double[n * n];
        double[] vb = new double[n * m];
        double[] quu = new double[m * m];
        double[] qux = new double[m * n];
        double[] chol = new double[m * m];
        double[] tmp = new double[m * n];
        double dv1 = 0;
        double dv2 = 0;
        for (int k = steps - 1; k >= 0; k--) {
            double[] a = lin.a[k];
            double[] b = lin.b[k];
            Dense.atv(a, vx, n, n, qx);
            Dense.atv(b, vx, n, m, qu);
            for (int i = 0; i < n; i++) {
                qx[i] += lin.lx[k][i];
            }
            for (int c = 0; c < m; c++) {
                qu[c] += lin.lu[k][c];
            }
            Dense.ab(vxx, a, n, n, n, va);
            Dense.atb(a, va, n, n, n, qxx);
            Dense.ab(vxx, b, n, n, m, vb);
            Dense.atb(b, vb, n, m, m, quu);
            Dense.atb(b, va, n, m, n, qux);
            for (int i = 0; i < n * n; i++) {
                qxx[i] += lin.lxx[k][i];
            }
            for (int i = 0; i < m * m; i++) {
                quu[i] += lin.luu[k][i];
            }
            for (int c = 0; c < m; c++) { // symmetrise, then regularise
                for (int d = c + 1; d < m; d++) {
                    double s = 0.5 * (quu[c * m + d] + quu[d * m + c]);
                    quu[c * m + d] = s;
                    quu[d * m + c] = s;
                }
            }
            double[] reg = quu.clone();
            for (int c = 0; c < m; c++) {
                reg[c * m + c] += mu;
            }
            if (!Dense.cholesky(reg, m, chol)) {
                return null;
            }
            double[] kk = kff[k];
            for (int c = 0; c < m; c++) {
                kk[c] = -qu[c];
            }
            Dense.cholSolve(chol, m, kk, 1);
            double[] kb = kfb[k];
            for (int i = 0; i < m * n; i++) {
                kb[i] = -qux[i];
            }
            Dense.cholSolve(chol, m, kb, n);
            // V_x = Q_x + Kᵀ Q_uu k + Kᵀ Q_u + Q_uxᵀ k ;  V_xx = Q_xx + Kᵀ Q_uu K + Kᵀ Q_ux + Q_uxᵀ K
            double[] quuK = new double[m];
            Dense.av(quu, kk, m, m, quuK);
            for (int c = 0; c < m; c++) {
                quuK[c] += qu[c];
            }
            Dense.atv(kb, quuK, m, n, vx);
            double[] t2 = new double[n];
            Dense.atv(qux, kk, m, n, t2);
            for (int i = 0; i < n; i++) {
                vx[i] += qx[i] + t2[i];
            }
            Dense.ab(quu, kb, m, m, n, tmp);
            for (int i = 0; i < m * n; i++) {
                tmp[i] += 2 * qux[i];
            }
            // Kᵀ(Q_uu K + 2 Q_ux), symmetrised, equals Kᵀ Q_uu K + Kᵀ Q_ux + Q_uxᵀ K
            Dense.atb(kb, tmp, m, n, n, vxx);
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double s = 0.5 * (vxx[i * n + j] + vxx[j * n + i]) + 0.5 * (qxx[i * n + j] + qxx[j * n + i]);
                    vxx[i * n + j] = s;
                    vxx[j * n + i] = s;
                }
            }
            dv1 += Dense.dot(kk, qu, m);
            double[] qk = new double[m];
            Dense.av(quu, kk, m, m, qk);
            dv2 += 0.5 * Dense.dot(kk, qk, m);
        }
        return new Gains(kff, kfb, mu, dv1, dv2);
    }

    /**
     * The optimal δu of the LQR problem (from δx_0 = 0) under the gains: with {@code lin}'s linear terms set to
     * −g and μ = 0 this is H⁻¹g for the Gauss-Newton Hessian H of the trajectory cost in u.
     */
    static double[] forward(Linearization lin, Gains g) {
        int n = lin.n;
        int m = lin.m;
        double[] du = new double[lin.steps * m];
        double[] dx = new double[n];
        double[] next = new double[n];
        double[] uk = new double[m];
        for (int k = 0; k < lin.steps; k++) {
            Dense.av(g.kfb()[k], dx, m, n, uk);
            for (int c = 0; c < m; c++) {
                uk[c] += g.kff()[k][c];
                du[k * m + c] = uk[c];
            }
            Dense.av(lin.a[k], dx, n, n, next);
            double[] bu = new double[n];
            Dense.av(lin.b[k], uk, n, m, bu);
            for (int i = 0; i < n; i++) {
                dx[i] = next[i] + bu[i];
            }
        }
        return du;
    }
}

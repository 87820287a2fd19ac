package org.latentlab.core.model.dynamics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.core.config.DynamicsFamily;
import org.latentlab.core.model.nn.Consts;
import org.latentlab.core.model.nn.MemberParams;

/**
 * x' = A x + B u with A stable for every parameter value (reference dynamics-families §5): in row
 * convention A_src = U·diag(√d)·Q·diag(1/√(1+d))·Uᵀ with U, Q orthogonal and d > 0, whose spectral radius is at
 * most max √(d/(1+d)) < 1. U and Q are Cayley transforms of skew matrices, (I − K)(I + K)⁻¹, which keeps
 * them exactly orthogonal with only differentiable engine ops (the reference orthogonalises by QR). Each
 * latent's input vector (a column of B_src) is rescaled to unit norm at every call.
 */
final class StableLinear implements Dynamics {
    private static final double D_FLOOR = 1e-5;
    private final MemberParams p;
    private final int n;
    private final int m;
    private final Consts c;
    private final NDArray eye;

    StableLinear(MemberParams p, int n, int m, DynamicsFamily.Linear cfg, Consts c) {
        this.p = p;
        this.n = n;
        this.m = m;
        this.c = c;
        // Initial per-mode decay exp(−1/τ): d = e/(1−e) with e = exp(−2/τ).
        double e = Math.exp(-2 / cfg.tauBins());
        double d0 = e / (1 - e);
        p.constant("dyn.log_d", Math.log(d0 - D_FLOOR), n);
        p.constant("dyn.su", 0, n, n);
        p.normal("dyn.sq", cfg.rotation() / cfg.tauBins() / Math.sqrt(2.0 * n), n, n);
        p.normal("dyn.b", 1, m, n);
        NDManager nd = p.manager();
        eye = nd.eye(n);
        ai.djl.ndarray.NDScope.unregister(eye);
    }

    private NDArray cayley(NDArray s) {
        NDArray k = s.sub(s.transpose());
        return eye.sub(k).matMul(eye.add(k).inverse());
    }

    @Override
    public Map<String, NDArray> weights() {
        NDArray d = p.get("dyn.log_d").squeeze(0).exp().add(c.of(D_FLOOR));
        NDArray u = cayley(p.get("dyn.su").squeeze(0));
        NDArray q = cayley(p.get("dyn.sq").squeeze(0));
        NDArray left = u.mul(d.sqrt());                        // U·diag(√d)
        NDArray right = u.transpose().mul(d.add(c.one()).sqrt().reshape(n, 1).pow(c.of(-1))); // diag(1/√(1+d))·Uᵀ
        Map<String, NDArray> w = new LinkedHashMap<>();
        w.put("a", left.matMul(q).matMul(right));
        NDArray raw = p.get("dyn.b").squeeze(0);
        w.put("b", raw.div(raw.square().sum(new int[] {0}, true).sqrt()));
        return w;
    }

    @Override
    public NDArray step(Map<String, NDArray> w, NDArray x, NDArray u) {
        return x.matMul(w.get("a")).add(u.matMul(w.get("b")));
    }

    @Override
    public Tangent tangent(Map<String, NDArray> w, NDArray x, NDArray u, NDArray dx, NDArray du) {
        return new Tangent(step(w, x, u), step(w, dx, du));
    }

    @Override
    public HostDynamics host(Map<String, NDArray> w) {
        return new HostLinear(n, m, Host.copy(w.get("a")), Host.copy(w.get("b")));
    }

    @Override
    public List<String> recurrent() {
        return List.of();
    }

    /** x' = x·A_src + u·B_src on the host (A_src, B_src input-major). */
    record HostLinear(int n, int m, double[] a, double[] b) implements HostDynamics {
        @Override
        public int stateDim() {
            return n;
        }

        @Override
        public int inputDim() {
            return m;
        }

        @Override
        public void step(double[] x, double[] u, double[] out) {
            Host.rowTimes(x, a, n, null, out);
            double[] bu = new double[n];
            Host.rowTimes(u, b, n, null, bu);
            for (int i = 0; i < n; i++) {
                out[i] += bu[i];
            }
        }

        @Override
        public void jacobians(double[] x, double[] u, double[] ja, double[] jb) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    ja[i * n + j] = a[j * n + i];
                }
                for (int k = 0; k < m; k++) {
                    jb[i * m + k] = b[k * n + i];
                }
            }
        }
    }
}

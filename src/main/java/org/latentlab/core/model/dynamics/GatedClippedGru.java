package org.latentlab.core.model.dynamics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.core.model.nn.Consts;
import org.latentlab.core.model.nn.MemberParams;

/**
 * The LFADS generator cell as an iLQR-VAE dynamics family (reference dynamics-families §1), the same
 * equations as {@link org.latentlab.core.model.nn.ClippedGru} without the member axis and with its Jacobians:
 * <pre>
 *   z = σ(u W_iz + b_iz + x W_hz)     r = σ(u W_ir + b_ir + x W_hr)
 *   ĥ = tanh(u W_in + b_in + (r⊙x) W_hn)
 *   x' = clamp(z⊙x + (1 − z)⊙ĥ, −c, c)
 * </pre>
 * Initialisation as lfads-torch's decoder cells: W_i ~ N(0, 1/m), W_h ~ N(0, 1/n), b_iz = b_ir = 1,
 * b_in = 0, no recurrent bias. Where the clamp is active the state no longer depends on (x, u): those rows
 * of both Jacobians are zero.
 */
final class GatedClippedGru implements Dynamics {
    private final MemberParams p;
    private final int n;
    private final int m;
    private final double clip;
    private final Consts c;

    GatedClippedGru(MemberParams p, int n, int m, double clip, Consts c) {
        this.p = p;
        this.n = n;
        this.m = m;
        this.clip = clip;
        this.c = c;
        p.normal("dyn.wi", 1 / Math.sqrt(m), m, 3L * n);
        p.fill("dyn.bi", new long[] {3L * n}, (r, i) -> i < 2 * n ? 1f : 0f, true);
        p.normal("dyn.wh", 1 / Math.sqrt(n), n, 3L * n);
    }

    /** Gate blocks by name: {@code wiz wir win} [m, n], {@code whz whr whn} [n, n], {@code biz bir bin} [n]. */
    @Override
    public Map<String, NDArray> weights() {
        Map<String, NDArray> w = new LinkedHashMap<>();
        NDArray wi = p.get("dyn.wi").squeeze(0);
        NDArray wh = p.get("dyn.wh").squeeze(0);
        NDArray bi = p.get("dyn.bi").squeeze(0);
        String[] gate = {"z", "r", "n"};
        for (int g = 0; g < 3; g++) {
            NDIndex cols = new NDIndex(":, {}:{}", g * n, (g + 1) * n);
            w.put("wi" + gate[g], wi.get(cols));
            w.put("wh" + gate[g], wh.get(cols));
            w.put("bi" + gate[g], bi.get(new NDIndex("{}:{}", g * n, (g + 1) * n)));
        }
        return w;
    }

    /** The gates, the candidate state ĥ and the unclamped next state at (x, u). */
    private record Parts(NDArray z, NDArray r, NDArray h, NDArray pre) {
    }

    private Parts parts(Map<String, NDArray> w, NDArray x, NDArray u) {
        NDArray z = Activation.sigmoid(u.matMul(w.get("wiz")).add(w.get("biz")).add(x.matMul(w.get("whz"))));
        NDArray r = Activation.sigmoid(u.matMul(w.get("wir")).add(w.get("bir")).add(x.matMul(w.get("whr"))));
        NDArray h = u.matMul(w.get("win")).add(w.get("bin")).add(r.mul(x).matMul(w.get("whn"))).tanh();
        return new Parts(z, r, h, h.add(z.mul(x.sub(h))));
    }

    @Override
    public NDArray step(Map<String, NDArray> w, NDArray x, NDArray u) {
        return parts(w, x, u).pre().clip(-clip, clip);
    }

    @Override
    public Tangent tangent(Map<String, NDArray> w, NDArray x, NDArray u, NDArray dx, NDArray du) {
        Parts q = parts(w, x, u);
        NDArray dz = q.z().mul(c.one().sub(q.z())).mul(du.matMul(w.get("wiz")).add(dx.matMul(w.get("whz"))));
        NDArray dr = q.r().mul(c.one().sub(q.r())).mul(du.matMul(w.get("wir")).add(dx.matMul(w.get("whr"))));
        NDArray dArg = du.matMul(w.get("win")).add(dr.mul(x).add(q.r().mul(dx)).matMul(w.get("whn")));
        NDArray dh = c.one().sub(q.h().square()).mul(dArg);
        // d(h + z(x − h)) = dh + dz(x − h) + z(dx − dh)
        NDArray dPre = dh.add(dz.mul(x.sub(q.h()))).add(q.z().mul(dx.sub(dh)));
        NDArray inside = q.pre().abs().lt(clip).toType(dPre.getDataType(), false);
        return new Tangent(q.pre().clip(-clip, clip), dPre.mul(inside));
    }

    @Override
    public HostDynamics host(Map<String, NDArray> w) {
        return new HostGru(n, m, clip, Host.copy(p.get("dyn.wi").squeeze(0)), Host.copy(p.get("dyn.bi").squeeze(0)),
                Host.copy(p.get("dyn.wh").squeeze(0)));
    }

    @Override
    public List<String> recurrent() {
        return List.of("dyn.wh");
    }

    /**
     * The host twin. Weights input-major with the gate blocks side by side as on the engine: {@code wi}
     * [m, 3n], {@code bi} [3n], {@code wh} [n, 3n], blocks in the order (z, r, n).
     */
    record HostGru(int n, int m, double clip, double[] wi, double[] bi, double[] wh) implements HostDynamics {
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
            double[][] g = forward(x, u);
            for (int i = 0; i < n; i++) {
                out[i] = Math.max(-clip, Math.min(clip, g[3][i]));
            }
        }

        /** {z, r, ĥ, pre-clamp state} at (x, u). */
        private double[][] forward(double[] x, double[] u) {
            double[] in = new double[3 * n];
            double[] rec = new double[3 * n];
            Host.rowTimes(u, wi, 3 * n, bi, in);
            Host.rowTimes(x, wh, 3 * n, null, rec);
            double[] z = new double[n];
            double[] r = new double[n];
            double[] rx = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = sigmoid(in[i] + rec[i]);
                r[i] = sigmoid(in[n + i] + rec[n + i]);
                rx[i] = r[i] * x[i];
            }
            double[] h = new double[n];
            double[] pre = new double[n];
            for (int i = 0; i < n; i++) {
                double arg = in[2 * n + i];
                for (int l = 0; l < n; l++) {
                    arg += rx[l] * wh[l * 3 * n + 2 * n + i];
                }
                h[i] = Math.tanh(arg);
                pre[i] = h[i] + z[i] * (x[i] - h[i]);
            }
            return new double[][] {z, r, h, pre};
        }

        private static double sigmoid(double v) {
            return 1 / (1 + Math.exp(-v));
        }

        @Override
        public void jacobians(double[] x, double[] u, double[] a, double[] b) {
            double[][] g = forward(x, u);
            double[] z = g[0];
            double[] r = g[1];
            double[] h = g[2];
            int w3 = 3 * n;
            // s_l = r_l(1 − r_l)·x_l: how a change of r_l's argument moves the candidate's input (r⊙x)_l
            double[] s = new double[n];
            for (int l = 0; l < n; l++) {
                s[l] = r[l] * (1 - r[l]) * x[l];
            }
            for (int i = 0; i < n; i++) {
                boolean inside = Math.abs(g[3][i]) < clip;
                double gz = z[i] * (1 - z[i]);
                double dh = (1 - z[i]) * (1 - h[i] * h[i]); // ∂pre_i/∂arg_i through ĥ
                double gap = x[i] - h[i];
                for (int j = 0; j < n; j++) {
                    // ∂arg_i/∂x_j = r_j·W_hn[j,i] + Σ_l W_hr[j,l]·s_l·W_hn[l,i]
                    double dArg = r[j] * wh[j * w3 + 2 * n + i];
                    for (int l = 0; l < n; l++) {
                        dArg += wh[j * w3 + n + l] * s[l] * wh[l * w3 + 2 * n + i];
                    }
                    double v = dh * dArg + gz * wh[j * w3 + i] * gap + (i == j ? z[i] : 0);
                    a[i * n + j] = inside ? v : 0;
                }
                for (int k = 0; k < m; k++) {
                    double dArg = wi[k * w3 + 2 * n + i];
                    for (int l = 0; l < n; l++) {
                        dArg += wi[k * w3 + n + l] * s[l] * wh[l * w3 + 2 * n + i];
                    }
                    double v = dh * dArg + gz * wi[k * w3 + i] * gap;
                    b[i * m + k] = inside ? v : 0;
                }
            }
        }
    }
}

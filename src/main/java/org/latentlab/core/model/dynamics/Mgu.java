package org.latentlab.core.model.dynamics;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.core.model.nn.Consts;
import org.latentlab.core.model.nn.MemberParams;

/**
 * The minimal gated unit of iLQR-VAE (reference dynamics-families §5), in two variants:
 * <pre>
 *   MGU:  f = σ(W_f u + b_f + U_f x)   ĥ = φ(W_h u + b_h + U_h (f⊙x))
 *   MGU2: f = σ(b_f + U_f x)           ĥ = φ(b_h + U_h (f⊙x)) + W_h u
 *   both: x' = (1 − f)⊙x + f⊙ĥ
 * </pre>
 * Each input channel's row of W_h is rescaled to norm √(n/m) at every call. Initially W_f = U_f = U_h = 0
 * and b = 0, so f = ½: a leaky, input-driven start with no recurrence.
 */
final class Mgu implements Dynamics {
    private final MemberParams p;
    private final int n;
    private final int m;
    private final Consts c;
    /** MGU2: the input is outside φ and out of the gate. */
    private final boolean affine;

    Mgu(MemberParams p, int n, int m, Consts c, boolean affine) {
        this.p = p;
        this.n = n;
        this.m = m;
        this.c = c;
        this.affine = affine;
        p.constant("dyn.uf", 0, n, n);
        p.constant("dyn.uh", 0, n, n);
        p.constant("dyn.bf", 0, n);
        p.constant("dyn.bh", 0, n);
        p.normal("dyn.wh", 1, m, n);
        if (!affine) {
            p.constant("dyn.wf", 0, m, n);
        }
    }

    @Override
    public Map<String, NDArray> weights() {
        Map<String, NDArray> w = new LinkedHashMap<>();
        for (String k : new String[] {"uf", "uh", "bf", "bh"}) {
            w.put(k, p.get("dyn." + k).squeeze(0));
        }
        NDArray raw = p.get("dyn.wh").squeeze(0);
        NDArray norm = raw.square().sum(new int[] {1}, true).sqrt();
        w.put("wh", raw.div(norm).mul(c.of(Math.sqrt((double) n / m))));
        if (!affine) {
            w.put("wf", p.get("dyn.wf").squeeze(0));
        }
        return w;
    }

    /** The gate f, the argument of φ and the candidate state ĥ at (x, u). */
    private record Parts(NDArray f, NDArray arg, NDArray h) {
    }

    private Parts parts(Map<String, NDArray> w, NDArray x, NDArray u) {
        NDArray gate = x.matMul(w.get("uf")).add(w.get("bf"));
        if (!affine) {
            gate = gate.add(u.matMul(w.get("wf")));
        }
        NDArray f = Activation.sigmoid(gate);
        NDArray cand = x.mul(f).matMul(w.get("uh")).add(w.get("bh"));
        if (affine) {
            return new Parts(f, cand, Requad.phi(cand, c).add(u.matMul(w.get("wh"))));
        }
        NDArray arg = cand.add(u.matMul(w.get("wh")));
        return new Parts(f, arg, Requad.phi(arg, c));
    }

    @Override
    public NDArray step(Map<String, NDArray> w, NDArray x, NDArray u) {
        Parts p = parts(w, x, u);
        return x.add(p.f().mul(p.h().sub(x)));
    }

    @Override
    public Tangent tangent(Map<String, NDArray> w, NDArray x, NDArray u, NDArray dx, NDArray du) {
        Parts p = parts(w, x, u);
        NDArray f = p.f();
        NDArray dgate = dx.matMul(w.get("uf"));
        if (!affine) {
            dgate = dgate.add(du.matMul(w.get("wf")));
        }
        NDArray df = f.mul(c.one().sub(f)).mul(dgate);
        NDArray darg = df.mul(x).add(f.mul(dx)).matMul(w.get("uh"));
        NDArray duh = du.matMul(w.get("wh"));
        NDArray dh = affine ? Requad.dphi(p.arg(), c).mul(darg).add(duh) : Requad.dphi(p.arg(), c).mul(darg.add(duh));
        NDArray gap = p.h().sub(x);
        NDArray next = x.add(f.mul(gap));
        return new Tangent(next, dx.mul(c.one().sub(f)).add(df.mul(gap)).add(f.mul(dh)));
    }

    @Override
    public HostDynamics host(Map<String, NDArray> w) {
        return new HostMgu(n, m, affine, Host.copy(w.get("uf")), Host.copy(w.get("uh")), Host.copy(w.get("bf")),
                Host.copy(w.get("bh")), Host.copy(w.get("wh")), affine ? null : Host.copy(w.get("wf")));
    }

    @Override
    public List<String> recurrent() {
        return List.of("dyn.uf", "dyn.uh");
    }

    /** The host twin; weights input-major as on the engine. */
    record HostMgu(int n, int m, boolean affine, double[] uf, double[] uh, double[] bf, double[] bh, double[] wh,
                   double[] wf) implements HostDynamics {
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
            double[] f = new double[n];
            double[] cand = new double[n];
            double[] h = new double[n];
            forward(x, u, f, cand, h);
            for (int i = 0; i < n; i++) {
                out[i] = x[i] + f[i] * (h[i] - x[i]);
            }
        }

        /** Gate f, argument of φ (cand) and candidate state h at (x, u). */
        private void forward(double[] x, double[] u, double[] f, double[] cand, double[] h) {
            Host.rowTimes(x, uf, n, bf, f);
            double[] in = new double[n];
            if (!affine) {
                Host.rowTimes(u, wf, n, null, in);
            }
            for (int i = 0; i < n; i++) {
                f[i] = 1 / (1 + Math.exp(-(f[i] + in[i])));
            }
            double[] fx = new double[n];
            for (int i = 0; i < n; i++) {
                fx[i] = f[i] * x[i];
            }
            Host.rowTimes(fx, uh, n, bh, cand);
            Host.rowTimes(u, wh, n, null, in);
            for (int i = 0; i < n; i++) {
                if (affine) {
                    h[i] = Requad.phi(cand[i]) + in[i];
                } else {
                    cand[i] += in[i];
                    h[i] = Requad.phi(cand[i]);
                }
            }
        }

        @Override
        public void jacobians(double[] x, double[] u, double[] a, double[] b) {
            double[] f = new double[n];
            double[] cand = new double[n];
            double[] h = new double[n];
            forward(x, u, f, cand, h);
            double[] xs = new double[n];
            double[] dphi = new double[n];
            for (int l = 0; l < n; l++) {
                xs[l] = x[l] * f[l] * (1 - f[l]);
                dphi[l] = Requad.dphi(cand[l]);
            }
            // dc[j][i] = ∂c_i/∂x_j = f_j·Uh[j][i] + Σ_l Uf[j][l]·xs_l·Uh[l][i]
            double[] dc = new double[n * n];
            double[] row = new double[n];
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    row[l] = uf[j * n + l] * xs[l];
                }
                row[j] += f[j];
                double[] out = new double[n];
                Host.rowTimes(row, uh, n, null, out);
                System.arraycopy(out, 0, dc, j * n, n);
            }
            for (int i = 0; i < n; i++) {
                double s = f[i] * (1 - f[i]);
                double gap = h[i] - x[i];
                for (int j = 0; j < n; j++) {
                    double dfij = s * uf[j * n + i];
                    a[i * n + j] = (i == j ? 1 - f[i] : 0) + dfij * gap + f[i] * dphi[i] * dc[j * n + i];
                }
            }
            for (int k = 0; k < m; k++) {
                double[] cu = new double[n];
                if (!affine) { // ∂c_i/∂u_k = Σ_l Wf[k][l]·xs_l·Uh[l][i] + Wh[k][i]
                    for (int l = 0; l < n; l++) {
                        row[l] = wf[k * n + l] * xs[l];
                    }
                    Host.rowTimes(row, uh, n, null, cu);
                }
                for (int i = 0; i < n; i++) {
                    double v;
                    if (affine) {
                        v = f[i] * wh[k * n + i];
                    } else {
                        double dfik = f[i] * (1 - f[i]) * wf[k * n + i];
                        v = dfik * (h[i] - x[i]) + f[i] * dphi[i] * (cu[i] + wh[k * n + i]);
                    }
                    b[i * m + k] = v;
                }
            }
        }
    }
}

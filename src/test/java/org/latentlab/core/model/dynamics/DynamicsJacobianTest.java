package org.latentlab.core.model.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.Complex_F64;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.latentlab.core.config.DynamicsFamily;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.model.nn.Consts;
import org.latentlab.core.model.nn.MemberParams;

/**
 * Every family's hand-written Jacobians against central finite differences of its own step, and the engine's
 * step and Jacobian-vector product against the host twin, at random weights (the initial weights have
 * zeros that would hide mistakes in the recurrent terms).
 */
class DynamicsJacobianTest {
    static final int N = 5;
    static final int M = 2;

    static DynamicsFamily family(String name) {
        return switch (name) {
            case "mgu" -> new DynamicsFamily.Mgu();
            case "mgu2" -> new DynamicsFamily.Mgu2();
            case "clipped-gru" -> DynamicsFamily.ClippedGru.defaults();
            case "clipped-gru-tight" -> new DynamicsFamily.ClippedGru(0.4); // most states clamped: zero rows
            default -> DynamicsFamily.Linear.defaults();
        };
    }

    static void randomise(MemberParams p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (Map.Entry<String, NDArray> e : p.all().entrySet()) {
            float[] v = new float[(int) e.getValue().size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextGaussian() * 0.6);
            }
            p.assign(e.getKey(), p.manager().create(v, e.getValue().getShape()));
        }
    }

    static double[] random(SplittableRandom r, int len) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mgu", "mgu2", "linear", "clipped-gru", "clipped-gru-tight"})
    void jacobiansMatchFiniteDifferencesAndTheEngineMatchesTheHost(String name) {
        TorchEngine.prepareThread();
        try (NDManager nd = NDManager.newBaseManager()) {
            MemberParams p = new MemberParams(nd, 1, 3);
            Dynamics dyn = Dynamics.create(family(name), p, N, M, new Consts(nd));
            randomise(p, 5);
            Map<String, NDArray> w = dyn.weights();
            HostDynamics host = dyn.host(w);
            SplittableRandom r = new SplittableRandom(9);
            int clamped = 0;
            for (int trial = 0; trial < 3; trial++) {
                double[] x = random(r, N);
                double[] u = random(r, M);
                double[] a = new double[N * N];
                double[] b = new double[N * M];
                host.jacobians(x, u, a, b);
                double h = 1e-6;
                double[] plus = new double[N];
                double[] minus = new double[N];
                for (int j = 0; j < N + M; j++) {
                    double[] xp = x.clone();
                    double[] xm = x.clone();
                    double[] up = u.clone();
                    double[] um = u.clone();
                    if (j < N) {
                        xp[j] += h;
                        xm[j] -= h;
                    } else {
                        up[j - N] += h;
                        um[j - N] -= h;
                    }
                    host.step(xp, up, plus);
                    host.step(xm, um, minus);
                    for (int i = 0; i < N; i++) {
                        double fd = (plus[i] - minus[i]) / (2 * h);
                        double an = j < N ? a[i * N + j] : b[i * M + (j - N)];
                        assertEquals(fd, an, 1e-6 * Math.max(1, Math.abs(fd)), name + " d x'_" + i + " / d " + (j < N ? "x_" + j : "u_" + (j - N)));
                    }
                }
                // engine step and JVP against the host
                double[] dx = random(r, N);
                double[] du = random(r, M);
                double[] next = new double[N];
                host.step(x, u, next);
                for (double v : next) {
                    clamped += Math.abs(v) == 0.4 ? 1 : 0;
                }
                NDArray xa = nd.create(toFloat(x), new Shape(1, N));
                NDArray ua = nd.create(toFloat(u), new Shape(1, M));
                float[] got = dyn.step(w, xa, ua).toFloatArray();
                Dynamics.Tangent tangent = dyn.tangent(w, xa, ua, nd.create(toFloat(dx), new Shape(1, N)),
                        nd.create(toFloat(du), new Shape(1, M)));
                float[] jvp = tangent.dNext().toFloatArray();
                float[] fromTangent = tangent.next().toFloatArray();
                for (int i = 0; i < N; i++) {
                    assertEquals(next[i], got[i], 1e-4 * Math.max(1, Math.abs(next[i])), name + " step " + i);
                    assertEquals(got[i], fromTangent[i], 1e-6, name + " tangent's next state " + i);
                    double want = 0;
                    for (int j = 0; j < N; j++) {
                        want += a[i * N + j] * dx[j];
                    }
                    for (int k = 0; k < M; k++) {
                        want += b[i * M + k] * du[k];
                    }
                    assertEquals(want, jvp[i], 1e-4 * Math.max(1, Math.abs(want)), name + " jvp " + i);
                }
            }
            if (name.endsWith("tight")) {
                assertTrue(clamped > 0, "the tight clamp was active somewhere");
            }
        }
    }

    @Test
    void theLinearFamilyIsStableForAnyParameters() {
        TorchEngine.prepareThread();
        try (NDManager nd = NDManager.newBaseManager()) {
            for (long seed = 1; seed <= 5; seed++) {
                MemberParams p = new MemberParams(nd, 1, seed);
                Dynamics dyn = Dynamics.create(DynamicsFamily.Linear.defaults(), p, N, M, new Consts(nd));
                randomise(p, seed * 31);
                // large d pushes the bound towards 1 but never past it
                p.assign("dyn.log_d", nd.create(new float[] {4, 6, 3, 5, 8}, new Shape(1, N)));
                double[] a = ((StableLinear.HostLinear) dyn.host(dyn.weights())).a();
                SimpleMatrix am = new SimpleMatrix(N, N);
                for (int i = 0; i < N * N; i++) {
                    am.set(i / N, i % N, a[i]);
                }
                double radius = 0;
                for (Complex_F64 e : am.eig().getEigenvalues()) {
                    radius = Math.max(radius, e.getMagnitude());
                }
                double d = Math.exp(8) + 1e-5;
                double bound = Math.sqrt(d / (1 + d));
                assertTrue(radius < bound + 1e-4, "spectral radius " + radius + " above " + bound);
                // the columns of B (each latent's input vector) have unit norm
                double[] b = ((StableLinear.HostLinear) dyn.host(dyn.weights())).b();
                for (int i = 0; i < N; i++) {
                    double s = 0;
                    for (int k = 0; k < M; k++) {
                        s += b[k * N + i] * b[k * N + i];
                    }
                    assertEquals(1, s, 1e-5);
                }
            }
        }
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}

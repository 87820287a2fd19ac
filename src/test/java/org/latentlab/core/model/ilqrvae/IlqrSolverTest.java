package org.latentlab.core.model.ilqrvae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.latentlab.core.config.DynamicsFamily;
import org.latentlab.core.config.IlqrLikelihood;
import org.latentlab.core.config.IlqrSolverConfig;
import org.latentlab.core.config.IlqrVaeModelConfig;
import org.latentlab.core.config.InputPrior;
import org.latentlab.core.config.Link;
import org.latentlab.core.engine.TorchEngine;

/** The LQR recursions against a dense solve, and iLQR's solution against the gradient of the true cost. */
class IlqrSolverTest {

    /** A random LQR problem: its optimum from the Riccati pass equals −H⁻¹h from the dense quadratic. */
    @Test
    void riccatiPassSolvesTheDenseQuadratic() {
        int n = 3;
        int m = 2;
        int steps = 6;
        SplittableRandom r = new SplittableRandom(4);
        Linearization lin = new Linearization(n, m, steps);
        for (int k = 0; k < steps; k++) {
            fill(lin.a[k], r, 0.6);
            fill(lin.b[k], r, 1);
            spd(lin.luu[k], m, r);
            fill(lin.lu[k], r, 1);
        }
        for (int s = 0; s <= steps; s++) {
            psd(lin.lxx[s], n, r);
            fill(lin.lx[s], r, 1);
        }
        int dim = steps * m;
        double[] zero = new double[dim];
        double c0 = quadratic(lin, zero);
        // a quadratic's central differences are exact: gradient and Hessian at 0
        SimpleMatrix h = new SimpleMatrix(dim, dim);
        SimpleMatrix g = new SimpleMatrix(dim, 1);
        for (int i = 0; i < dim; i++) {
            double[] e = new double[dim];
            e[i] = 1;
            g.set(i, 0, (quadratic(lin, e) - quadratic(lin, neg(e))) / 2);
            for (int j = 0; j < dim; j++) {
                double[] ej = new double[dim];
                ej[j] = 1;
                double[] pp = add(e, ej);
                h.set(i, j, (quadratic(lin, pp) - quadratic(lin, e) - quadratic(lin, ej) + c0));
            }
        }
        SimpleMatrix want = h.solve(g).negative();
        Lqr.Gains gains = Lqr.backward(lin, 0);
        assertEquals(0, gains.mu());
        double[] got = Lqr.forward(lin, gains);
        for (int i = 0; i < dim; i++) {
            assertEquals(want.get(i, 0), got[i], 1e-9, "du " + i);
        }
        assertEquals(quadratic(lin, got) - c0, gains.dv1() + gains.dv2(), 1e-9, "predicted change");
    }

    /** ½δuᵀ luu δu + luᵀδu + Σ_s ½δxᵀ lxx δx + lxᵀδx along the linear dynamics from δx_0 = 0. */
    static double quadratic(Linearization lin, double[] du) {
        int n = lin.n;
        int m = lin.m;
        double[] dx = new double[n];
        double c = 0.5 * quad(lin.lxx[0], dx, n) + Dense.dot(lin.lx[0], dx, n);
        for (int k = 0; k < lin.steps; k++) {
            double[] uk = java.util.Arrays.copyOfRange(du, k * m, k * m + m);
            c += 0.5 * quad(lin.luu[k], uk, m) + Dense.dot(lin.lu[k], uk, m);
            double[] next = new double[n];
            double[] bu = new double[n];
            Dense.av(lin.a[k], dx, n, n, next);
            Dense.av(lin.b[k], uk, n, m, bu);
            for (int i = 0; i < n; i++) {
                dx[i] = next[i] + bu[i];
            }
            c += 0.5 * quad(lin.lxx[k + 1], dx, n) + Dense.dot(lin.lx[k + 1], dx, n);
        }
        return c;
    }

    @Test
    void ilqrReachesAStationaryPointOfTheTrueCost() {
        TorchEngine.prepareThread();
        for (String family : new String[] {"mgu2", "mgu"}) {
            try (NDManager nd = NDManager.newBaseManager()) {
                IlqrVaeModelConfig cfg = new IlqrVaeModelConfig(4, 2,
                        family.equals("mgu") ? new DynamicsFamily.Mgu() : new DynamicsFamily.Mgu2(),
                        InputPrior.StudentT.defaults(), new IlqrLikelihood.Poisson(Link.SOFTPLUS), 0.1, false,
                        new IlqrSolverConfig(60, 1e-14, 0.1, 0.5, 1e-12, false), false);
                int bins = 12;
                int channels = 6;
                IlqrVaeModel model = new IlqrVaeModel(nd, cfg, channels, channels, cfg.beginSteps() + bins - 1,
                        constant(channels, 2), constant(channels, 2), 7);
                org.latentlab.core.model.dynamics.DynamicsTestSupport.randomise(model.params(), 12, 0.5);
                Recognition rec = model.recognition(model.weights());
                double[] obs = new double[bins * channels];
                SplittableRandom r = new SplittableRandom(2);
                for (int i = 0; i < obs.length; i++) {
                    obs[i] = r.nextInt(5);
                }
                TrialProblem p = rec.problem(obs, bins);
                Ilqr.Solution s = Ilqr.solve(p, null, cfg.solver());
                assertFalse(s.status().failed(), family + ": " + s.status());
                double[] grad0 = gradient(p, new double[p.steps() * p.m()]);
                double[] grad = gradient(p, s.u());
                assertTrue(norm(grad) < 1e-5 * norm(grad0), family + ": gradient " + norm(grad) + " vs " + norm(grad0) + " at u = 0");
                assertTrue(s.cost() < p.cost(new double[s.u().length], rollout(p, new double[s.u().length])));
            }
        }
    }

    static double[] gradient(TrialProblem p, double[] u) {
        double[] g = new double[u.length];
        double h = 1e-6;
        for (int i = 0; i < u.length; i++) {
            double[] up = u.clone();
            double[] um = u.clone();
            up[i] += h;
            um[i] -= h;
            g[i] = (p.cost(up, rollout(p, up)) - p.cost(um, rollout(p, um))) / (2 * h);
        }
        return g;
    }

    static double[] rollout(TrialProblem p, double[] u) {
        double[] x = new double[(p.steps() + 1) * p.n()];
        p.rollout(u, x);
        return x;
    }

    static double norm(double[] v) {
        return Math.sqrt(Dense.dot(v, v, v.length));
    }

    static double[] constant(int len, double v) {
        double[] a = new double[len];
        java.util.Arrays.fill(a, v);
        return a;
    }

    static double quad(double[] a, double[] v, int d) {
        double[] av = new double[d];
        Dense.av(a, v, d, d, av);
        return Dense.dot(v, av, d);
    }

    static void fill(double[] a, SplittableRandom r, double s) {
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian() * s;
        }
    }

    static void psd(double[] out, int d, SplittableRandom r) {
        double[] f = new double[d * d];
        fill(f, r, 1);
        Dense.atb(f, f, d, d, d, out);
    }

    static void spd(double[] out, int d, SplittableRandom r) {
        psd(out, d, r);
        for (int i = 0; i < d; i++) {
            out[i * d + i] += 0.5;
        }
    }

    static double[] neg(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = -v[i];
        }
        return o;
    }

    static double[] add(double[] a, double[] b) {
        double[] o = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i] + b[i];
        }
        return o;
    }
}

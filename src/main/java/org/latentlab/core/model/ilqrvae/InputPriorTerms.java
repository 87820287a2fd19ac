package org.latentlab.core.model.ilqrvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.latentlab.core.config.InputPrior;
import org.latentlab.core.model.dynamics.Host;
import org.latentlab.core.model.nn.Consts;
import org.latentlab.core.model.nn.MemberParams;

/**
 * The input prior on the engine: its parameters, the cross-entropy E_q[−log p(u)] per trial (analytic for
 * Gaussian rows, one-sample Monte Carlo for Student-t rows, as the reference's sampled KL), the directional
 * derivative of −log p along v (for the implicit gradient) and its host copy for the solver.
 */
final class InputPriorTerms {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private final MemberParams p;
    private final InputPrior cfg;
    private final int begin;
    private final int m;
    private final Consts c;
    /** 1 on initial-condition rows, 0 elsewhere, {@code [K, 1]} for a training chunk. */
    private NDArray firstRows;
    private int firstRowsSteps = -1;

    InputPriorTerms(MemberParams p, InputPrior cfg, int begin, int m, Consts c) {
        this.p = p;
        this.cfg = cfg;
        this.begin = begin;
        this.m = m;
        this.c = c;
        if (cfg instanceof InputPrior.Gaussian g) {
            p.constant("prior.log_scale", Math.log(g.scaleInit()), m);
            p.constant("prior.log_first", 0, 1);
        } else {
            InputPrior.StudentT t = (InputPrior.StudentT) cfg;
            p.constant("prior.log_scale", Math.log(t.scaleInit()), m);
            if (t.learnDof()) {
                p.constant("prior.log_dof_m2", Math.log(t.dofInit() - 2), 1);
            } else {
                p.frozen("prior.log_dof_m2", Math.log(t.dofInit() - 2), 1);
            }
            p.constant("prior.log_first_std", Math.log(t.scaleInit()), m);
        }
    }

    private boolean student() {
        return cfg instanceof InputPrior.StudentT;
    }

    private NDArray scale() {
        return p.get("prior.log_scale").squeeze(0).exp();
    }

    private NDArray dof() {
        return p.get("prior.log_dof_m2").squeeze(0).exp().add(c.of(2));
    }

    /** Std of the Gaussian initial-condition rows, {@code [m]}. */
    private NDArray firstStd() {
        return student() ? p.get("prior.log_first_std").squeeze(0).exp()
                : scale().mul(p.get("prior.log_first").squeeze(0).exp());
    }

    /** Student-t σ = √((ν−2)/ν)·s. */
    private NDArray sigma() {
        NDArray nu = dof();
        return nu.sub(c.of(2)).div(nu).sqrt().mul(scale());
    }

    private NDArray firstRows(int steps) {
        if (steps != firstRowsSteps) {
            float[] v = new float[steps];
            for (int k = 0; k < Math.min(begin, steps); k++) {
                v[k] = 1;
            }
            if (firstRows != null) {
                firstRows.close();
            }
            firstRows = p.manager().create(v, new Shape(steps, 1));
            NDScope.unregister(firstRows);
            firstRowsSteps = steps;
        }
        return firstRows;
    }

    /** Per-row Gaussian std {@code [K, m]}: first-step std on initial-condition rows, s elsewhere. */
    private NDArray gaussianStd(int steps) {
        NDArray first = firstRows(steps);
        return first.mul(firstStd()).add(c.one().sub(first).mul(scale()));
    }

    /**
     * E_q[−log p(u)] per trial {@code [B]}, from the means {@code [B, K, m]}, the marginal variances of q
     * {@code [K, m]} and one sample {@code [B, K, m]} (used by Student-t rows only).
     */
    NDArray crossEntropy(NDArray mean, NDArray variances, NDArray sample) {
        int steps = (int) mean.getShape().get(1);
        NDArray first = firstRows(steps);
        NDArray std = student() ? firstStd().reshape(1, m).broadcast(steps, m) : gaussianStd(steps);
        NDArray gauss = mean.square().add(variances).div(std.square().mul(c.of(2))).add(std.log())
                .add(c.of(0.5 * LOG_2PI));
        if (!student()) {
            return gauss.sum(new int[] {1, 2});
        }
        NDArray gaussRows = gauss.mul(first).sum(new int[] {1, 2});
        NDArray nu = dof();
        NDArray sig = sigma();
        NDArray r2 = sample.div(sig).square().sum(new int[] {2});                       // [B, K]
        NDArray half = nu.add(c.of(m)).mul(c.of(0.5));
        NDArray norm = nu.mul(c.of(0.5)).gammaln().sub(half.gammaln())
                .add(nu.mul(c.of(Math.PI)).log().mul(c.of(0.5 * m))).add(sig.log().sum());
        NDArray perRow = r2.div(nu).add(c.one()).log().mul(half).add(norm);                         // [B, K]
        NDArray regular = c.one().sub(first.reshape(1, steps));
        return gaussRows.add(perRow.mul(regular).sum(new int[] {1}));
    }

    /** Σ_k ∇_u(−log p)(u_k)·v_k per trial {@code [B]}: the prior's part of vᵀ∇_u J. */
    NDArray directional(NDArray u, NDArray v) {
        int steps = (int) u.getShape().get(1);
        NDArray first = firstRows(steps);
        if (!student()) {
            return u.mul(v).div(gaussianStd(steps).square()).sum(new int[] {1, 2});
        }
        NDArray firstPart = u.mul(v).div(firstStd().square()).mul(first).sum(new int[] {1, 2});
        NDArray nu = dof();
        NDArray sig = sigma();
        NDArray z = u.div(sig);
        NDArray r2 = z.square().sum(new int[] {2}, true);                                 // [B, K, 1]
        NDArray w = nu.add(c.of(m)).div(nu.add(r2));
        NDArray regular = c.one().sub(first);
        return firstPart.add(w.mul(z).mul(v).div(sig).mul(regular).sum(new int[] {1, 2}));
    }

    /** The prior on the host with the current parameter values. */
    HostPrior host() {
        double[] s = Host.copy(scale());
        if (!student()) {
            double first = Math.exp(p.get("prior.log_first").getFloat(0, 0));
            return new HostPrior.Gaussian(begin, s, first);
        }
        return new HostPrior.StudentT(begin, s, Host.copy(dof())[0], Host.copy(firstStd()));
    }

    /** Readable values for logs and summaries: the scale per channel, and ν for Student-t. */
    java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("scale", Host.copy(scale()));
        if (student()) {
            d.put("dof", Host.copy(dof())[0]);
        }
        return d;
    }
}

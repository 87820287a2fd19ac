package org.latentlab.core.model.ilqrvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.latentlab.core.model.nn.Consts;
import org.latentlab.core.model.nn.MemberParams;

/**
 * The posterior covariance of the inputs (reference ilqr-vae §1.2): a Kronecker-factored Gaussian shared by
 * every trial, Σ = (SᵀS) ⊗ (TᵀT), with S an m×m upper-triangular factor with unit diagonal and T a K×K
 * upper-triangular factor with a learned positive diagonal (and learned strictly-upper part unless the time
 * covariance is diagonal). Samples are u = μ + Tᵀ·ξ·S. K is the number of inputs of a training chunk, so the
 * covariance is tied to the training length; the posterior mean (from iLQR) is not.
 */
final class InputPosterior {
    private final MemberParams p;
    private final int steps;
    private final int m;
    private final NDArray upperK;
    private final NDArray upperM;
    private final NDArray eyeM;
    private final NDArray eyeK;

    InputPosterior(MemberParams p, int steps, int m, double stdInit, boolean diagTime) {
        this.p = p;
        this.steps = steps;
        this.m = m;
        p.constant("post.s_upper", 0, m, m);
        p.constant("post.t_log_diag", Math.log(stdInit), steps);
        p.fill("post.t_upper", new long[] {steps, steps}, (r, i) -> 0f, !diagTime);
        NDManager nd = p.manager();
        upperK = strictlyUpper(nd, steps);
        upperM = strictlyUpper(nd, m);
        eyeM = nd.eye(m);
        eyeK = nd.eye(steps);
        NDScope.unregister(upperK, upperM, eyeM, eyeK);
    }

    private static NDArray strictlyUpper(NDManager nd, int size) {
        float[] v = new float[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                v[i * size + j] = 1;
            }
        }
        return nd.create(v, new Shape(size, size));
    }

    NDArray timeFactor() {
        NDArray diag = p.get("post.t_log_diag").squeeze(0).exp();
        return p.get("post.t_upper").squeeze(0).mul(upperK).add(eyeK.mul(diag));
    }

    NDArray channelFactor() {
        return p.get("post.s_upper").squeeze(0).mul(upperM).add(eyeM);
    }

    /** u = μ + Tᵀ·ξ·S for noise ξ {@code [B, K, m]}. */
    NDArray sample(NDArray mean, NDArray xi) {
        return mean.add(timeFactor().transpose().matMul(xi).matMul(channelFactor()));
    }

    /** Marginal variances {@code [K, m]}: (TᵀT)_tt·(SᵀS)_cc. */
    NDArray variances() {
        NDArray t = timeFactor().square().sum(new int[] {0}).reshape(steps, 1);
        NDArray s = channelFactor().square().sum(new int[] {0}).reshape(1, m);
        return t.mul(s);
    }

    /** The entropy of q: ½·K·m·(1 + ln 2π) + m·Σ ln T_tt (S has a unit diagonal). */
    NDArray entropy(Consts c) {
        return p.get("post.t_log_diag").squeeze(0).sum().mul(c.of(m))
                .add(c.of(0.5 * steps * m * (1 + Math.log(2 * Math.PI))));
    }
}

package org.latentlab.core.model.lfads;

import ai.djl.ndarray.NDArray;
import org.latentlab.core.model.nn.Consts;

/**
 * LFADS's priors and their KL terms, each returning one value per member ({@code [M]}): summed over
 * latent dimensions (and time), averaged over the batch, as lfads-torch does.
 */
public final class Priors {
    private Priors() {
    }

    /**
     * KL(N(mu_q, sd_q^2) || N(mu_p, exp(logVar_p))) in closed form, for the initial-condition prior
     * (learnable mean, frozen variance).
     *
     * @param mu    posterior means {@code [M, B, D]}
     * @param sd    posterior standard deviations {@code [M, B, D]}
     * @param priorMean   {@code [M, 1, D]}
     * @param priorLogVar {@code [M, 1, D]}
     */
    public static NDArray klGaussian(NDArray mu, NDArray sd, NDArray priorMean, NDArray priorLogVar, Consts c) {
        NDArray priorVar = priorLogVar.exp();
        NDArray var = sd.square();
        // log(sd_p / sd_q) + (var_q + (mu_q - mu_p)^2) / (2 var_p) - 1/2
        NDArray kl = priorLogVar.mul(c.of(0.5)).sub(sd.log())
                .add(var.add(mu.sub(priorMean).square()).div(priorVar.mul(c.of(2))))
                .sub(c.of(0.5));
        return kl.sum(new int[] {2}).mean(new int[] {1});
    }

    /**
     * lfads-torch's KL for the controller outputs under an AR(1) prior, estimated from one posterior sample:
     * {@code log q(u) - log p(u)}. With {@code alpha = exp(-1/tau)}, the prior is
     * {@code u_0 ~ N(0, nvar / (1 - alpha^2))} and {@code u_t ~ N(alpha u_{t-1}, nvar)}.
     *
     * @param u      the posterior sample {@code [M, B, T, C]}
     * @param mu     posterior means {@code [M, B, T, C]}
     * @param sd     posterior standard deviations {@code [M, B, T, C]}
     * @param logTau {@code [M, 1, 1, C]} (learnable)
     * @param logNvar {@code [M, 1, 1, C]} (learnable)
     */
    public static NDArray klAutoregressive(NDArray u, NDArray mu, NDArray sd, NDArray logTau, NDArray logNvar,
                                           Consts c) {
        NDArray logQ = gaussianLogDensity(u, mu, sd.log().mul(c.of(2)), c);
        long steps = u.getShape().get(2);
        NDArray alpha = logTau.neg().exp().neg().exp(); // exp(-1 / tau), tau = exp(logTau)
        // Stationary variance at t = 0, conditional variance afterwards.
        NDArray logVar0 = logNvar.sub(c.one().sub(alpha.square()).log());
        NDArray first = u.get(":, :, 0:1, :");
        NDArray logP0 = gaussianLogDensity(first, c.zero(), logVar0, c);
        NDArray total = logQ.sum(new int[] {2, 3}).sub(logP0.sum(new int[] {2, 3}));
        if (steps > 1) {
            NDArray prev = u.get(":, :, 0:" + (steps - 1) + ", :");
            NDArray next = u.get(":, :, 1:, :");
            NDArray logPt = gaussianLogDensity(next, prev.mul(alpha), logNvar, c);
            total = total.sub(logPt.sum(new int[] {2, 3}));
        }
        return total.mean(new int[] {1});
    }

    /** {@code log N(x; mean, exp(logVar))} elementwise. */
    static NDArray gaussianLogDensity(NDArray x, NDArray mean, NDArray logVar, Consts c) {
        NDArray z2 = x.sub(mean).square().div(logVar.exp());
        return z2.add(logVar).add(c.of(Math.log(2 * Math.PI))).mul(c.of(-0.5));
    }
}

package org.latentlab.core.model.distributions;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.latentlab.core.model.nn.Consts;

/**
 * RADICaL's zero-inflated gamma for deconvolved calcium: with probability {@code 1 - q} a sample is 0,
 * otherwise it is {@code loc + Gamma(alpha, beta)}. The three raw parameters per channel pass through a
 * sigmoid floored at 1e-5; shape and rate are scaled by a learned per-channel {@code scale}
 * ({@code [M, 1, 1, 2N]}: shape scales then rate scales), as lfads-torch does:
 * <pre>
 *   x = 0:  nll = -log(1 - q)
 *   x > 0:  nll = -log q + GammaNLL(x - loc; alpha, beta)
 *   mean    = q (alpha / beta + loc)
 * </pre>
 * The scales are pulled towards {@code scalePrior} by {@code 0.5 scalePenalty sum (scale - prior)^2},
 * which joins the ramped L2 term (one value per member).
 */
public record ZeroInflatedGamma(NDArray scale, double loc, double scalePrior, double scalePenalty) implements Observation {
    static final double FLOOR = 1e-5;

    @Override
    public int paramsPerChannel() {
        return 3;
    }

    private NDArray[] parts(NDArray raw, Consts c) {
        NDArray sig = Activation.sigmoid(raw).maximum(c.of(FLOOR));
        NDArray[] p = sig.split(3, raw.getShape().dimension() - 1).toArray(new NDArray[0]);
        NDArray[] s = scale.split(2, scale.getShape().dimension() - 1).toArray(new NDArray[0]);
        return new NDArray[] {p[0].mul(s[0]), p[1].mul(s[1]), p[2]};
    }

    @Override
    public NDArray nll(NDArray raw, NDArray x, Consts c) {
        NDArray[] p = parts(raw, c);
        NDArray alpha = p[0];
        NDArray beta = p[1];
        NDArray q = p[2];
        NDArray isZero = x.eq(c.zero()).toType(raw.getDataType(), false);
        NDArray shifted = x.sub(c.of(loc)).maximum(c.of(Gamma.TINY));
        NDArray nonzero = q.log().neg().add(Gamma.nll(alpha, beta.log(), shifted, c));
        NDArray zero = c.one().sub(q).maximum(c.of(FLOOR)).log().neg();
        return zero.mul(isZero).add(nonzero.mul(c.one().sub(isZero)));
    }

    @Override
    public NDArray mean(NDArray raw, Consts c) {
        NDArray[] p = parts(raw, c);
        return p[2].mul(p[0].div(p[1]).add(c.of(loc)));
    }

    @Override
    public NDArray penalty(Consts c) {
        long members = scale.getShape().get(0);
        return scale.sub(c.of(scalePrior)).square().reshape(members, -1).sum(new int[] {1})
                .mul(c.of(0.5 * scalePenalty));
    }
}

package org.latentlab.core.model.distributions;

import ai.djl.ndarray.NDArray;
import org.latentlab.core.model.nn.Consts;

/**
 * Gamma with log-shape and log-rate per channel (EMG): for {@code x > 0},
 * {@code nll = lnGamma(alpha) - alpha log beta - (alpha - 1) log x + beta x}; mean {@code alpha / beta}.
 * Data must be positive; zeros are clamped to a tiny value rather than producing an infinite loss.
 */
public record Gamma() implements Observation {
    static final double TINY = 1e-8;

    @Override
    public int paramsPerChannel() {
        return 2;
    }

    @Override
    public NDArray nll(NDArray raw, NDArray x, Consts c) {
        NDArray logAlpha = Observation.param(raw, 2, 0);
        NDArray logBeta = Observation.param(raw, 2, 1);
        return nll(logAlpha.exp(), logBeta, x.maximum(c.of(TINY)), c);
    }

    /** The Gamma NLL for shape {@code alpha}, log-rate {@code logBeta}, positive data. */
    static NDArray nll(NDArray alpha, NDArray logBeta, NDArray x, Consts c) {
        NDArray logX = x.log();
        return alpha.gammaln().sub(alpha.mul(logBeta)).sub(alpha.sub(c.one()).mul(logX)).add(logBeta.exp().mul(x));
    }

    @Override
    public NDArray mean(NDArray raw, Consts c) {
        return Observation.param(raw, 2, 0).sub(Observation.param(raw, 2, 1)).exp();
    }
}

package org.latentlab.core.model.distributions;

import ai.djl.ndarray.NDArray;
import org.latentlab.core.model.nn.Consts;

/**
 * Poisson counts with log-rate readout: {@code nll = exp(a) - x a + lnGamma(x + 1)}, the full negative
 * log-likelihood (lfads-torch uses torch's Stirling approximation of the last term, which differs only
 * by a constant that does not depend on the model).
 */
public record Poisson() implements Observation {
    @Override
    public int paramsPerChannel() {
        return 1;
    }

    @Override
    public NDArray nll(NDArray raw, NDArray x, Consts c) {
        return raw.exp().sub(x.mul(raw)).add(x.add(c.one()).gammaln());
    }

    @Override
    public NDArray mean(NDArray raw, Consts c) {
        return raw.exp();
    }
}

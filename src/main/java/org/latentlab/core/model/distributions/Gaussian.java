package org.latentlab.core.model.distributions;

import ai.djl.ndarray.NDArray;
import org.latentlab.core.model.nn.Consts;

/**
 * Gaussian with a mean and a log-variance per channel:
 * {@code nll = (log 2 pi + s + (x - mu)^2 exp(-s)) / 2}.
 */
public record Gaussian() implements Observation {
    @Override
    public int paramsPerChannel() {
        return 2;
    }

    @Override
    public NDArray nll(NDArray raw, NDArray x, Consts c) {
        NDArray mu = Observation.param(raw, 2, 0);
        NDArray logVar = Observation.param(raw, 2, 1);
        NDArray sq = x.sub(mu).square().mul(logVar.neg().exp());
        return sq.add(logVar).add(c.of(Math.log(2 * Math.PI))).mul(c.of(0.5));
    }

    @Override
    public NDArray mean(NDArray raw, Consts c) {
        return Observation.param(raw, 2, 0);
    }
}

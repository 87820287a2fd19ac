package org.latentlab.core.model.distributions;

import ai.djl.ndarray.NDArray;
import org.latentlab.core.model.nn.Consts;

/**
 * An observation model for the recon channels. The readout emits {@code k x N} raw values per bin,
 * laid out as {@code k} contiguous blocks of {@code N} (all channels' first parameter, then the second, ...).
 * Data NaN (unobserved) must be replaced before calling {@link #nll}; the caller masks those entries.
 */
public sealed interface Observation permits Poisson, Gaussian, Gamma, ZeroInflatedGamma {

    /** Distribution parameters per channel (the readout is {@code k x N} wide). */
    int paramsPerChannel();

    /** Negative log-likelihood per element, {@code [..., N]}, from raw readout {@code [..., kN]} and data {@code [..., N]}. */
    NDArray nll(NDArray raw, NDArray data, Consts c);

    /** The distribution's mean per element (expected counts for Poisson), {@code [..., N]}. */
    NDArray mean(NDArray raw, Consts c);

    /** A penalty on the observation model's own parameters, added to the (ramped) L2 term, shape {@code [M]}; null when none. */
    default NDArray penalty(Consts c) {
        return null;
    }

    /** The i-th parameter block of the raw readout. */
    static NDArray param(NDArray raw, int k, int i) {
        return raw.split(k, raw.getShape().dimension() - 1).get(i);
    }
}

package org.latentlab.core.config;

/** Selective backpropagation through time (reference §1.6): NaN samples are left out of the loss. */
public enum SbttMode {
    /** On exactly when the training data contain NaN (unobserved samples); the usual choice. */
    AUTO,
    /** Always on: NaN positions are masked and the loss rescaled by the observed fraction. */
    ON,
    /** Off: data with NaN are refused, so missing samples never turn silently into zeros. */
    OFF
}

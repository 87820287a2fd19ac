package org.latentlab.core.config;

/** How a searched hyperparameter's first values are drawn across the population. */
public enum InitDistribution {
    /** Every member starts at the run config's own value (lfads-torch: learning rate and CD rate). */
    FIXED,
    /** Uniform between the range's bounds. */
    UNIFORM,
    /** Uniform in log space between the range's bounds (both must be positive). */
    LOG_UNIFORM
}

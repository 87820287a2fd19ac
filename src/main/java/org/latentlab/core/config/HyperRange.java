package org.latentlab.core.config;

/**
 * One hyperparameter's place in the PBT search space (reference §2.1, lfads-torch's {@code HyperParam}).
 *
 * @param search        whether PBT draws and perturbs it; otherwise every member keeps the run config's value
 * @param min           lower bound of the range (initial draws; explore too when limits are enforced)
 * @param max           upper bound of the range
 * @param init          how the first values are drawn ({@code fixed} starts every member at the config's value)
 * @param exploreWeight w of the log-space perturbation: a factor {@code exp(±U(ln(1+0.002w), ln(1+w)))}
 * @param enforceLimits whether explored values must stay in [min, max]; otherwise only positive
 */
public record HyperRange(boolean search, double min, double max, InitDistribution init, double exploreWeight,
                         boolean enforceLimits) {

    public HyperRange {
        Check.nonNegative("min", min);
        Check.positive("max", max);
        Check.notNull("init", init);
        Check.positive("explore_weight", exploreWeight);
        if (min >= max) {
            throw new IllegalArgumentException("min must be < max, got " + min + " and " + max);
        }
        if (init == InitDistribution.LOG_UNIFORM && min <= 0) {
            throw new IllegalArgumentException("min must be > 0 for init log_uniform, got " + min);
        }
    }

    static HyperRange searched(double min, double max, InitDistribution init, double weight, boolean limits) {
        return new HyperRange(true, min, max, init, weight, limits);
    }

    static HyperRange notSearched(double min, double max) {
        return new HyperRange(false, min, max, InitDistribution.LOG_UNIFORM, 0.8, false);
    }
}

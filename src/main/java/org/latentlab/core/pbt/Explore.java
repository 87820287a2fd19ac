package org.latentlab.core.pbt;

import java.util.SplittableRandom;
import org.latentlab.core.config.HyperRange;
import org.latentlab.core.config.InitDistribution;

/**
 * Drawing and perturbing hyperparameter values; pure functions of a range, a value and a generator.
 *
 * <p>Perturbation is autolfads-tf2's unbiased log-space form: the value is multiplied or divided (equally
 * likely) by {@code exp(U(ln(1 + 0.002 w), ln(1 + w)))}. lfads-torch's linear form {@code 1 ± U(0.002w, w)}
 * shrinks values on average (a step down by w is larger in log terms than a step up), which drags weights
 * searched over decades towards zero. Out-of-range results are redrawn, up to 100 times, then clipped.
 */
public final class Explore {
    static final int MAX_TRIES = 100;

    private Explore() {
    }

    /** A first value: the config's own for {@code fixed}, else a draw from the range. */
    public static double initial(HyperRange r, double configValue, SplittableRandom rng) {
        return switch (r.init()) {
            case FIXED -> configValue;
            case UNIFORM -> r.min() + rng.nextDouble() * (r.max() - r.min());
            case LOG_UNIFORM -> Math.exp(Math.log(r.min()) + rng.nextDouble() * (Math.log(r.max()) - Math.log(r.min())));
        };
    }

    /** An explored value: resampled from the initial distribution with the given probability, else perturbed. */
    public static double explore(HyperRange r, double value, double resampleProbability, SplittableRandom rng) {
        if (resampleProbability > 0 && rng.nextDouble() < resampleProbability) {
            InitDistribution d = r.init() == InitDistribution.FIXED ? InitDistribution.UNIFORM : r.init();
            return initial(new HyperRange(true, r.min(), r.max(), d, r.exploreWeight(), r.enforceLimits()), value, rng);
        }
        return perturb(r, value, rng);
    }

    /** A multiplicative log-space perturbation kept within bounds (or positive, when limits are not enforced). */
    public static double perturb(HyperRange r, double value, SplittableRandom rng) {
        double lo = Math.log1p(0.002 * r.exploreWeight());
        double hi = Math.log1p(r.exploreWeight());
        double candidate = value;
        for (int i = 0; i < MAX_TRIES; i++) {
            double logScale = lo + rng.nextDouble() * (hi - lo);
            candidate = rng.nextBoolean() ? value * Math.exp(logScale) : value / Math.exp(logScale);
            if (inBounds(r, candidate)) {
                return candidate;
            }
        }
        return r.enforceLimits() ? Math.min(r.max(), Math.max(r.min(), candidate)) : candidate;
    }

    static boolean inBounds(HyperRange r, double v) {
        return r.enforceLimits() ? v >= r.min() && v <= r.max() : v >= 0;
    }
}

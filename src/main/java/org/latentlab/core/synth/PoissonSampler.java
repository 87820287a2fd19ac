package org.latentlab.core.synth;

import java.util.random.RandomGenerator;

/**
 * Exact Poisson sampling from an explicitly seeded generator, so that synthetic spike counts are reproducible
 * bit for bit (only {@link RandomGenerator#nextDouble()} and {@link StrictMath} are used).
 *
 * <ul>
 *   <li>mean below {@value #INVERSION_LIMIT}: inversion by sequential search (exact; about {@code mean + 1}
 *       uniform comparisons, one uniform per sample);</li>
 *   <li>larger means: PTRS, the transformed rejection sampler of Hörmann (1993), "The transformed rejection
 *       method for generating Poisson random variables", Insurance: Mathematics and Economics 12:39-45. It is
 *       exact (rejection against the true pmf) and needs about 2.3 uniforms per sample.</li>
 * </ul>
 * No normal approximation is used anywhere.
 */
public final class PoissonSampler {
    /** Means below this use inversion; at and above it, PTRS (Hörmann's recommended switch-over is 10). */
    public static final double INVERSION_LIMIT = 30.0;

    private static final int LOG_FACTORIAL_TABLE = 256;
    private static final double[] LOG_FACTORIAL = new double[LOG_FACTORIAL_TABLE];

    static {
        double s = 0;
        for (int k = 1; k < LOG_FACTORIAL_TABLE; k++) {
            s += StrictMath.log(k);
            LOG_FACTORIAL[k] = s;
        }
    }

    private PoissonSampler() {
    }

    /**
     * One Poisson draw.
     *
     * @param mean the expected count, finite and {@code >= 0} (0 gives 0)
     * @param rng  the generator to draw uniforms from
     * @throws IllegalArgumentException for a negative, infinite or NaN mean
     */
    public static int sample(double mean, RandomGenerator rng) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("Poisson mean must be finite and >= 0, got " + mean);
        }
        if (mean == 0) {
            return 0;
        }
        return mean < INVERSION_LIMIT ? inversion(mean, rng) : ptrs(mean, rng);
    }

    /** Sequential search of the cdf from 0: exact up to floating point rounding of the cdf. */
    private static int inversion(double mean, RandomGenerator rng) {
        double u = rng.nextDouble();
        double p = StrictMath.exp(-mean);
        double cdf = p;
        int k = 0;
        // The cdf sums to 1 - O(1e-16); the guard stops an endless loop when u lies in that sliver.
        int guard = (int) (mean + 40 * StrictMath.sqrt(mean) + 40);
        while (u > cdf && k < guard) {
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }

    /** Hörmann's PTRS algorithm, transcribed step by step from the paper. */
    private static int ptrs(double mean, RandomGenerator rng) {
        double slam = StrictMath.sqrt(mean);
        double loglam = StrictMath.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            // Step 1: the squeeze accepts most samples without evaluating the pmf.
            if (us >= 0.07 && v <= vr) {
                return (int) k;
            }
            // Step 2: reject outside the support or in the badly covered tails of the hat.
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            // Step 3: exact acceptance test against log pmf.
            double lhs = StrictMath.log(v) + StrictMath.log(invAlpha) - StrictMath.log(a / (us * us) + b);
            double rhs = -mean + k * loglam - logFactorial(k);
            if (lhs <= rhs) {
                return (int) k;
            }
        }
    }

    /** {@code ln(k!)}: a table below 256, Stirling's series (error below 1e-16 relative) above. */
    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL_TABLE) {
            return LOG_FACTORIAL[(int) k];
        }
        double x = k + 1.0;
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        // ln Gamma(x) = (x - 1/2) ln x - x + ln(2 pi)/2 + 1/(12x) - 1/(360x^3) + 1/(1260x^5) - ...
        return (x - 0.5) * StrictMath.log(x) - x + 0.5 * StrictMath.log(2 * Math.PI)
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
    }
}

package org.latentlab.core.synth;

import java.util.SplittableRandom;

/**
 * The few continuous draws the generators need, built only on {@link SplittableRandom#nextDouble()} and
 * {@link StrictMath} so that a seed gives the same numbers on every JVM and platform (the JDK's own
 * {@code nextGaussian} algorithm is not specified across releases).
 */
final class RandomDraws {
    private RandomDraws() {
    }

    /** A standard normal draw (Box-Muller, two uniforms, no cached spare so the stream stays simple). */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // (0, 1]: log is finite
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /** Uniform on {@code [lo, hi)}. */
    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** Exponential with the given mean. */
    static double exponential(SplittableRandom rng, double mean) {
        return -mean * StrictMath.log(1.0 - rng.nextDouble());
    }

    /** Fisher-Yates shuffle in place. */
    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * {@code count} independent child generators split off {@code parent} one after another, so child
     * {@code i} is fixed by the seed whatever order (or thread) later consumes it.
     */
    static SplittableRandom[] children(SplittableRandom parent, int count) {
        SplittableRandom[] out = new SplittableRandom[count];
        for (int i = 0; i < count; i++) {
            out[i] = parent.split();
        }
        return out;
    }
}

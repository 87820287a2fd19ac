package org.latentlab.core.pbt;

import java.util.SplittableRandom;

/**
 * The generators of a PBT run, each derived from (run seed, purpose, member, generation or epoch), so a
 * member's draws do not depend on the population size or on where a killed run resumed.
 */
final class PbtRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private PbtRandom() {
    }

    /** Member {@code m}'s shuffle of the training trials in an epoch. */
    static SplittableRandom shuffle(long seed, int m, int epoch) {
        return of(seed, 1, m, epoch);
    }

    /** Member {@code m}'s shuffle of session {@code session}'s training trials (session 0: {@link #shuffle}). */
    static SplittableRandom shuffle(long seed, int m, int epoch, int session) {
        return session == 0 ? shuffle(seed, m, epoch) : of(seed, 100 + session, m, epoch);
    }

    /**
     * The seed of one kind of draw ({@code 0} augmentation, {@code 1} training noise, {@code 2} validation
     * noise) of member {@code m} in step {@code step} of an epoch.
     */
    static long stepSeed(long seed, int m, int epoch, int step, int kind) {
        return of(seed, 10 + kind, m, epoch * 100_003 + step).nextLong();
    }

    /** Member {@code m}'s initial hyperparameter draws. */
    static SplittableRandom init(long seed, int m) {
        return of(seed, 2, m, 0);
    }

    /** Member {@code m}'s explore draws at the end of a generation. */
    static SplittableRandom explore(long seed, int m, int generation) {
        return of(seed, 3, m, generation);
    }

    /** The population's exploit draws (pairings) at the end of a generation. */
    static SplittableRandom exploit(long seed, int generation) {
        return of(seed, 4, -1, generation);
    }

    private static SplittableRandom of(long seed, int purpose, int member, int index) {
        long k = seed;
        k = k * GOLDEN + purpose;
        k = k * GOLDEN + member;
        k = k * GOLDEN + index;
        return new SplittableRandom(new SplittableRandom(k).nextLong());
    }
}

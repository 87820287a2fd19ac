package org.latentlab.core.synth;

import java.util.Map;

import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Session;

/**
 * A synthetic dataset with ground truth, generated deterministically from a seed: the same parameters and
 * seed give bit-identical arrays on any machine (explicitly seeded {@link java.util.SplittableRandom}
 * streams, {@link StrictMath}, no dependence on thread scheduling or hash order).
 *
 * <p>Every generator writes spike counts as both encod and recon data (no held-out neurons), true rates in
 * Hz as {@code truth} with {@code conversionFactor = 1000 / binMs} (so {@code truth / conversionFactor} is the
 * expected count per bin, the LFADS convention), true latents, true inputs where the system has them (never
 * as ext_input), condition ids, original trial indices, and session attributes {@code synth.kind},
 * {@code synth.seed}, {@code synth.params} (every option as compact JSON) and a description of each array.
 *
 * <p>Get one by name from {@link SynthKinds}, change options by name with {@link #withOption} or
 * {@link #withOptions}, then call {@link #generate}.
 */
public sealed interface SyntheticGenerator permits LorenzGenerator, ChaoticRnnGenerator, TwoAreaGenerator {

    /** The registry name this generator's current parameters correspond to, e.g. {@code "lorenz"}. */
    String kind();

    /** Simulates the system and returns a session with train and valid (and test, if asked) splits. */
    Session generate(long seed, String name);

    /**
     * Every option by its command-line name ({@code kebab-case}) with its current value as text, in a
     * fixed documented order; these are exactly the names {@link #withOption} accepts.
     */
    Map<String, String> options();

    /**
     * A copy with one option changed.
     *
     * @throws DataException for an unknown option (the message lists the valid ones) or a bad value
     */
    default SyntheticGenerator withOption(String name, String value) {
        return SynthOptions.apply(this, Map.of(name == null ? "" : name, value == null ? "" : value));
    }

    /**
     * A copy with several options changed at once (validated together, so e.g. {@code trials} and
     * {@code conditions} may change in one call).
     *
     * @throws DataException for an unknown option (the message lists the valid ones) or a bad value
     */
    default SyntheticGenerator withOptions(Map<String, String> changes) {
        return SynthOptions.apply(this, changes);
    }
}

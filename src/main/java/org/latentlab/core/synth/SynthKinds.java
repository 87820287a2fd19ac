package org.latentlab.core.synth;

import java.util.List;
import java.util.Map;

import org.latentlab.core.data.DataException;

/**
 * The synthetic dataset kinds by name, each with its default generator:
 * <ul>
 *   <li>{@code lorenz}: {@link LorenzGenerator#defaults()}</li>
 *   <li>{@code chaotic-rnn}: {@link ChaoticRnnGenerator#defaults()}</li>
 *   <li>{@code chaotic-rnn-inputs}: {@link ChaoticRnnGenerator#withInputsDefaults()}</li>
 *   <li>{@code two-area}: {@link TwoAreaGenerator#defaults()} (positive PFC to PPC feedback)</li>
 *   <li>{@code two-area-nofeedback}: the same without feedback ({@code feedback=none})</li>
 *   <li>{@code two-area-negfeedback}: negative feedback, the reference's "recnf" variant ({@code feedback=negative})</li>
 * </ul>
 * A generator's {@link SyntheticGenerator#kind()} is always one of these names.
 */
public final class SynthKinds {
    private static final List<String> NAMES = List.of(LorenzGenerator.KIND, ChaoticRnnGenerator.KIND,
            ChaoticRnnGenerator.KIND_INPUTS, "two-area", "two-area-nofeedback", "two-area-negfeedback");

    private SynthKinds() {
    }

    /** Every kind name, in the order above. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The default generator of a kind.
     *
     * @throws DataException for an unknown name (the message lists the valid ones)
     */
    public static SyntheticGenerator get(String kind) {
        switch (kind == null ? "" : kind) {
            case "lorenz": return LorenzGenerator.defaults();
            case "chaotic-rnn": return ChaoticRnnGenerator.defaults();
            case "chaotic-rnn-inputs": return ChaoticRnnGenerator.withInputsDefaults();
            case "two-area": return TwoAreaGenerator.defaults();
            case "two-area-nofeedback": return TwoAreaGenerator.defaults().withFeedback(TwoAreaGenerator.Feedback.NONE);
            case "two-area-negfeedback": return TwoAreaGenerator.defaults().withFeedback(TwoAreaGenerator.Feedback.NEGATIVE);
            default: throw new DataException("unknown synthetic kind '" + kind + "'; valid kinds: " + String.join(", ", NAMES));
        }
    }

    /**
     * The default generator of a kind with options applied, e.g. {@code get("chaotic-rnn-inputs",
     * Map.of("time", "500"))}.
     *
     * @throws DataException for an unknown kind, an unknown option or a bad value
     */
    public static SyntheticGenerator get(String kind, Map<String, String> options) {
        SyntheticGenerator g = get(kind);
        return options == null || options.isEmpty() ? g : g.withOptions(options);
    }
}

package org.latentlab.core.train;

import java.util.ArrayList;
import java.util.List;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.model.lfads.MemberHyper;
import org.latentlab.core.model.nn.Noise;

/**
 * The validation pass over every session of a dataset: each session validated on its own, then, per
 * member, the results averaged with the sessions' trial counts as weights ({@link Validator#pooled}).
 */
public final class SessionValidation {
    /** The noise of session {@code session}'s validation batch {@code batch}. */
    @FunctionalInterface
    public interface NoiseSource {
        Noise of(int session, int batch);
    }

    private final List<Validator> validators = new ArrayList<>();

    public SessionValidation(Dataset data, LfadsConfig cfg, LfadsSession s) {
        for (int i = 0; i < data.sessions().size(); i++) {
            validators.add(new Validator(data.sessions().get(i), i, cfg, s));
        }
    }

    /** Every member's result (one session: that session's, as it is). */
    public Validator.Result[] validateAll(MemberHyper h, double rampKl, double rampL2, NoiseSource noise) {
        Validator.Result[][] each = new Validator.Result[validators.size()][];
        for (int i = 0; i < validators.size(); i++) {
            int session = i;
            each[i] = validators.get(i).validateAll(h, rampKl, rampL2, batch -> noise.of(session, batch));
        }
        if (validators.size() == 1) {
            return each[0];
        }
        int[] trials = new int[validators.size()];
        for (int i = 0; i < trials.length; i++) {
            trials[i] = validators.get(i).trials();
        }
        Validator.Result[] out = new Validator.Result[each[0].length];
        for (int m = 0; m < out.length; m++) {
            Validator.Result[] member = new Validator.Result[validators.size()];
            for (int i = 0; i < member.length; i++) {
                member[i] = each[i][m];
            }
            out[m] = Validator.pooled(member, trials);
        }
        return out;
    }
}

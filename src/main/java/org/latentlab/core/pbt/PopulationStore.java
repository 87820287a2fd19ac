package org.latentlab.core.pbt;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.latentlab.core.model.nn.MemberParams;
import org.latentlab.core.train.Checkpoint;
import org.latentlab.core.train.MemberAdamW;

/**
 * Where a population's weights and optimizer state live between steps, with what PBT does to them: copy a
 * member onto another (exploit), save and restore them all, hand out one member's weights.
 */
record PopulationStore(MemberParams params, MemberAdamW opt) {
    void copy(int from, int to) {
        params.copyMember(from, to);
        opt.copyMember(from, to);
    }

    void save(Path file, Map<String, Object> state) {
        save(file, state, Map.of());
    }

    /** As {@link #save(Path, Map)} with further checkpoint entries (e.g. each member's solver warm starts). */
    void save(Path file, Map<String, Object> state, Map<String, byte[]> entries) {
        Checkpoint.write(file, params, opt, state, entries);
    }

    JsonNode restore(Path file) {
        return Checkpoint.read(file, params, opt);
    }

    Map<String, float[]> memberWeights(int m) {
        return params.memberValues(m);
    }

    /** Puts members {@code ids} into a trainer's model, slot k taking member {@code ids[k]}, optimizer state too. */
    void lend(MemberTrainer to, int[] ids) {
        for (int k = 0; k < ids.length; k++) {
            to.session.params.setMemberValues(k, params.memberValues(ids[k]));
            to.opt.setMemberState(k, opt.memberState(ids[k]));
        }
    }

    /** Takes members {@code ids} back from the trainer they were lent to, as they are after its training. */
    void takeBack(MemberTrainer from, int[] ids) {
        for (int k = 0; k < ids.length; k++) {
            params.setMemberValues(ids[k], from.session.params.memberValues(k));
            opt.setMemberState(ids[k], from.opt.memberState(k));
        }
    }
}

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
}

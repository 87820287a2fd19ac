package org.latentlab.core.pbt;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * An executor whose population lives in a {@link PopulationStore} between generations: exploit, checkpoints
 * and handing out a member's weights all go to the store.
 */
interface StoredExecutor extends PopulationExecutor {
    PopulationStore store();

    @Override
    default int members() {
        return store().params().members();
    }

    @Override
    default void copy(int from, int to) {
        store().copy(from, to);
    }

    @Override
    default void save(Path file, Map<String, Object> state) {
        store().save(file, state);
    }

    @Override
    default JsonNode restore(Path file) {
        return store().restore(file);
    }

    @Override
    default Map<String, float[]> memberWeights(int m) {
        return store().memberWeights(m);
    }
}

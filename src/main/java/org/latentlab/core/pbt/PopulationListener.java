package org.latentlab.core.pbt;

import org.latentlab.core.train.EpochMetrics;
import org.latentlab.core.train.TrainingListener;

/**
 * Population events on top of a training run's: each member's epoch, and each generation boundary with what
 * PBT did there. Called on the training thread (the workbench hands them to the FX thread through a queue).
 */
public interface PopulationListener extends TrainingListener {
    PopulationListener NONE = new PopulationListener() {
    };

    /** Member {@code member} finished an epoch. */
    default void onMemberEpoch(int member, EpochMetrics metrics) {
    }

    /** A generation ended and was ranked; exploits and explores have been applied. */
    default void onGeneration(Generation generation) {
    }
}

package org.latentlab.core.train;

import java.nio.file.Path;

/**
 * Training events, from core to whoever shows them: the command line's progress bar, PBT, the workbench.
 * Called on the training thread; implementations hand work to their own thread if they need one.
 */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {
    };

    /** Progress within the run, e.g. batches done out of the epoch budget. */
    default void onProgress(long done, long total, String what) {
    }

    /** An epoch finished; its metrics are final. */
    default void onEpoch(EpochMetrics metrics) {
    }

    /** A checkpoint was written. */
    default void onCheckpoint(Path file, boolean best) {
    }

    /** Something a user should know (resume, early stop, time limit). */
    default void onMessage(String message) {
    }

    /**
     * Polled between optimisation steps: true stops training with a {@link TrainingStoppedException},
     * keeping the last checkpoint (the step in flight and the rest of its epoch or generation are lost).
     */
    default boolean stopRequested() {
        return false;
    }
}

package org.latentlab.core.train;

/**
 * Training stopped because its listener asked it to (the workbench's Stop button). The run directory keeps
 * its last checkpoint, and starting the same run again resumes from there.
 */
public class TrainingStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingStoppedException(String message) {
        super(message);
    }
}

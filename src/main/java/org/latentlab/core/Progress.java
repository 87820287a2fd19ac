package org.latentlab.core;

/**
 * Progress of long work, reported from core to whoever shows it (a command-line bar, a UI indicator).
 * Implementations must be cheap: callers report often.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total, what) -> { };

    /**
     * @param done  units of work finished so far
     * @param total units of work in all (greater than zero)
     * @param what  a few words on the current step
     */
    void update(long done, long total, String what);
}

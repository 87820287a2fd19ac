package org.latentlab.core.pbt;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a population trains. PBT's loop ({@link PbtRun}) only asks an executor to train every member for a
 * generation, to copy one member onto another, and to save and restore the population; the vectorised
 * executor does it as one batched model in this process, and a cluster executor can do it with one job per
 * member and state exchanged as files.
 */
public interface PopulationExecutor extends AutoCloseable {
    int members();

    /** How the members train, in a few words, for the log and the run's summary. */
    String describe();

    /**
     * Trains every member for epochs {@code [from, to)} with its hyperparameters.
     *
     * @param hyper       per member, values indexed by {@link Hyperparameter#ordinal()}
     * @param smooth      per member smoothed validation recon (NaN before the first epoch), updated in place
     * @param totalEpochs the run's epoch budget, for progress
     * @return per member whether its training loss became non-finite in this generation
     */
    boolean[] train(int from, int to, double[][] hyper, double[] smooth, int totalEpochs, PopulationListener listener);

    /** Member {@code to} takes member {@code from}'s weights and optimizer state. */
    void copy(int from, int to);

    /** Saves the whole population with the caller's state fields, atomically. */
    void save(Path file, Map<String, Object> state);

    /** Restores the population saved in {@code file} and returns the state fields saved with it. */
    JsonNode restore(Path file);

    /** Member {@code m}'s parameter values by name, to build a one-member model from it. */
    Map<String, float[]> memberWeights(int m);

    @Override
    void close();
}

package org.latentlab.core.pbt;

import java.util.Map;
import org.latentlab.core.config.PbtConfig;
import org.latentlab.core.train.RunDirectory;

/**
 * What PBT's loop ({@link PbtRun}) needs from the model a population trains: its config and search space,
 * when exploiting may start, an executor that trains the members, and how the best member is written as an
 * ordinary run. AutoLFADS ({@link LfadsPopulation}) and a population of iLQR-VAEs ({@link IlqrVaePopulation})
 * share everything else: ranking, exploit and explore, logs, checkpoints, resumption and limits.
 */
interface PopulationModel {
    /** The whole run config, as {@code pbt-config.yaml} holds it. */
    Record config();

    /** The defaults of the config's type (keys added in a later release are read at their default). */
    Record defaults();

    PbtConfig pbt();

    HyperSpace space();

    /** The name of the smoothed validation metric members are ranked by, for messages. */
    String metricName();

    /** The first epoch at which members may be exploited. */
    int burnIn();

    /** The run's epoch limit. */
    int maxEpochs();

    /** Refuses data the model cannot be trained on, before the run directory is claimed. */
    void check();

    /** Writes what the run directory needs beside the config before training (e.g. the sessions' layout). */
    void prepare(RunDirectory dir);

    PopulationExecutor executor();

    /**
     * Writes member {@code m} as an ordinary run in {@code dir}: its config, checkpoint and outputs; adds its
     * scores, output files and provenance to {@code summary} (which PbtRun then writes).
     *
     * @param hyper  the member's hyperparameters
     * @param epochs epochs the member has trained
     * @param metric its smoothed validation metric at the last boundary
     */
    void writeMember(RunDirectory dir, PopulationExecutor ex, int m, double[] hyper, int epochs, double metric,
                     double trainingSeconds, int samples, Map<String, Object> summary);
}

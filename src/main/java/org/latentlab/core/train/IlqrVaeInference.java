package org.latentlab.core.train;

import java.nio.file.Files;
import java.nio.file.Path;
import org.latentlab.core.Progress;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.IlqrVaeConfig;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Session;

/**
 * Posterior means of a trained iLQR-VAE on any dataset with the training data's channels and any trial
 * length: iLQR needs no encoder, so a model trained on 50-bin chunks infers whole trials of hundreds of bins.
 */
public final class IlqrVaeInference {
    private IlqrVaeInference() {
    }

    public static LfadsInference.Outputs infer(Path runDir, Session data, Progress progress) {
        RunDirectory run = new RunDirectory(runDir);
        Path ckpt = Files.exists(run.bestCheckpoint()) ? run.bestCheckpoint() : run.lastCheckpoint();
        if (!Files.exists(ckpt)) {
            throw new DataException(runDir + ": has no checkpoint yet (train first)");
        }
        IlqrVaeConfig cfg = ConfigIO.read(IlqrVaeConfig.class, runDir.resolve("config.yaml"));
        org.latentlab.core.engine.TorchEngine.prepareThread();
        // The model is sized from the data; the run's summary gives the training chunk length (the posterior
        // covariance's size) and the behaviour channels, which the data need not hold.
        try (IlqrVaeSession s = new IlqrVaeSession(data, cfg, 0, trainingChunk(run), behaviorChannels(run, cfg))) {
            try {
                Checkpoint.load(ckpt, s.model.params(), new MemberAdamW(s.model.params(), cfg.train().adamEpsilon()));
            } catch (IllegalArgumentException e) {
                throw new DataException(data.name() + ": does not fit the model of " + runDir + " (" + e.getMessage()
                        + "; held-in and held-out channels must match the training data)");
            }
            IlqrVaeRun.Outputs o = IlqrVaeRun.outputs(s, data, progress);
            return new LfadsInference.Outputs(o.bySplit(), o.scores());
        }
    }

    /** The behaviour channels the run was trained with (its summary), 0 without {@code fit_behavior}. */
    private static int behaviorChannels(RunDirectory run, IlqrVaeConfig cfg) {
        if (!cfg.modelConfig().fitBehavior()) {
            return 0;
        }
        com.fasterxml.jackson.databind.JsonNode n = run.readSummary().path("behavior_channels");
        if (!n.isInt()) {
            throw new DataException(run.summary() + ": has no behavior_channels (the run fits behaviour)");
        }
        return n.asInt();
    }

    /** The chunk length the run was trained with, from its summary (a finished run). */
    private static int trainingChunk(RunDirectory run) {
        if (Files.exists(run.summary())) {
            com.fasterxml.jackson.databind.JsonNode n = run.readSummary().path("solver").path("chunk_bins");
            if (n.isInt()) {
                return n.asInt();
            }
        }
        throw new DataException(run.path() + ": has no summary.json with the training chunk length (finish training first)");
    }
}

package org.latentlab.core.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.latentlab.core.Progress;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.model.lfads.PosteriorOutputs;

/**
 * Posterior sampling with a trained run on any dataset with the same channels (trials may be longer:
 * the recurrent model is not tied to the training length). Uses the best checkpoint, or the last when
 * the run ended before its ramps.
 */
public final class LfadsInference {
    private LfadsInference() {
    }

    public record Outputs(Map<Split, PosteriorOutputs> bySplit, Map<String, Map<String, Double>> scores) {
    }

    public static Outputs infer(Path runDir, Session data, int samples, Progress progress) {
        return infer(runDir, data, null, samples, progress);
    }

    /**
     * @param session for a multi-session run, the session {@code data} belongs to (null: the session named
     *                like the data file); must be null for a single-session run
     */
    public static Outputs infer(Path runDir, Session data, String session, int samples, Progress progress) {
        RunDirectory run = new RunDirectory(runDir);
        Path configFile = runDir.resolve("config.yaml");
        if (!Files.isRegularFile(configFile)) {
            throw new DataException(runDir + ": not a LatentLab run directory (no config.yaml)");
        }
        Path ckpt = Files.exists(run.bestCheckpoint()) ? run.bestCheckpoint() : run.lastCheckpoint();
        if (!Files.exists(ckpt)) {
            throw new DataException(runDir + ": has no checkpoint yet (train first)");
        }
        LfadsConfig cfg = ConfigIO.read(LfadsConfig.class, configFile);
        List<SessionLayouts.Layout> layouts = SessionLayouts.read(runDir);
        if (layouts == null && session != null) {
            throw new DataException("--session " + session + ": " + runDir + " is a single-session run");
        }
        int index = layouts == null ? 0 : SessionLayouts.index(layouts, session != null ? session : data.name(), runDir);
        org.latentlab.core.engine.TorchEngine.prepareThread();
        try (LfadsSession s = layouts == null ? new LfadsSession(data, cfg, 1, 0)
                : new LfadsSession(SessionLayouts.shapes(layouts, index, data, cfg), cfg, 1, 0)) {
            try {
                Checkpoint.load(ckpt, s.params, new MemberAdamW(s.params, cfg.train().adamEpsilon()));
            } catch (IllegalArgumentException e) {
                throw new DataException(data.name() + ": does not fit the model of " + runDir + " (" + e.getMessage()
                        + "; held-in, held-out and external-input channels must match the training data)");
            }
            Map<Split, PosteriorOutputs> out = LfadsRun.sampleAll(s, index, data, samples, progress);
            return new Outputs(out, LfadsRun.scores(data, out, s, index));
        }
    }
}

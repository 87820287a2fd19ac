package org.latentlab.core.train;

import java.nio.file.Files;
import java.nio.file.Path;
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
        RunDirectory run = new RunDirectory(runDir);
        Path configFile = runDir.resolve("config.yaml");
        if (!Files.isRegularFile(configFile)) {
            throw new DataException(runDir + ": not a LatentLab run directory (no config.yaml)");
        }
        Path ckpt = Files.exists(run.bestCheckpoint()) ? run.bestCheckpoint() : run.lastCheckpoint();
        if (!Files.exists(ckpt)) {
            throw new DataException(runDir + ": has no checkpoint yet (train first)");
        }
        if (Files.exists(run.summary()) && run.readSummary().has("sessions")) {
            throw new DataException(runDir + ": a multi-session run; train wrote each session's posterior outputs "
                    + "(lfads_output_<session>.h5) there, and inference on new data takes a single-session run");
        }
        LfadsConfig cfg = ConfigIO.read(LfadsConfig.class, configFile);
        org.latentlab.core.engine.TorchEngine.prepareThread();
        try (LfadsSession s = new LfadsSession(data, cfg, 1, 0)) {
            try {
                Checkpoint.load(ckpt, s.params, new MemberAdamW(s.params, cfg.train().adamEpsilon()));
            } catch (IllegalArgumentException e) {
                throw new DataException(data.name() + ": does not fit the model of " + runDir + " (" + e.getMessage()
                        + "; held-in, held-out and external-input channels must match the training data)");
            }
            Map<Split, PosteriorOutputs> out = LfadsRun.sampleAll(s, data, samples, progress);
            return new Outputs(out, LfadsRun.scores(data, out, s));
        }
    }
}

package org.latentlab.core.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.core.Progress;
import org.latentlab.core.config.Config;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.model.distributions.Poisson;
import org.latentlab.core.model.lfads.LfadsOutputFile;
import org.latentlab.core.model.lfads.PosteriorOutputs;
import org.latentlab.core.model.lfads.PosteriorSampler;

/**
 * A whole {@code train}: claim or resume the run directory, train, sample posteriors from the best
 * checkpoint, write {@code lfads_output_<stem>.h5} and {@code summary.json} with scores and provenance.
 */
public final class LfadsRun {
    private LfadsRun() {
    }

    /**
     * @param dataFile    the file the session came from (its checksum identifies the run)
     * @param dataOptions how the file became the session (NWB import options), empty for LFADS files
     */
    public record Spec(Path dataFile, String dataSha256, Map<String, String> dataOptions, Session session,
                       LfadsConfig config, long seed, Path out, int samples, String version) {
    }

    /** What happened: a fresh or resumed run that finished now, or a run that had already finished. */
    public record Result(RunDirectory.Status status, Path summary) {
    }

    public static Result run(Spec spec, TrainingListener listener, Progress sampling) {
        RunDirectory dir = new RunDirectory(spec.out());
        RunDirectory.Status status = dir.prepare(identity(spec), ConfigIO.toYaml(spec.config()));
        if (status == RunDirectory.Status.FINISHED) {
            return new Result(status, dir.summary());
        }
        Augment.checkSbtt(spec.session(), spec.config().augment());
        TorchEngine.prepareThread();
        long started = System.nanoTime();
        try (LfadsSession s = new LfadsSession(spec.session(), spec.config(), 1, spec.seed())) {
            LfadsTrainer trainer = new LfadsTrainer(spec.session(), spec.config(), spec.seed(), dir, listener, s);
            LfadsTrainer.Outcome outcome = trainer.train();
            listener.onMessage(outcome.stopReason());
            Path ckpt = Files.exists(dir.bestCheckpoint()) ? dir.bestCheckpoint() : dir.lastCheckpoint();
            Checkpoint.load(ckpt, s.params, new MemberAdamW(s.params, spec.config().train().adamEpsilon()));
            Map<Split, PosteriorOutputs> outputs = sampleAll(s, spec.session(), spec.samples(), sampling);
            Path outFile = dir.path().resolve(LfadsOutputFile.fileName(spec.session()));
            LfadsOutputFile.write(outFile, spec.session(), outputs);
            Map<String, Object> summary = finishedSummary(dir, outcome.stopReason(), outcome.epochs(), outcome.bestEpoch(),
                    ckpt, started, scores(spec.session(), outputs, s), outcome.last(), outFile, spec.session());
            summary.put("provenance", provenance(spec));
            dir.writeJson(dir.summary(), summary);
        }
        return new Result(status, dir.summary());
    }

    /**
     * The keys every finished train run's {@code summary.json} starts with, in order: status, stop reason,
     * epochs, best epoch, checkpoint used, wall time, scores, last epoch, output file, validation split.
     * Callers add their own keys, then {@code provenance}.
     */
    static Map<String, Object> finishedSummary(RunDirectory dir, String stopReason, int epochs, int bestEpoch, Path ckpt,
                                               long startedNanos, Map<String, Map<String, Double>> scores,
                                               EpochMetrics last, Path outFile, Session session) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", "finished");
        summary.put("stop_reason", stopReason);
        summary.put("epochs", epochs);
        summary.put("best_epoch", bestEpoch);
        summary.put("checkpoint_used", dir.path().relativize(ckpt).toString());
        summary.put("wall_seconds_this_process", (System.nanoTime() - startedNanos) / 1e9);
        summary.put("scores", scores);
        summary.put("last_epoch", last == null ? null : last.columns());
        summary.put("output_file", outFile.getFileName().toString());
        summary.put("validated_on", session.has(Split.VALID) ? "valid" : "train (no valid split)");
        return summary;
    }

    public static Map<Split, PosteriorOutputs> sampleAll(LfadsSession s, Session data, int samples, Progress p) {
        Map<Split, PosteriorOutputs> out = new EnumMap<>(Split.class);
        for (Split split : data.splits().keySet()) {
            out.put(split, PosteriorSampler.sample(s.model, data.split(split), samples, s.consts,
                    (d, t, w) -> p.update(d, t, w + " (" + split.key() + ")")));
        }
        return out;
    }

    /** Scores per split from posterior-averaged outputs. */
    public static Map<String, Map<String, Double>> scores(Session data, Map<Split, PosteriorOutputs> outputs,
                                                          LfadsSession s) {
        Map<Split, org.latentlab.core.data.Tensor3> rates = new EnumMap<>(Split.class);
        Map<Split, org.latentlab.core.data.Tensor3> factors = new EnumMap<>(Split.class);
        Map<Split, org.latentlab.core.data.Tensor3> inputs = new EnumMap<>(Split.class);
        outputs.forEach((split, o) -> {
            rates.put(split, o.tensor("output_params"));
            factors.put(split, o.tensor("factors"));
            if (o.has("gen_inputs")) {
                inputs.put(split, o.tensor("gen_inputs"));
            }
        });
        return Evaluation.of(data, rates, factors, inputs, s.model.observation() instanceof Poisson);
    }

    /** The keys that make a run the same run: config, data checksum and options, seed. */
    static Map<String, String> identity(Spec spec) {
        return identity(spec.dataSha256(), spec.dataOptions(), spec.seed(), spec.config());
    }

    /** The identity of any run (train or PBT) from its data checksum and options, seed and config record. */
    public static Map<String, String> identity(String dataSha256, Map<String, String> dataOptions, long seed,
                                               Record config) {
        Map<String, String> id = new LinkedHashMap<>();
        id.put("data_sha256", dataSha256);
        dataOptions.forEach((k, v) -> id.put("data." + k, v));
        id.put("seed", Long.toString(seed));
        Config.flatten(config).forEach(id::put);
        return id;
    }

    static Map<String, Object> provenance(Spec spec) {
        return provenance(spec.dataFile(), spec.dataSha256(), spec.dataOptions(), spec.seed(), spec.config(),
                spec.version(), spec.samples());
    }

    /** What a summary records about where a run came from: data, seed, config, versions, device, threads. */
    public static Map<String, Object> provenance(Path dataFile, String dataSha256, Map<String, String> dataOptions,
                                                 long seed, Record config, String version, int samples) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("data_file", dataFile.toAbsolutePath().toString());
        p.put("data_sha256", dataSha256);
        p.put("data_options", dataOptions);
        p.put("seed", seed);
        p.put("config", Config.flatten(config));
        Map<String, String> v = new LinkedHashMap<>();
        v.put("latentlab", version);
        v.put("djl", ai.djl.engine.Engine.getDjlVersion());
        v.put("engine", TorchEngine.describe());
        v.put("java", Runtime.version().toString());
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("versions", v);
        p.put("threads", ai.djl.pytorch.jni.JniUtils.getNumThreads());
        p.put("samples", samples);
        return p;
    }
}

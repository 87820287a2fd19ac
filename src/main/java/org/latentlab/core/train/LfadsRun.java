package org.latentlab.core.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.core.Progress;
import org.latentlab.core.config.Config;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.Dataset;
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
     * @param dataFiles   the files the sessions came from, in session order
     * @param dataSha256  the checksum of the data (one file's, or of the files' checksums in order), which
     *                    identifies the run
     * @param dataOptions how the files became sessions (NWB import options; per-session checksums), empty
     *                    for one LFADS file
     * @param data        one session, or several that share the model (their own read-ins and readouts)
     */
    public record Spec(List<Path> dataFiles, String dataSha256, Map<String, String> dataOptions, Dataset data,
                       LfadsConfig config, long seed, Path out, int samples, String version) {

        public Spec {
            dataFiles = oneFilePerSession(dataFiles, data);
        }

        /** A single-session run. */
        public Spec(Path dataFile, String dataSha256, Map<String, String> dataOptions, Session session,
                    LfadsConfig config, long seed, Path out, int samples, String version) {
            this(List.of(dataFile), dataSha256, dataOptions, Dataset.of(session), config, seed, out, samples, version);
        }
    }

    /** The files of a run's sessions, checked to be one per session (in session order). */
    public static List<Path> oneFilePerSession(List<Path> files, Dataset data) {
        if (files.size() != data.sessions().size()) {
            throw new IllegalArgumentException(files.size() + " files for " + data.sessions().size() + " sessions");
        }
        return List.copyOf(files);
    }

    /** What happened: a fresh or resumed run that finished now, or a run that had already finished. */
    public record Result(RunDirectory.Status status, Path summary) {
    }

    public static Result run(Spec spec, TrainingListener listener, Progress sampling) {
        checkData(spec.data(), spec.config().augment()); // before the run directory is claimed
        RunDirectory dir = new RunDirectory(spec.out());
        RunDirectory.Status status = dir.prepare(identity(spec), ConfigIO.toYaml(spec.config()), "config.yaml",
                Config.flatten(LfadsConfig.defaults()));
        if (status == RunDirectory.Status.FINISHED) {
            return new Result(status, dir.summary());
        }
        List<Session> sessions = spec.data().sessions();
        SessionLayouts.write(dir, spec.data());
        TorchEngine.prepareThread();
        long started = System.nanoTime();
        try (LfadsSession s = new LfadsSession(spec.data(), spec.config(), 1, spec.seed())) {
            if (s.readinNote() != null) {
                listener.onMessage(s.readinNote());
            }
            LfadsTrainer trainer = new LfadsTrainer(spec.data(), spec.config(), spec.seed(), dir, listener, s);
            LfadsTrainer.Outcome outcome = trainer.train();
            listener.onMessage(outcome.stopReason());
            Path ckpt = Files.exists(dir.bestCheckpoint()) ? dir.bestCheckpoint() : dir.lastCheckpoint();
            Checkpoint.load(ckpt, s.params, new MemberAdamW(s.params, spec.config().train().adamEpsilon()));
            Outputs written = writeOutputs(s, spec.data(), spec.dataFiles(), dir.path(), spec.samples(), sampling);
            Map<String, Object> summary = finishedSummary(dir, outcome.stopReason(), outcome.epochs(), outcome.bestEpoch(),
                    ckpt, started, written.scores(), outcome.last(), written.firstFile(), sessions.get(0));
            written.describeSessions(summary, s.readinNote());
            summary.put("provenance", provenance(spec));
            dir.writeJson(dir.summary(), summary);
        }
        return new Result(status, dir.summary());
    }

    /**
     * Refuses data that cannot be trained, before a run directory is claimed: sessions that cannot share a
     * model, and NaN samples with SBTT off.
     */
    public static void checkData(Dataset data, org.latentlab.core.config.AugmentConfig a) {
        data.checkSessionsAgree();
        for (Session d : data.sessions()) {
            Augment.checkSbtt(d, a);
        }
    }

    /**
     * What {@link #writeOutputs} wrote.
     *
     * @param scores    per split, the scores (several sessions: averaged with their trial counts as weights)
     * @param sessions  per session: name, data file, output file, scores
     * @param firstFile the first session's output file
     */
    public record Outputs(Map<String, Map<String, Double>> scores, List<Map<String, Object>> sessions, Path firstFile) {
        /** Adds the per-session entries to a multi-session run's summary (nothing for one session). */
        public void describeSessions(Map<String, Object> summary, String readinNote) {
            if (sessions.size() > 1) {
                summary.put("scores_over_sessions", "trial-weighted mean of the sessions' scores");
                if (readinNote != null) {
                    summary.put("readin_init", readinNote);
                }
                summary.put("sessions", sessions);
            }
        }
    }

    /** Samples every session's posteriors and writes {@code lfads_output_<session>.h5} into {@code dir}. */
    public static Outputs writeOutputs(LfadsSession s, Dataset data, List<Path> files, Path dir, int samples,
                                       Progress sampling) {
        List<Session> sessions = data.sessions();
        List<Map<String, Map<String, Double>>> scores = new ArrayList<>();
        List<Map<String, Object>> perSession = new ArrayList<>();
        Path firstOut = null;
        for (int i = 0; i < sessions.size(); i++) {
            Session d = sessions.get(i);
            Map<Split, PosteriorOutputs> outputs = sampleAll(s, i, d, samples, sampling);
            Path outFile = dir.resolve(LfadsOutputFile.fileName(d));
            LfadsOutputFile.write(outFile, d, outputs);
            scores.add(scores(d, outputs, s, i));
            firstOut = firstOut == null ? outFile : firstOut;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", d.name());
            entry.put("data_file", files.get(i).toAbsolutePath().toString());
            entry.put("output_file", outFile.getFileName().toString());
            entry.put("scores", scores.get(i));
            perSession.add(entry);
        }
        return new Outputs(sessions.size() == 1 ? scores.get(0) : pooledScores(sessions, scores), perSession, firstOut);
    }

    /**
     * Per split and score, the sessions' scores averaged with their trial counts in that split as weights,
     * over the sessions that have the score.
     */
    static Map<String, Map<String, Double>> pooledScores(List<Session> sessions,
                                                         List<Map<String, Map<String, Double>>> scores) {
        Map<String, Map<String, Double>> sum = new LinkedHashMap<>();
        Map<String, Map<String, Double>> weight = new LinkedHashMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            Session d = sessions.get(i);
            scores.get(i).forEach((split, metrics) -> {
                double w = d.split(Split.valueOf(split.toUpperCase(java.util.Locale.ROOT))).trials();
                metrics.forEach((k, v) -> {
                    // A score a session lacks (NaN) is averaged over the sessions that have it.
                    boolean has = v != null && !Double.isNaN(v);
                    sum.computeIfAbsent(split, x -> new LinkedHashMap<>()).merge(k, has ? w * v : 0, Double::sum);
                    weight.computeIfAbsent(split, x -> new LinkedHashMap<>()).merge(k, has ? w : 0, Double::sum);
                });
            });
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        sum.forEach((split, metrics) -> {
            Map<String, Double> m = new LinkedHashMap<>();
            metrics.forEach((k, v) -> m.put(k, weight.get(split).get(k) > 0 ? v / weight.get(split).get(k) : Double.NaN));
            out.put(split, m);
        });
        return out;
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
        return sampleAll(s, 0, data, samples, p);
    }

    /** Posterior outputs for every split of session {@code session} of the model ({@code data} is that session). */
    static Map<Split, PosteriorOutputs> sampleAll(LfadsSession s, int session, Session data, int samples, Progress p) {
        Map<Split, PosteriorOutputs> out = new EnumMap<>(Split.class);
        for (Split split : data.splits().keySet()) {
            out.put(split, PosteriorSampler.sample(s.model, session, data.split(split), samples, s.consts,
                    (d, t, w) -> p.update(d, t, w + " (" + split.key() + ")")));
        }
        return out;
    }

    /** Scores per split from posterior-averaged outputs. */
    public static Map<String, Map<String, Double>> scores(Session data, Map<Split, PosteriorOutputs> outputs,
                                                          LfadsSession s) {
        return scores(data, outputs, s, 0);
    }

    static Map<String, Map<String, Double>> scores(Session data, Map<Split, PosteriorOutputs> outputs, LfadsSession s,
                                                   int session) {
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
        return Evaluation.of(data, rates, factors, inputs, s.model.observation(session) instanceof Poisson);
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
        return provenance(spec.dataFiles(), spec.dataSha256(), spec.dataOptions(), spec.seed(), spec.config(),
                spec.version(), spec.samples());
    }

    /** As {@link #provenance(Path, String, Map, long, Record, String, int)}; several files are listed in order. */
    public static Map<String, Object> provenance(List<Path> dataFiles, String dataSha256, Map<String, String> dataOptions,
                                                 long seed, Record config, String version, int samples) {
        Map<String, Object> p = provenance(dataFiles.get(0), dataSha256, dataOptions, seed, config, version, samples);
        if (dataFiles.size() > 1) {
            p.put("data_file", dataFiles.stream().map(f -> f.toAbsolutePath().toString()).toList());
        }
        return p;
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
        v.put("native_preload", TorchEngine.preloaded());
        v.put("java", Runtime.version().toString());
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("versions", v);
        p.put("threads", ai.djl.pytorch.jni.JniUtils.getNumThreads());
        p.put("samples", samples);
        return p;
    }
}

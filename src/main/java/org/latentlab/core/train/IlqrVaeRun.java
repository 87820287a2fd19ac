package org.latentlab.core.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.core.Progress;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.IlqrVaeConfig;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.eval.RateR2;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.model.lfads.LfadsOutputFile;
import org.latentlab.core.model.lfads.PosteriorOutputs;

/**
 * A whole iLQR-VAE {@code train}: the same run directory and output layout as {@link LfadsRun} (config.yaml,
 * run.json, metrics.csv, checkpoints, {@code lfads_output_<stem>.h5}, summary.json), plus {@code ilqr.csv}
 * with the solver's failures and iterations per epoch. So {@code infer}, {@code eval} and the workbench read
 * it like an LFADS run.
 */
public final class IlqrVaeRun {
    private IlqrVaeRun() {
    }

    public record Spec(Path dataFile, String dataSha256, Map<String, String> dataOptions, Session session,
                       IlqrVaeConfig config, long seed, Path out, String version) {
    }

    public static LfadsRun.Result run(Spec spec, TrainingListener listener, Progress sampling) {
        IlqrVaeSession.checkTrainable(spec.session(), spec.config());
        RunDirectory dir = new RunDirectory(spec.out());
        Map<String, String> identity = LfadsRun.identity(spec.dataSha256(), spec.dataOptions(), spec.seed(), spec.config());
        RunDirectory.Status status = dir.prepare(identity, ConfigIO.toYaml(spec.config()), "config.yaml",
                org.latentlab.core.config.Config.flatten(org.latentlab.core.config.IlqrVaeConfig.defaults()));
        if (status == RunDirectory.Status.FINISHED) {
            return new LfadsRun.Result(status, dir.summary());
        }
        TorchEngine.prepareThread();
        long started = System.nanoTime();
        try (IlqrVaeSession s = new IlqrVaeSession(spec.session(), spec.config(), spec.seed())) {
            IlqrVaeTrainer.Outcome outcome = new IlqrVaeTrainer(spec.session(), spec.config(), spec.seed(), dir,
                    listener, s).train();
            listener.onMessage(outcome.stopReason());
            Path ckpt = Files.exists(dir.bestCheckpoint()) ? dir.bestCheckpoint() : dir.lastCheckpoint();
            Checkpoint.load(ckpt, s.model.params(), new MemberAdamW(s.model.params(), spec.config().train().adamEpsilon()));
            Written w = writeOutputs(s, spec.session(), dir.path(), sampling);
            Map<String, Object> summary = LfadsRun.finishedSummary(dir, outcome.stopReason(), outcome.epochs(),
                    outcome.bestEpoch(), ckpt, started, w.outputs().scores(), outcome.last(), w.file(), spec.session());
            describeModel(summary, s, solver(outcome.solver(), w.outputs().failed(), s.chunkBins));
            summary.put("provenance", LfadsRun.provenance(spec.dataFile(), spec.dataSha256(), spec.dataOptions(),
                    spec.seed(), spec.config(), spec.version(), 1));
            dir.writeJson(dir.summary(), summary);
        }
        return new LfadsRun.Result(status, dir.summary());
    }

    /** Posterior-mean outputs of every split and the file they were written to. */
    public record Written(Outputs outputs, Path file) {
    }

    /** Infers every split of {@code data} and writes {@code lfads_output_<stem>.h5} into {@code dir}. */
    public static Written writeOutputs(IlqrVaeSession s, Session data, Path dir, Progress p) {
        Outputs o = outputs(s, data, p);
        Path file = dir.resolve(LfadsOutputFile.fileName(data));
        LfadsOutputFile.write(file, data, o.bySplit());
        return new Written(o, file);
    }

    /**
     * The summary fields that say what the model is; {@code infer} reads two of them back ({@code solver}'s
     * {@code chunk_bins}, the posterior covariance's length, and {@code behavior_channels}).
     */
    public static void describeModel(Map<String, Object> summary, IlqrVaeSession s, Map<String, Object> solver) {
        summary.put("model", "ilqr-vae");
        summary.put("outputs", "posterior mean (iLQR on whole trials, held-in channels)");
        summary.put("solver", solver);
        summary.put("input_prior", s.model.describePrior());
        if (s.model.behaviorChannels() > 0) {
            summary.put("behavior_channels", s.model.behaviorChannels());
        }
    }

    private static Map<String, Object> solver(IlqrVaeTrainer.SolverStats st, int outputFailures, int chunkBins) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("training_solves", st.solves());
        m.put("training_failures", st.failed());
        m.put("implicit_solve_failures", st.noHessian());
        m.put("mean_iterations", st.solves() > 0 ? (double) st.iterations() / st.solves() : Double.NaN);
        m.put("iterations_per_second", st.iterationsPerSecond());
        m.put("ms_per_training_step", st.msPerStep());
        m.put("chunk_bins", chunkBins);
        m.put("output_solve_failures", outputFailures);
        return m;
    }

    /** Posterior-mean outputs of every split, their scores, and the count of failed solves. */
    public record Outputs(Map<Split, PosteriorOutputs> bySplit, Map<String, Map<String, Double>> scores, int failed) {
    }

    public static Outputs outputs(IlqrVaeSession s, Session data, Progress p) {
        Map<Split, PosteriorOutputs> out = new EnumMap<>(Split.class);
        Map<Split, Tensor3> rates = new EnumMap<>(Split.class);
        Map<Split, Tensor3> factors = new EnumMap<>(Split.class);
        Map<Split, Tensor3> inputs = new EnumMap<>(Split.class);
        int failed = 0;
        for (Split split : data.splits().keySet()) {
            IlqrVaeOutputs.Result r = IlqrVaeOutputs.infer(s, data.split(split), data.forwardBins(), null, p,
                    "iLQR posterior means (" + split.key() + ")");
            failed += r.failed();
            out.put(split, r.outputs());
            rates.put(split, r.outputs().tensor("output_params"));
            factors.put(split, r.outputs().tensor("factors"));
            inputs.put(split, r.outputs().tensor("gen_inputs"));
        }
        Map<String, Map<String, Double>> scores = Evaluation.of(data, rates, factors, inputs, s.model.counts());
        if (s.model.behaviorChannels() > 0) {
            for (Split split : data.splits().keySet()) {
                Tensor3 recorded = data.split(split).behavior();
                if (recorded != null && scores.containsKey(split.key())) {
                    scores.get(split.key()).put("behavior_r2", behaviorR2(recorded, out.get(split).tensor("behavior_params")));
                }
            }
        }
        return new Outputs(out, scores, failed);
    }

    /**
     * Variance-weighted R² of the predicted behaviour (inferred from the spikes alone) against the recorded
     * behaviour over the bins both cover, recorded entries only.
     */
    static double behaviorR2(Tensor3 recorded, Tensor3 predicted) {
        int bins = Math.min(recorded.time(), predicted.time());
        return RateR2.score(recorded.sliceTime(0, bins), predicted.sliceTime(0, bins));
    }
}

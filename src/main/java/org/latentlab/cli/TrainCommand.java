package org.latentlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.IlqrVaeConfig;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.config.ModelFamily;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.data.Session;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.train.EpochMetrics;
import org.latentlab.core.train.IlqrVaeRun;
import org.latentlab.core.train.LfadsRun;
import org.latentlab.core.train.RunDirectory;
import org.latentlab.core.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code latentlab train}: fits LFADS (or, with {@code --set model=ilqr-vae}, an iLQR-VAE) and writes a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train LFADS on an LFADS-style HDF5 file (or an NWB file with the import options);",
            "--set model=ilqr-vae (or model: {type: ilqr-vae} in --config) trains an iLQR-VAE instead.",
            "Re-running on the same --out resumes an interrupted run, or prints the summary of a finished one."})
final class TrainCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        ModelFamily family = ModelFamily.of(run.config, run.set);
        Record cfg = family == ModelFamily.ILQR_VAE ? ConfigIO.load(IlqrVaeConfig.class, run.config, run.set)
                : ConfigIO.load(LfadsConfig.class, run.config, ModelFamily.overridesFor(family, run.set));
        Dataset data = family == ModelFamily.ILQR_VAE ? Dataset.of(run.load("an iLQR-VAE")) : run.loadAll();
        o.println("training " + (family == ModelFamily.ILQR_VAE ? "an iLQR-VAE" : "LFADS") + " on " + describe(data)
                + " with " + TorchEngine.describe());
        String sha = run.sha256();
        LfadsRun.Result r;
        try (ConsoleProgress bar = new ConsoleProgress(spec.commandLine().getErr())) {
            Printer printer = new Printer(o, bar);
            r = cfg instanceof IlqrVaeConfig c
                    ? IlqrVaeRun.run(new IlqrVaeRun.Spec(run.data.get(0), sha, run.dataOptions(), data.first(), c, run.seed,
                            run.out, Versions.latentLab()), printer, bar)
                    : LfadsRun.run(new LfadsRun.Spec(run.data, sha, run.dataOptions(), data, (LfadsConfig) cfg,
                            run.seed, run.out, run.samples, Versions.latentLab()), printer, bar);
        }
        if (r.status() == RunDirectory.Status.FINISHED) {
            o.println("this run had already finished:");
        }
        JsonNode summary = new RunDirectory(run.out).readSummary();
        printSummary(o, summary);
        if (summary.has("solver")) {
            printSolver(o, summary.get("solver"));
        }
        return 0;
    }

    /** The sessions as the first line says them: file, trials, bins, channels. */
    private String describe(Dataset data) {
        List<String> each = new ArrayList<>();
        for (int i = 0; i < data.sessions().size(); i++) {
            Session s = data.sessions().get(i);
            each.add(run.data.get(i) + " (" + s.totalTrials() + " trials, " + s.bins() + " bins, " + s.reconChannels()
                    + " channels)");
        }
        return data.sessions().size() == 1 ? each.get(0)
                : data.sessions().size() + " sessions: " + String.join(", ", each);
    }

    /** The iLQR-VAE's solver line: failures, iterations and speed. */
    private static void printSolver(PrintWriter o, JsonNode solver) {
        o.println(String.format(java.util.Locale.ROOT, "iLQR: %d training solves, %d failed (skipped), %.1f iterations "
                        + "per solve, %.0f iterations/s, %.0f ms per training step (chunks of %d bins)",
                solver.get("training_solves").asLong(), solver.get("training_failures").asLong(),
                solver.get("mean_iterations").asDouble(), solver.get("iterations_per_second").asDouble(),
                solver.get("ms_per_training_step").asDouble(), solver.get("chunk_bins").asInt()));
    }

    static void printSummary(PrintWriter o, JsonNode summary) {
        int best = summary.get("best_epoch").asInt();
        o.println("stopped: " + summary.get("stop_reason").asText() + " after " + summary.get("epochs").asInt()
                + " epochs (" + (best >= 0 ? "best epoch " + best
                : "ended before the KL/L2 ramps finished, so the last checkpoint was used") + ")");
        if (!printSessions(o, summary)) {
            printScores(o, summary.get("scores"));
            o.println("outputs: " + summary.get("output_file").asText());
        }
    }

    /**
     * A multi-session run's scores: averaged over the sessions, then each session's with its output file.
     * Returns false (and prints nothing) for a single-session run.
     */
    static boolean printSessions(PrintWriter o, JsonNode summary) {
        if (!summary.has("sessions")) {
            return false;
        }
        o.println("scores averaged over the sessions (weighted by their trials):");
        printScores(o, summary.get("scores"));
        for (JsonNode s : summary.get("sessions")) {
            o.println("session " + s.get("name").asText() + ":");
            printScores(o, s.get("scores"));
            o.println("  outputs: " + s.get("output_file").asText());
        }
        return true;
    }

    /** One line per split: every score the run has for it. */
    static void printScores(PrintWriter o, JsonNode scores) {
        scores.fields().forEachRemaining(e -> {
            StringBuilder b = new StringBuilder(String.format("  %-6s", e.getKey()));
            e.getValue().fields().forEachRemaining(m -> {
                if (!m.getValue().isNull() && !Double.isNaN(m.getValue().asDouble())) {
                    b.append(String.format("  %s %.4f", m.getKey(), m.getValue().asDouble()));
                }
            });
            o.println(b);
        });
    }

    /** Prints a line every tenth epoch (and on messages); the progress bar shows the rest. */
    private record Printer(PrintWriter out, ConsoleProgress bar) implements TrainingListener {
        @Override
        public void onProgress(long done, long total, String what) {
            bar.update(done, total, what);
        }

        @Override
        public void onEpoch(EpochMetrics m) {
            if (m.epoch() % 10 == 0) {
                out.println(String.format("epoch %4d  loss %.1f  valid_recon %.5f  smth %.5f%s", m.epoch(), m.loss(),
                        m.validRecon(), m.validSmooth(), Double.isNaN(m.validR2()) ? "" : String.format("  r2 %.3f", m.validR2())));
                out.flush();
            }
        }

        @Override
        public void onMessage(String message) {
            out.println(message);
            out.flush();
        }
    }
}

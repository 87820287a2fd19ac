package org.latentlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentlab.core.config.AutoLfadsConfig;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.IlqrVaePbtConfig;
import org.latentlab.core.config.PbtConfig;
import org.latentlab.core.config.ModelFamily;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.data.Session;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.pbt.Generation;
import org.latentlab.core.pbt.PbtRun;
import org.latentlab.core.pbt.PopulationListener;
import org.latentlab.core.train.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code latentlab pbt}: AutoLFADS, LFADS with hyperparameters tuned by population-based training. */
@Command(name = "pbt", mixinStandardHelpOptions = true,
        description = {"Train an LFADS population with population-based training (AutoLFADS), or with",
            "--set model=ilqr-vae a population of iLQR-VAEs (learning rate, L2 weight and input prior scale searched).",
            "Keys: pbt.population, pbt.epochs_per_generation, pbt.max_generations, pbt.exploit, pbt.workers,",
            "pbt.search.<name>.min ...",
            "Re-running on the same --out resumes from the last completed generation, or prints the summary."})
final class PbtCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        ModelFamily family = ModelFamily.of(run.config, run.set);
        Record cfg;
        Dataset data;
        PbtConfig pbt;
        String header;
        if (family == ModelFamily.ILQR_VAE) {
            IlqrVaePbtConfig c = ConfigIO.load(IlqrVaePbtConfig.class, run.config, run.set);
            data = Dataset.of(run.load("an iLQR-VAE"));
            cfg = c;
            pbt = c.pbt();
            header = "a population of iLQR-VAEs on " + describe(data) + ": " + pbt.population() + " members, generations of "
                    + pbt.epochsPerGeneration() + " epochs, burn-in " + c.pbt().burnIn(c.train().klWarmupEpochs()) + " epochs";
        } else {
            AutoLfadsConfig c = ConfigIO.load(AutoLfadsConfig.class, run.config, ModelFamily.overridesFor(family, run.set));
            data = run.loadAll();
            cfg = c;
            pbt = c.pbt();
            header = "AutoLFADS on " + describe(data) + ": " + pbt.population() + " members, generations of "
                    + pbt.epochsPerGeneration() + " epochs, burn-in " + c.pbt().burnIn(c.train()) + " epochs";
        }
        o.println(header + ", with " + TorchEngine.describe());
        o.flush();
        PbtRun.Spec runSpec = new PbtRun.Spec(run.data, run.sha256(), run.dataOptions(), data, cfg,
                run.seed, run.out, run.samples, Versions.latentLab());
        PbtRun.Result r;
        try (ConsoleProgress bar = new ConsoleProgress(spec.commandLine().getErr())) {
            r = PbtRun.run(runSpec, new Printer(o, bar, metricName(family)), bar);
        }
        if (r.status() == RunDirectory.Status.FINISHED) {
            o.println("this run had already finished:");
        }
        printSummary(o, new RunDirectory(run.out).readSummary());
        return 0;
    }

    /** One line naming the sessions (one file: its trial, bin and channel counts). */
    private String describe(Dataset data) {
        Session first = data.first();
        return data.sessions().size() == 1 ? run.data.get(0) + " (" + first.totalTrials() + " trials, " + first.bins()
                + " bins, " + first.reconChannels() + " channels)"
                : data.sessions().size() + " sessions (" + run.data.stream().map(Path::toString)
                .collect(java.util.stream.Collectors.joining(", ")) + ")";
    }

    /** What members are ranked by: AutoLFADS's smoothed validation recon, an iLQR-VAE's smoothed −ELBO. */
    static String metricName(ModelFamily family) {
        return family == ModelFamily.ILQR_VAE ? "valid_loss_smth (-ELBO)" : "valid_recon_smth";
    }

    static void printSummary(PrintWriter o, JsonNode s) {
        String metric = metricName(s.path("model").asText().equals("ilqr-vae") ? ModelFamily.ILQR_VAE : ModelFamily.LFADS);
        o.println("stopped: " + s.get("stop_reason").asText() + " after " + s.get("generations").asInt()
                + " generations (" + s.get("epochs").asInt() + " epochs)");
        o.println(String.format("best member %d: " + metric + " %.5f (median member %.5f), valid r2 %s (median %s)",
                s.get("best_member").asInt(), s.get("best_metric").asDouble(), s.get("median_member_metric").asDouble(),
                r2(s.get("members").get(s.get("best_member").asInt()).get("valid_r2")),
                r2(s.get("median_member_valid_r2"))));
        StringBuilder h = new StringBuilder("best hyperparameters:");
        s.get("best_hyperparameters").fields().forEachRemaining(e ->
                h.append(String.format(" %s=%.3g", e.getKey().substring(e.getKey().indexOf('.') + 1), e.getValue().asDouble())));
        o.println(h);
        if (TrainCommand.printSessions(o, s)) {
            o.println("logs: pbt.csv, members/*/metrics.csv");
        } else {
            TrainCommand.printScores(o, s.get("scores"));
            o.println("outputs: " + s.get("output_file").asText() + ", pbt.csv, members/*/metrics.csv");
        }
    }

    private static String r2(JsonNode v) {
        return v == null || v.isNull() || Double.isNaN(v.asDouble()) ? "n/a" : String.format("%.3f", v.asDouble());
    }

    /** A line per generation (and on messages); the progress bar shows the epochs in between. */
    private record Printer(PrintWriter out, ConsoleProgress bar, String metric) implements PopulationListener {
        @Override
        public void onProgress(long done, long total, String what) {
            bar.update(done, total, what);
        }

        @Override
        public void onGeneration(Generation g) {
            out.println(String.format("generation %3d  epochs to %4d  best member %2d  %s %.5f  %s  %.0f s",
                    g.generation(), g.epoch(), g.bestMember(), metric, g.bestMetric(),
                    g.exploited() ? g.exploits() + " exploited" : "burn-in", g.seconds()));
            out.flush();
        }

        @Override
        public void onMessage(String message) {
            out.println(message);
            out.flush();
        }
    }
}

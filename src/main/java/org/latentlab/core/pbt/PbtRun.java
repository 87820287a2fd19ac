package org.latentlab.core.pbt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.core.Progress;
import org.latentlab.core.config.AutoLfadsConfig;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.IlqrVaePbtConfig;
import org.latentlab.core.config.PbtConfig;
import org.latentlab.core.data.AtomicFiles;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.data.Session;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.train.EpochMetrics;
import org.latentlab.core.train.LfadsRun;
import org.latentlab.core.train.RunDirectory;
import org.latentlab.core.train.TrainingDivergedException;

/**
 * A whole {@code pbt}: claim or resume the run directory, train the population generation by generation,
 * rank, exploit and explore at each boundary after burn-in, stop on the improvement rule or a limit, then
 * write the best member as an ordinary run (its {@code config.yaml}, {@code checkpoints/best.ckpt},
 * posterior-averaged {@code lfads_output_<stem>.h5} and {@code summary.json}) so {@code infer}, {@code eval}
 * and the workbench read it like a {@code train} run.
 *
 * <p>Files: {@code pbt-config.yaml} (the run's config), {@code pbt.csv} (see {@link PbtRow}),
 * {@code members/mNN/metrics.csv}, and {@code checkpoints/population.ckpt}, written atomically after each
 * generation's logs, so a killed run resumes from its last completed generation.
 */
public final class PbtRun {
    static final String POPULATION_CHECKPOINT = "checkpoints/population.ckpt";
    static final String CONFIG_FILE = "pbt-config.yaml";

    private PbtRun() {
    }

    /**
     * @param dataFiles the files of the sessions, in order
     * @param data      one session, or several fitted together (a read-in and readout each; AutoLFADS only)
     * @param config    an {@link AutoLfadsConfig}, or an {@link IlqrVaePbtConfig} for a population of iLQR-VAEs
     */
    public record Spec(List<Path> dataFiles, String dataSha256, Map<String, String> dataOptions, Dataset data,
                       Record config, long seed, Path out, int samples, String version) {

        public Spec {
            dataFiles = LfadsRun.oneFilePerSession(dataFiles, data);
        }

        /** A single-session run. */
        public Spec(Path dataFile, String dataSha256, Map<String, String> dataOptions, Session session,
                    Record config, long seed, Path out, int samples, String version) {
            this(List.of(dataFile), dataSha256, dataOptions, Dataset.of(session), config, seed, out, samples, version);
        }
    }

    public record Result(RunDirectory.Status status, Path summary) {
    }

    public static Result run(Spec spec, PopulationListener listener, Progress sampling) {
        return run(spec, listener, sampling, s -> model(s).executor());
    }

    /** The model a spec's config trains. */
    static PopulationModel model(Spec s) {
        if (s.config() instanceof AutoLfadsConfig c) {
            return new LfadsPopulation(s, c);
        }
        if (s.config() instanceof IlqrVaePbtConfig c) {
            return new IlqrVaePopulation(s, c);
        }
        throw new IllegalArgumentException("not a population config: " + s.config().getClass().getSimpleName());
    }

    /** As {@link #run(Spec, PopulationListener, Progress)} on the executor the factory makes for the spec. */
    static Result run(Spec spec, PopulationListener listener, Progress sampling,
                      java.util.function.Function<Spec, PopulationExecutor> executors) {
        PopulationModel model = model(spec);
        model.check(); // before the run directory is claimed
        RunDirectory dir = new RunDirectory(spec.out());
        Map<String, String> identity = LfadsRun.identity(spec.dataSha256(), spec.dataOptions(), spec.seed(), model.config());
        identity.put("command", "pbt");
        RunDirectory.Status status = dir.prepare(identity, ConfigIO.toYaml(model.config()), CONFIG_FILE,
                org.latentlab.core.config.Config.flatten(model.defaults()));
        if (status == RunDirectory.Status.FINISHED) {
            return new Result(status, dir.summary());
        }
        Path ckpt = dir.path().resolve(POPULATION_CHECKPOINT);
        if (Files.exists(ckpt)) {
            status = RunDirectory.Status.RESUME; // a population resumes from its own checkpoint, not train's
        }
        model.prepare(dir);
        TorchEngine.prepareThread();
        long started = System.nanoTime();
        PbtConfig pbt = model.pbt();
        int length = pbt.epochsPerGeneration();
        int burnIn = model.burnIn();
        int maxGenerations = Math.min(pbt.maxGenerations(), (model.maxEpochs() + length - 1) / length);
        if (burnIn >= maxGenerations * length) {
            listener.onMessage("warning: the run (at most " + maxGenerations * length + " epochs) is shorter than the "
                    + "burn-in (" + burnIn + " epochs): members train but are never exploited");
        }
        try (PopulationExecutor ex = executors.apply(spec)) {
            listener.onMessage("executor: " + ex.describe());
            Population pop;
            if (Files.exists(ckpt)) {
                pop = Population.fromFields(ex.restore(ckpt));
                listener.onMessage("resuming after generation " + (pop.generation - 1) + " from " + ckpt);
            } else {
                pop = Population.initial(pbt, model.space(), model.space().configured(model.config()), spec.seed());
            }
            PbtLog log = new PbtLog(dir.path(), pbt.population(), model.space().columns());
            log.truncate(pop.generation, pop.generation * length);
            while (pop.stopReason == null) {
                if (pop.generation >= maxGenerations) {
                    pop.stopReason = maxGenerations == pbt.maxGenerations()
                            ? "reached pbt.max_generations (" + maxGenerations + ")"
                            : "reached train.max_epochs (" + model.maxEpochs() + ")";
                    break;
                }
                if (pbt.maxMinutes() > 0 && pop.lastGenerationSeconds > 0
                        && pop.elapsedSeconds + pop.lastGenerationSeconds > pbt.maxMinutes() * 60) {
                    pop.stopReason = "time budget: another generation would end after pbt.max_minutes ("
                            + pbt.maxMinutes() + ")";
                    break;
                }
                Generation g = generation(pop, ex, model, spec.seed(), burnIn, maxGenerations * length, log, listener);
                ex.save(ckpt, pop.toFields());
                if (pbt.liveSamples() > 0) {
                    writeLive(spec, model, dir, ex, pop, started);
                }
                listener.onGeneration(g);
            }
            listener.onMessage(pop.stopReason);
            int best = pop.best();
            if (best < 0) {
                throw new TrainingDivergedException("no member has a finite validation metric; see " + log.csv());
            }
            writeMember(spec, model, dir, ex, pop, best, spec.samples(), "finished", started);
        }
        return new Result(status, dir.summary());
    }

    /** Trains one generation, ranks it, applies exploit/explore, logs it and decides whether to stop. */
    private static Generation generation(Population pop, PopulationExecutor ex, PopulationModel model, long seed,
                                         int burnIn, int totalEpochs, PbtLog log, PopulationListener listener) {
        PbtConfig pbt = model.pbt();
        int g = pop.generation;
        int from = g * pbt.epochsPerGeneration();
        int to = from + pbt.epochsPerGeneration();
        long t0 = System.nanoTime();
        PopulationListener logging = new PopulationListener() {
            @Override
            public void onMemberEpoch(int member, EpochMetrics m) {
                log.appendMetrics(member, m);
                pop.validR2[member] = m.validR2();
                listener.onMemberEpoch(member, m);
            }

            @Override
            public void onProgress(long done, long total, String what) {
                listener.onProgress(done, total, what);
            }

            @Override
            public boolean stopRequested() {
                return listener.stopRequested();
            }
        };
        boolean[] failed = ex.train(from, to, pop.hyper, pop.smooth, totalEpochs, logging);
        for (int m = 0; m < pop.metric.length; m++) {
            pop.metric[m] = failed[m] ? Double.NaN : pop.smooth[m];
        }
        boolean exploiting = to >= burnIn;
        List<Exploit.Move> moves;
        try {
            moves = exploiting
                    ? Exploit.plan(pop.metric, pbt.exploit(), pbt.quantile(), PbtRandom.exploit(seed, g))
                    : Exploit.replaceFailed(pop.metric, PbtRandom.exploit(seed, g));
        } catch (IllegalStateException e) {
            throw new TrainingDivergedException("every member's loss became non-finite in generation " + g
                    + "; the last completed generation is kept in " + POPULATION_CHECKPOINT
                    + ". Narrow the search space (lower pbt.search.lr_init.max).");
        }
        int best = pop.best();
        double bestMetric = pop.metric[best];
        List<PbtRow> rows = apply(pop, ex, moves, g, to, pbt, model.space(), seed);
        double seconds = (System.nanoTime() - t0) / 1e9;
        pop.generation = g + 1;
        pop.elapsedSeconds += seconds;
        pop.lastGenerationSeconds = seconds;
        if (exploiting) {
            pop.bestHistory.add(bestMetric);
            if (StopRule.shouldStop(pop.bestHistory, pbt.patience(), pbt.minImprovement())) {
                pop.stopReason = "the best " + model.metricName() + " improved by less than " + pbt.minImprovement()
                        + " (relative) over " + pbt.patience() + " generations";
            }
        }
        log.appendRows(rows);
        return new Generation(g, to, rows, best, bestMetric, exploiting, seconds);
    }

    /** Copies and perturbs per the plan; returns the generation's pbt.csv rows. */
    static List<PbtRow> apply(Population pop, PopulationExecutor ex, List<Exploit.Move> moves, int g, int epoch,
                              PbtConfig pbt, HyperSpace space, long seed) {
        List<PbtRow> rows = new ArrayList<>();
        List<String> columns = space.columns();
        for (Exploit.Move mv : moves) {
            int m = mv.member();
            if (mv.action() == Exploit.Action.KEEP) {
                pop.parent[m] = m;
                rows.add(new PbtRow(g, epoch, m, m, "keep", pop.metric[m], columns, pop.hyper[m].clone()));
                continue;
            }
            int src = mv.source();
            ex.copy(src, m);
            pop.hyper[m] = pop.hyper[src].clone();
            pop.smooth[m] = pop.smooth[src];
            pop.parent[m] = src;
            String action = mv.action() == Exploit.Action.EXPLOIT ? "exploit" : "replace";
            rows.add(new PbtRow(g, epoch, m, src, action, pop.metric[m], columns, pop.hyper[m].clone()));
            var rng = PbtRandom.explore(seed, m, g);
            for (int i = 0; i < space.size(); i++) {
                var range = space.get(i).range();
                if (range.search() && space.get(i).explored()) {
                    pop.hyper[m][i] = Explore.explore(range, pop.hyper[m][i], pbt.resampleProbability(), rng);
                }
            }
            rows.add(new PbtRow(g, epoch, m, src, "explore", pop.metric[m], columns, pop.hyper[m].clone()));
        }
        return rows;
    }

    /**
     * The current best member as a run of its own in {@code live/}, replaced atomically file by file, so the
     * workbench can inspect a population while it trains. Its summary's status is {@code live}.
     */
    private static void writeLive(Spec spec, PopulationModel model, RunDirectory dir, PopulationExecutor ex,
                                  Population pop, long started) {
        int best = pop.best();
        if (best < 0) {
            return;
        }
        RunDirectory live = new RunDirectory(dir.path().resolve("live"));
        try {
            Files.createDirectories(live.path().resolve("checkpoints"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeMember(spec, model, live, ex, pop, best, model.pbt().liveSamples(), "live", started);
    }

    /** Writes member {@code best} as an ordinary run: config, checkpoint, posterior outputs, summary. */
    private static void writeMember(Spec spec, PopulationModel model, RunDirectory dir, PopulationExecutor ex,
                                    Population pop, int best, int samples, String status, long started) {
        int epochs = pop.generation * model.pbt().epochsPerGeneration();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", status);
        summary.put("stop_reason", pop.stopReason == null ? "still training" : pop.stopReason);
        summary.put("generations", pop.generation);
        summary.put("epochs", epochs);
        summary.put("best_epoch", epochs - 1);
        summary.put("best_member", best);
        summary.put("best_metric", pop.metric[best]);
        summary.put("best_hyperparameters", model.space().named(pop.hyper[best]));
        summary.put("members", members(pop));
        summary.put("median_member_metric", median(pop.metric));
        summary.put("median_member_valid_r2", median(pop.validR2));
        summary.put("checkpoint_used", dir.path().relativize(dir.bestCheckpoint()).toString());
        summary.put("training_seconds", pop.elapsedSeconds);
        summary.put("executor", ex.describe());
        model.writeMember(dir, ex, best, pop.hyper[best], epochs, pop.metric[best], pop.elapsedSeconds, samples, summary);
        summary.put("wall_seconds_this_process", (System.nanoTime() - started) / 1e9);
        summary.put("provenance", LfadsRun.provenance(spec.dataFiles(), spec.dataSha256(), spec.dataOptions(),
                spec.seed(), model.config(), spec.version(), samples));
        dir.writeJson(dir.summary(), summary);
    }

    private static List<Map<String, Object>> members(Population pop) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int m = 0; m < pop.metric.length; m++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("member", m);
            row.put("metric", finiteOrNull(pop.metric[m]));
            row.put("valid_r2", finiteOrNull(pop.validR2[m]));
            row.put("parent", pop.parent[m]);
            out.add(row);
        }
        return out;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The median of the finite values, NaN when there are none. */
    static double median(double[] values) {
        double[] f = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (f.length == 0) {
            return Double.NaN;
        }
        return f.length % 2 == 1 ? f[f.length / 2] : (f[f.length / 2 - 1] + f[f.length / 2]) / 2;
    }

    /** {@code pbt.csv} and the members' {@code metrics.csv}, rewritten atomically. */
    static final class PbtLog {
        private final Path dir;
        private final RunDirectory[] members;
        private final List<String> lines = new ArrayList<>();

        private final List<String> columns;

        PbtLog(Path dir, int population, List<String> columns) {
            this.dir = dir;
            this.columns = columns;
            this.members = new RunDirectory[population];
            for (int m = 0; m < population; m++) {
                members[m] = new RunDirectory(dir.resolve(String.format("members/m%02d", m)));
                try {
                    Files.createDirectories(members[m].path());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        Path csv() {
            return dir.resolve("pbt.csv");
        }

        /** Drops what a killed run wrote after its last completed generation. */
        void truncate(int generation, int epoch) {
            lines.clear();
            try {
                if (Files.exists(csv())) {
                    for (String line : Files.readAllLines(csv())) {
                        if (line.startsWith("generation") || Integer.parseInt(line.substring(0, line.indexOf(','))) < generation) {
                            lines.add(line);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (lines.isEmpty()) {
                lines.add(PbtRow.header(columns));
            }
            AtomicFiles.writeString(csv(), String.join("\n", lines) + "\n");
            for (RunDirectory r : members) {
                r.truncateMetrics(epoch);
            }
        }

        void appendRows(List<PbtRow> rows) {
            rows.forEach(r -> lines.add(r.csv()));
            AtomicFiles.writeString(csv(), String.join("\n", lines) + "\n");
        }

        void appendMetrics(int member, EpochMetrics m) {
            members[member].appendMetrics(m);
        }
    }
}

package org.latentlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.IlqrVaeConfig;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.config.ModelFamily;
import org.latentlab.core.data.DataException;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.engine.TorchThreads;
import org.latentlab.core.pbt.SideBySide;
import org.latentlab.core.train.IlqrStepBenchmark;
import org.latentlab.core.train.StepBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code latentlab bench}: milliseconds per training step of LFADS (or of an iLQR-VAE with
 * {@code --set model=ilqr-vae}); the first line is {@code median X ms}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time LFADS (or, with --set model=ilqr-vae, iLQR-VAE) training steps on random data; "
                + "prints 'median X ms' first.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--batch", defaultValue = "64", paramLabel = "B", description = "Trials per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--time", defaultValue = "100", paramLabel = "T", description = "Bins per trial (default: ${DEFAULT-VALUE}).")
    int time;

    @Option(names = "--neurons", defaultValue = "100", paramLabel = "N", description = "Channels (default: ${DEFAULT-VALUE}).")
    int neurons;

    @Option(names = "--population", defaultValue = "1", paramLabel = "P", description = "Members trained as one batched model.")
    int population;

    @Option(names = "--shards", defaultValue = "0", paramLabel = "S",
            description = "Batched models the population is split into, stepping side by side in their own threads "
                    + "(default: as pbt.workers, one per libtorch thread on the CPU, at most one per member; 1 = one model).")
    int shards;

    @Option(names = "--steps", defaultValue = "10", paramLabel = "K", description = "Timed steps after 3 warm-up steps.")
    int steps;

    @Option(names = "--config", paramLabel = "C.yaml", description = "Model config (default: the defaults).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key (repeatable).")
    List<String> set = new ArrayList<>();

    /** Warm-up steps before an iLQR-VAE step is timed. */
    static final int ILQR_WARMUP = 25;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (int v : new int[] {batch, time, neurons, population, steps}) {
            if (v < 1) {
                throw new DataException("--batch, --time, --neurons, --population and --steps must be at least 1, got " + v);
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        ModelFamily family = ModelFamily.of(config, set);
        if (family == ModelFamily.ILQR_VAE) {
            return ilqrVae(o);
        }
        LfadsConfig cfg = ConfigIO.load(LfadsConfig.class, config, ModelFamily.overridesFor(family, set));
        if (shards < 0) {
            throw new DataException("--shards must be 0 (automatic) or more, got " + shards);
        }
        SideBySide.Layout layout = SideBySide.Layout.of(shards, population, cfg.train().threads());
        int s = layout.workers();
        int each = layout.threadsEach();
        if (s == 1 && cfg.train().threads() > 0) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(cfg.train().threads()); // as train does
        }
        StepBenchmark.Result r = StepBenchmark.run(cfg, batch, time, neurons, population, s, each, 3, steps);
        o.println(String.format("median %.1f ms", r.medianMs()));
        String threads = s == 1 ? String.format("%d threads", ai.djl.pytorch.jni.JniUtils.getNumThreads())
                : String.format("%d shards side by side, %d thread%s each", s, each, each == 1 ? "" : "s");
        o.println(String.format("B=%d T=%d N=%d population=%d, %s, %s%s", batch, time, neurons, population,
                TorchEngine.describe(), threads, preloadNote()));
        o.println(String.format("%.2f GFLOP per step (3 x forward matmul FLOPs), %.1f GFLOP/s", r.gflopPerStep(), r.gflops()));
        printSteps(o, r.stepMs());
        return 0;
    }

    /** Times iLQR-VAE steps (one model: {@code --population} does not apply). */
    private int ilqrVae(PrintWriter o) {
        if (population != 1) {
            throw new DataException("--population applies to LFADS only (an iLQR-VAE trains one model)");
        }
        IlqrVaeConfig cfg = ConfigIO.load(IlqrVaeConfig.class, config, set);
        // The solver is Java on the host: it runs at full speed only once the JIT has compiled it, about 20
        // steps in (with 3 warm-up steps, as for LFADS, the median was twice the settled time).
        IlqrStepBenchmark.Result r = IlqrStepBenchmark.run(cfg, batch, time, neurons, ILQR_WARMUP, steps);
        o.println(String.format("median %.1f ms", r.medianMs()));
        o.println(String.format("iLQR-VAE B=%d T=%d N=%d, latents %d, inputs %d, %s, %d solver threads, %d torch threads",
                batch, time, neurons, cfg.modelConfig().latentDim(), cfg.modelConfig().inputDim(), TorchEngine.describe(),
                TorchThreads.budget(cfg.train().threads()), ai.djl.pytorch.jni.JniUtils.getNumThreads()) + preloadNote());
        o.println(String.format("iLQR: %.0f iterations/s, %.2f iterations per solve (warm starts), solves %.0f%% "
                + "of the step", r.iterationsPerSecond(), r.iterationsPerSolve(), 100 * r.solveShare()));
        printSteps(o, r.stepMs());
        return 0;
    }

    private static void printSteps(PrintWriter o, double[] ms) {
        StringBuilder b = new StringBuilder("steps (ms):");
        for (double t : ms) {
            b.append(String.format(" %.1f", t));
        }
        o.println(b);
    }

    /** Which native libraries the launcher preloaded (they move these timings: README, "Measured"). */
    private static String preloadNote() {
        String p = TorchEngine.preloaded();
        return p.isEmpty() ? ", nothing preloaded" : ", preloaded " + p;
    }
}

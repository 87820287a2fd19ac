package org.latentlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.DataException;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.train.StepBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code latentlab bench}: milliseconds per LFADS training step; the first line is {@code median X ms}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time LFADS training steps on random data; prints 'median X ms' first.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--batch", defaultValue = "64", paramLabel = "B", description = "Trials per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--time", defaultValue = "100", paramLabel = "T", description = "Bins per trial (default: ${DEFAULT-VALUE}).")
    int time;

    @Option(names = "--neurons", defaultValue = "100", paramLabel = "N", description = "Channels (default: ${DEFAULT-VALUE}).")
    int neurons;

    @Option(names = "--population", defaultValue = "1", paramLabel = "P", description = "Members trained as one batched model.")
    int population;

    @Option(names = "--steps", defaultValue = "10", paramLabel = "K", description = "Timed steps after 3 warm-up steps.")
    int steps;

    @Option(names = "--config", paramLabel = "C.yaml", description = "Model config (default: the defaults).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key (repeatable).")
    List<String> set = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (int v : new int[] {batch, time, neurons, population, steps}) {
            if (v < 1) {
                throw new DataException("--batch, --time, --neurons, --population and --steps must be at least 1, got " + v);
            }
        }
        LfadsConfig cfg = ConfigIO.load(LfadsConfig.class, config, set);
        StepBenchmark.Result r = StepBenchmark.run(cfg, batch, time, neurons, population, 3, steps);
        PrintWriter o = spec.commandLine().getOut();
        o.println(String.format("median %.1f ms", r.medianMs()));
        o.println(String.format("B=%d T=%d N=%d population=%d, %s, %d threads", batch, time, neurons, population,
                TorchEngine.describe(), ai.djl.pytorch.jni.JniUtils.getNumThreads()));
        o.println(String.format("%.2f GFLOP per step (3 x forward matmul FLOPs), %.1f GFLOP/s", r.gflopPerStep(), r.gflops()));
        StringBuilder b = new StringBuilder("steps (ms):");
        for (double t : r.stepMs()) {
            b.append(String.format(" %.1f", t));
        }
        o.println(b);
        return 0;
    }
}

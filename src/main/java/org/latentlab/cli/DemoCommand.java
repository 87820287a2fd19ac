package org.latentlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.Checksums;
import org.latentlab.core.data.H5Files;
import org.latentlab.core.data.H5Arrays;
import org.latentlab.core.data.LfadsH5Reader;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.eval.Pca;
import org.latentlab.core.model.lfads.LfadsOutputFile;
import org.latentlab.core.train.LfadsRun;
import org.latentlab.core.train.RunDirectory;
import org.latentlab.plot.ChartFiles;
import org.latentlab.plot.Charts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code latentlab demo}: the whole job on the bundled Lorenz sample without a display. Trains LFADS for a
 * few minutes, writes the outputs and PNG plots (true against inferred rates, factors, PCA trajectories of
 * the factors) and prints the rate R² against truth.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Headless demo: train LFADS on the bundled Lorenz sample for a few minutes, write outputs and "
                + "PNG plots, print the scores.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "FILE", description = "Dataset (default: the bundled Lorenz sample).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "latentlab-demo",
            description = "Directory for the run and the plots (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "2.5",
            description = "Training time budget in minutes (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Path file = data != null ? data : SampleData.path("lorenz.h5");
        Session session = LfadsH5Reader.read(file);
        // A compact model that learns the sample within the budget; the full defaults are for `train`.
        LfadsConfig cfg = ConfigIO.load(LfadsConfig.class, null, List.of("train.max_minutes=" + minutes,
                "model.gen_dim=64", "model.fac_dim=16", "model.ic_enc_dim=32", "model.ci_enc_dim=32",
                "model.con_dim=32", "model.ic_dim=32", "train.batch_size=100", "train.lr_init=0.01"));
        Path runDir = out.resolve("run");
        o.println("training LFADS on " + file + " for up to " + minutes + " minutes (run directory " + runDir + ")");
        try (ConsoleProgress bar = new ConsoleProgress(spec.commandLine().getErr())) {
            LfadsRun.run(new LfadsRun.Spec(file, Checksums.sha256(file), java.util.Map.of("demo", "true"), session, cfg,
                    0, runDir, 20, Versions.latentLab()), new org.latentlab.core.train.TrainingListener() {
                        @Override
                        public void onProgress(long done, long total, String what) {
                            bar.update(done, total, what);
                        }
                    }, bar);
        }
        TrainCommand.printSummary(o, new RunDirectory(runDir).readSummary());
        List<Path> plots = plot(session, runDir.resolve(LfadsOutputFile.fileName(session)));
        o.println("plots:");
        plots.forEach(p -> o.println("  " + p));
        return 0;
    }

    private List<Path> plot(Session s, Path outputFile) {
        Split split = s.has(Split.VALID) ? Split.VALID : Split.TRAIN;
        SplitData d = s.split(split);
        Tensor3 rates = read(outputFile, split.key() + "_output_params");
        Tensor3 factors = read(outputFile, split.key() + "_factors");
        double bin = Double.isNaN(s.binSizeMs()) ? 1 : s.binSizeMs();
        List<Path> written = new ArrayList<>();
        written.add(save(Charts.raster("Spikes, " + split.key() + " trial 0", bin, trial(d.encod(), 0)), "spikes.png"));
        if (d.truth() != null) {
            int k = Math.min(4, rates.channels());
            double[][] truth = new double[k][];
            double[][] pred = new double[k][];
            double hz = 1000.0 / bin;
            for (int c = 0; c < k; c++) {
                truth[c] = series(d.truth(), 0, c, hz / s.conversionFactor());
                pred[c] = series(rates, 0, c, hz);
            }
            written.add(save(Charts.truthAndPrediction("True (solid) and inferred (dashed) rates, " + split.key()
                    + " trial 0", "time (ms)", "rate (Hz)", times(rates.time(), bin), truth, pred), "rates.png"));
        }
        double[][] f = new double[Math.min(8, factors.channels())][];
        for (int c = 0; c < f.length; c++) {
            f[c] = series(factors, 0, c, 1);
        }
        written.add(save(Charts.lines("Factors, " + split.key() + " trial 0", "time (ms)", "factor",
                times(factors.time(), bin), f, List.of()), "factors.png"));
        written.add(save(pcaPlot(factors, d.conditionIds()), "pca.png"));
        return written;
    }

    private static JFreeChart pcaPlot(Tensor3 factors, int[] conditions) {
        Pca pca = Pca.fit(factors);
        Tensor3 z = pca.project(factors, 2);
        int n = Math.min(60, z.trials());
        double[][] xs = new double[n][];
        double[][] ys = new double[n][];
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = series(z, i, 0, 1);
            ys[i] = series(z, i, 1, 1);
            group[i] = conditions == null ? 0 : conditions[i];
        }
        double[] ratio = pca.explainedVarianceRatio();
        return Charts.trajectories(String.format("Factor PCA trajectories (PC1 %.0f%%, PC2 %.0f%% of variance)",
                100 * ratio[0], 100 * ratio[1]), "PC1", "PC2", xs, ys, group);
    }

    private static Tensor3 read(Path file, String key) {
        try (var h5 = H5Files.open(file)) {
            return H5Arrays.tensor3(file, h5.getDatasetByPath(key), key);
        }
    }

    private Path save(JFreeChart chart, String name) {
        Path p = out.resolve(name);
        ChartFiles.png(chart, p, 900, 500);
        return p;
    }

    static double[] series(Tensor3 t, int trial, int channel, double scale) {
        double[] y = new double[t.time()];
        for (int b = 0; b < t.time(); b++) {
            y[b] = t.get(trial, b, channel) * scale;
        }
        return y;
    }

    static float[][] trial(Tensor3 t, int i) {
        float[][] out = new float[t.time()][t.channels()];
        for (int b = 0; b < t.time(); b++) {
            for (int c = 0; c < t.channels(); c++) {
                out[b][c] = t.get(i, b, c);
            }
        }
        return out;
    }

    static double[] times(int bins, double binMs) {
        double[] x = new double[bins];
        for (int b = 0; b < bins; b++) {
            x[b] = (b + 0.5) * binMs;
        }
        return x;
    }
}

package org.latentlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentlab.core.data.DatasetSummary;
import org.latentlab.core.data.LfadsH5Reader;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;
import org.latentlab.plot.ChartFiles;
import org.latentlab.plot.Charts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code latentlab demo}: the sample recording end to end without a display. It summarises the bundled
 * Lorenz sample and draws its spikes, true rates and true latents to PNG files.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Headless tour of the bundled sample data: summary and PNG plots of spikes, true rates "
                + "and true latents.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "FILE", description = "Dataset to show (default: the bundled Lorenz sample).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "latentlab-demo",
            description = "Directory for the plots (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Path file = data != null ? data : SampleData.path("lorenz.h5");
        Session s = LfadsH5Reader.read(file);
        DatasetSummary.of(file.toString(), s).lines().forEach(o::println);

        SplitData train = s.split(Split.TRAIN);
        double bin = Double.isNaN(s.binSizeMs()) ? 1 : s.binSizeMs();
        List<Path> written = new ArrayList<>();
        written.add(save(Charts.raster("Spikes, train trial 0", bin, trial(train.encod(), 0)), "spikes.png"));
        if (train.truth() != null) {
            written.add(save(Charts.lines("True rates, train trial 0 (first 8 channels)", "time (ms)",
                    "rate", times(s.bins(), bin), firstChannels(train.truth(), 0, 8), List.of()), "true-rates.png"));
        }
        if (train.latentsTruth() != null) {
            Tensor3 z = train.latentsTruth();
            written.add(save(Charts.lines("True latents, train trial 0", "time (ms)", "latent",
                    times(z.time(), bin), firstChannels(z, 0, Math.min(z.channels(), 10)), names("z", z.channels())),
                    "true-latents.png"));
            if (z.channels() >= 2) {
                written.add(save(latentPlane(train), "latent-trajectories.png"));
            }
        }
        o.println();
        o.println("Plots:");
        written.forEach(p -> o.println("  " + p));
        return 0;
    }

    private Path save(org.jfree.chart.JFreeChart chart, String name) {
        Path p = out.resolve(name);
        ChartFiles.png(chart, p, 900, 500);
        return p;
    }

    /** Latent 1 against latent 2 for up to 40 trials, coloured by condition. */
    private static org.jfree.chart.JFreeChart latentPlane(SplitData d) {
        Tensor3 z = d.latentsTruth();
        int n = Math.min(40, z.trials());
        double[][] xs = new double[n][z.time()];
        double[][] ys = new double[n][z.time()];
        int[] cond = d.conditionIds();
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < z.time(); t++) {
                xs[i][t] = z.get(i, t, 0);
                ys[i][t] = z.get(i, t, 1);
            }
            group[i] = cond == null ? 0 : cond[i];
        }
        return Charts.trajectories("True latent trajectories (coloured by condition)", "z0", "z1", xs, ys, group);
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

    static double[][] firstChannels(Tensor3 t, int trial, int k) {
        int m = Math.min(k, t.channels());
        double[][] y = new double[m][t.time()];
        for (int c = 0; c < m; c++) {
            for (int b = 0; b < t.time(); b++) {
                y[c][b] = t.get(trial, b, c);
            }
        }
        return y;
    }

    static double[] times(int bins, double binMs) {
        double[] x = new double[bins];
        for (int b = 0; b < bins; b++) {
            x[b] = (b + 0.5) * binMs;
        }
        return x;
    }

    static List<String> names(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(prefix + i);
        }
        return out;
    }
}

package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.latentlab.core.Progress;
import org.latentlab.core.config.IlqrVaeConfig;
import org.latentlab.core.config.Overrides;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.DataFiles;
import org.latentlab.core.data.LfadsH5Writer;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.train.EpochMetrics;
import org.latentlab.core.train.IlqrEpochs;
import org.latentlab.core.train.IlqrVaeRun;
import org.latentlab.core.train.IlqrVaeSession;
import org.latentlab.core.train.RunDirectory;
import org.latentlab.core.train.TrainingListener;
import org.latentlab.core.train.TrainingStoppedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --set model=ilqr-vae} end to end on a tiny synthetic file: the LFADS run-directory layout,
 * the solver log, then {@code infer} on trials five times longer than the training chunks, and {@code eval}.
 */
class IlqrVaeTrainTest {
    @TempDir
    Path dir;

    static Path synth(Path out, int time) {
        Cli.Result r = Cli.run("synth", "chaotic-rnn-inputs", "--out", out.toString(), "--seed", "3", "--trials", "24",
                "--time", Integer.toString(time), "--set", "conditions=4", "--set", "units=20", "--set", "neurons=10",
                "--set", "max-draws=1", "--set", "pulse-interval=20");
        assertEquals(0, r.code(), r.err());
        return out;
    }

    @Test
    void trainsOnChunksThenInfersWholeLongTrials() throws Exception {
        Path data = synth(dir.resolve("short.h5"), 20);
        Path out = dir.resolve("run");
        Cli.Result r = Cli.run("train", "--data", data.toString(), "--out", out.toString(), "--set", "model=ilqr-vae",
                "--set", "model.latent_dim=4", "--set", "model.input_dim=2", "--set", "train.chunk_bins=10",
                "--set", "train.max_epochs=2", "--set", "train.batch_size=8");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("iLQR:") && r.out().contains("chunks of 10 bins"), r.out());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("ilqr-vae", summary.get("model").asText());
        assertEquals(2, summary.get("epochs").asInt());
        JsonNode solver = summary.get("solver");
        assertTrue(solver.get("training_solves").asLong() > 0);
        assertTrue(solver.get("iterations_per_second").asDouble() > 0);
        assertTrue(summary.get("scores").get("valid").get("input_corr").isNumber(), summary.toString());
        List<String> log = Files.readAllLines(out.resolve("ilqr.csv"));
        assertEquals("epoch,solves,failed,no_hessian,mean_iterations,valid_failed", log.get(0));
        assertEquals(3, log.size());
        assertTrue(Files.readString(out.resolve("config.yaml")).contains("type: ilqr-vae"));
        try (HdfFile h5 = new HdfFile(out.resolve("lfads_output_short.h5"))) {
            int trials = h5.getDatasetByPath("train_output_params").getDimensions()[0];
            assertEquals(List.of(trials, 20, 10), dims(h5, "train_output_params"));
            assertEquals(List.of(trials, 20, 4), dims(h5, "train_factors"));
            assertEquals(List.of(trials, 20, 2), dims(h5, "train_gen_inputs"));
            assertEquals(List.of(trials, 4), dims(h5, "train_gen_init"));
        }
        // A file of the same network with 100-bin trials: iLQR infers the whole trials.
        Path longData = synth(dir.resolve("long.h5"), 100);
        Path inferred = dir.resolve("long-out.h5");
        Cli.Result inf = Cli.run("infer", "--run", out.toString(), "--data", longData.toString(), "--out",
                inferred.toString());
        assertEquals(0, inf.code(), inf.err());
        try (HdfFile h5 = new HdfFile(inferred)) {
            assertEquals(100, dims(h5, "valid_output_params").get(1));
            assertEquals(100, dims(h5, "valid_gen_inputs").get(1));
        }
        Cli.Result ev = Cli.run("eval", "--run", out.toString(), "--json");
        assertEquals(0, ev.code(), ev.err());
        assertTrue(ev.out().contains("rate_r2"), ev.out());
        // a second train on the same directory reports the finished run
        Cli.Result again = Cli.run("train", "--data", data.toString(), "--out", out.toString(), "--set", "model=ilqr-vae",
                "--set", "model.latent_dim=4", "--set", "model.input_dim=2", "--set", "train.chunk_bins=10",
                "--set", "train.max_epochs=2", "--set", "train.batch_size=8");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("this run had already finished"), again.out());
    }

    @Test
    void aStoppedRunResumesAndRepeatsTheUninterruptedRun() throws Exception {
        Path file = synth(dir.resolve("cri.h5"), 20);
        Session data = DataFiles.load(file, null, Progress.NONE);
        IlqrVaeConfig cfg = Overrides.apply(IlqrVaeConfig.defaults(), List.of("model.latent_dim=4",
                "model.input_dim=2", "train.chunk_bins=10", "train.batch_size=8", "train.max_epochs=4"));
        java.util.function.Function<Path, IlqrVaeRun.Spec> spec = out -> new IlqrVaeRun.Spec(file, "0".repeat(64),
                Map.of(), data, cfg, 7, out, "test");
        Path stopped = dir.resolve("stopped");
        int[] epochs = {0};
        TrainingListener stopAfterTwo = new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m) {
                epochs[0]++;
            }

            @Override
            public boolean stopRequested() {
                return epochs[0] >= 2;
            }
        };
        assertThrows(TrainingStoppedException.class, () -> IlqrVaeRun.run(spec.apply(stopped), stopAfterTwo, Progress.NONE));
        assertEquals(RunDirectory.Status.RESUME,
                IlqrVaeRun.run(spec.apply(stopped), TrainingListener.NONE, Progress.NONE).status());
        IlqrVaeRun.run(spec.apply(dir.resolve("straight")), TrainingListener.NONE, Progress.NONE);
        // Every number of every epoch but the wall time: the warm starts came back with the checkpoint.
        assertEquals(withoutWallTime(dir.resolve("straight/metrics.csv")), withoutWallTime(stopped.resolve("metrics.csv")));
        assertEquals(Files.readAllLines(dir.resolve("straight/ilqr.csv")), Files.readAllLines(stopped.resolve("ilqr.csv")));
    }

    @Test
    void warmStartsThatDoNotFitTheRunAreRefusedNamingTheCheckpoint() {
        Path file = synth(dir.resolve("warm.h5"), 20);
        Session data = DataFiles.load(file, null, Progress.NONE);
        IlqrVaeConfig cfg = Overrides.apply(IlqrVaeConfig.defaults(), List.of("model.latent_dim=4",
                "model.input_dim=2", "train.chunk_bins=10"));
        try (IlqrVaeSession s = new IlqrVaeSession(data, cfg, 1)) {
            IlqrEpochs.WarmStarts warm = new IlqrEpochs(s, data, cfg, 1).warmStarts();
            byte[] bytes = warm.encode();
            warm.decode(bytes, Path.of("last.ckpt")); // its own bytes fit
            byte[] more = bytes.clone();
            more[3]++; // the first count: one training chunk more than this run has
            DataException e = assertThrows(DataException.class, () -> warm.decode(more, Path.of("last.ckpt")));
            assertTrue(e.getMessage().contains("last.ckpt") && e.getMessage().contains("training chunks"), e.getMessage());
            DataException cut = assertThrows(DataException.class,
                    () -> warm.decode(Arrays.copyOf(bytes, bytes.length - 1), Path.of("last.ckpt")));
            assertTrue(cut.getMessage().contains("cut short"), cut.getMessage());
        }
    }

    private static List<String> withoutWallTime(Path csv) throws java.io.IOException {
        List<String> rows = Files.readAllLines(csv);
        assertTrue(rows.get(0).endsWith(",wall_s"), rows.get(0));
        assertEquals(5, rows.size(), "a header and four epochs: " + rows);
        return rows.stream().map(r -> r.substring(0, r.lastIndexOf(','))).toList();
    }

    @Test
    void fitsBehaviourBesideTheSpikesAndPredictsIt() throws Exception {
        Path data = dir.resolve("two.h5");
        Cli.Result syn = Cli.run("synth", "two-area", "--out", data.toString(), "--seed", "2", "--trials", "24",
                "--set", "neurons=6", "--set", "stimulus-ms=100");
        assertEquals(0, syn.code(), syn.err());
        Path out = dir.resolve("beh");
        Cli.Result r = Cli.run("train", "--data", data.toString(), "--out", out.toString(), "--set", "model=ilqr-vae",
                "--set", "model.fit_behavior=true", "--set", "model.latent_dim=4", "--set", "model.input_dim=2",
                "--set", "train.chunk_bins=10", "--set", "train.max_epochs=2", "--set", "train.batch_size=8");
        assertEquals(0, r.code(), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2, summary.get("behavior_channels").asInt());
        assertTrue(summary.get("scores").get("valid").get("behavior_r2").isNumber(), summary.toString());
        int bins;
        try (HdfFile h5 = new HdfFile(out.resolve("lfads_output_two.h5"))) {
            List<Integer> rates = dims(h5, "valid_output_params");
            bins = rates.get(1);
            assertEquals(List.of(rates.get(0), bins, 2), dims(h5, "valid_behavior_params"));
        }
        Path inferred = dir.resolve("two-out.h5");
        Cli.Result inf = Cli.run("infer", "--run", out.toString(), "--data", data.toString(), "--out", inferred.toString());
        assertEquals(0, inf.code(), inf.err());
        try (HdfFile h5 = new HdfFile(inferred)) {
            assertEquals(bins, dims(h5, "train_behavior_params").get(1));
        }
        // The same trials without their behaviour: recognition never saw it, so the predictions are the same.
        Session withBehavior = DataFiles.load(data, null, Progress.NONE);
        Map<Split, SplitData> bare = new EnumMap<>(Split.class);
        withBehavior.splits().forEach((k, v) -> bare.put(k, v.withBehavior(null)));
        Path noBehavior = dir.resolve("two-bare.h5");
        LfadsH5Writer.write(new Session("two-bare", withBehavior.binSizeMs(), withBehavior.conversionFactor(), bare,
                withBehavior.channelNames(), withBehavior.attributes()), noBehavior);
        Path bareOut = dir.resolve("bare-out.h5");
        Cli.Result bareInf = Cli.run("infer", "--run", out.toString(), "--data", noBehavior.toString(), "--out",
                bareOut.toString());
        assertEquals(0, bareInf.code(), bareInf.err());
        try (HdfFile a = new HdfFile(inferred); HdfFile b = new HdfFile(bareOut)) {
            float[][][] x = (float[][][]) a.getDatasetByPath("valid_behavior_params").getData();
            float[][][] y = (float[][][]) b.getDatasetByPath("valid_behavior_params").getData();
            assertEquals(x[1][bins - 1][1], y[1][bins - 1][1], 1e-5);
            assertEquals(x[0][3][0], y[0][3][0], 1e-5);
        }
        // Spikes without behaviour cannot train a behaviour readout.
        Path spikesOnly = synth(dir.resolve("spikes.h5"), 20);
        Cli.Result bad = Cli.run("train", "--data", spikesOnly.toString(), "--out", dir.resolve("bad").toString(),
                "--set", "model=ilqr-vae", "--set", "model.fit_behavior=true");
        assertEquals(2, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains("fit_behavior is set but the training split has no behavior"), bad.err());
        assertTrue(!Files.exists(dir.resolve("bad")), "refused before the run directory is made");
    }

    static List<Integer> dims(HdfFile h5, String key) {
        return Arrays.stream(h5.getDatasetByPath(key).getDimensions()).boxed().toList();
    }
}

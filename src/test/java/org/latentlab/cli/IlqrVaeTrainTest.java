package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

    static List<Integer> dims(HdfFile h5, String key) {
        return Arrays.stream(h5.getDatasetByPath(key).getDimensions()).boxed().toList();
    }
}

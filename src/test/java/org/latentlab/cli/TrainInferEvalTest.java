package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.cli.ImportAndInspectCommandTest.assertOneLineError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, infer and eval end to end on a tiny synthetic file, through the command line. */
class TrainInferEvalTest {
    static final String[] TINY = {"--set", "model.gen_dim=12", "--set", "model.fac_dim=4", "--set", "model.ic_enc_dim=8",
        "--set", "model.ci_enc_dim=8", "--set", "model.con_dim=8", "--set", "model.ic_dim=6", "--set", "model.co_dim=1",
        "--set", "train.max_epochs=3", "--set", "train.batch_size=16"};

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void tinyData() {
        data = dir.resolve("tiny.h5");
        Cli.Result r = Cli.run("synth", "chaotic-rnn-inputs", "--out", data.toString(), "--seed", "3", "--trials", "40",
                "--time", "20", "--set", "conditions=4", "--set", "units=20", "--set", "neurons=10",
                "--set", "max-draws=1", "--set", "pulse-interval=20");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void heldOutChannelsAndForwardBinsArePredictedForAnEncodOnlyTestSplit() throws Exception {
        Path full = dir.resolve("full.h5");
        org.latentlab.core.data.LfadsH5Writer.write(org.latentlab.core.data.TestSessions.full(), full);
        Path out = dir.resolve("run-full");
        List<String> args = new java.util.ArrayList<>(List.of("train", "--data", full.toString(), "--out", out.toString(),
                "--samples", "2"));
        args.addAll(List.of(TINY));
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        try (HdfFile h5 = new HdfFile(out.resolve("lfads_output_full.h5"))) {
            // 2 test trials, 4 held-in + 2 held-out channels, 10 encod + 3 forward bins.
            assertEquals(List.of(2, 13, 6), java.util.Arrays.stream(h5.getDatasetByPath("test_output_params")
                    .getDimensions()).boxed().toList());
            assertEquals(List.of(3, 13, 6), java.util.Arrays.stream(h5.getDatasetByPath("valid_output_params")
                    .getDimensions()).boxed().toList());
        }
        JsonNode scores = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("scores");
        assertTrue(scores.get("valid").get("co_bps").isNumber(), "co-bps on held-out channels: " + scores);
        assertTrue(scores.get("valid").get("fp_bps").isNumber(), "fp-bps on forward bins: " + scores);
    }

    @Test
    void aNonFiniteLossStopsWithOneLineAndNoSummary() {
        Path out = dir.resolve("diverged");
        // A loss scale beyond float range makes the very first loss infinite.
        Cli.Result r = train(out, "--set", "train.loss_scale=1e39");
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("the loss became Infinity at epoch 0, batch 0"), r.err());
        assertTrue(!Files.exists(out.resolve("summary.json")));
    }

    static Cli.Result train(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--data", data.toString(), "--out", out.toString(),
                "--samples", "3", "--seed", "1"));
        args.addAll(List.of(TINY));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(new String[0]));
    }

    @Test
    void trainWritesTheRunDirectoryAndRerunsBehaveAsDesignSays() throws Exception {
        Path out = dir.resolve("run");
        Cli.Result r = train(out);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("stopped: reached max_epochs (3)"), r.out());
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(4, metrics.size(), "header and 3 epochs");
        assertTrue(metrics.get(0).startsWith("epoch,loss,recon,kl_ic,kl_co,l2"), metrics.get(0));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(3, summary.get("epochs").asInt());
        assertTrue(summary.get("scores").get("valid").get("rate_r2").isNumber());
        assertTrue(summary.get("scores").get("valid").has("input_corr"), "input recovery is scored when truth has inputs");
        assertEquals(64, summary.get("provenance").get("data_sha256").asText().length());
        try (HdfFile h5 = new HdfFile(out.resolve("lfads_output_tiny.h5"))) {
            int[] dims = h5.getDatasetByPath("valid_output_params").getDimensions();
            assertEquals(20, dims[1]);
            assertEquals(10, dims[2]);
            assertEquals(1, h5.getDatasetByPath("train_gen_inputs").getDimensions()[2]);
            assertEquals(2, h5.getDatasetByPath("train_ic_mean").getDimensions().length);
            assertTrue(h5.getChildren().containsKey("train_encod_data"), "the input is copied into the output file");
        }

        Cli.Result again = train(out);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("this run had already finished"), again.out());
        assertEquals(4, Files.readAllLines(out.resolve("metrics.csv")).size(), "nothing retrained");

        assertOneLineError(train(out, "--set", "train.lr_init=0.001"), "train.lr_init", "0.001");
        assertOneLineError(train(dir.resolve("bad"), "--set", "model.gen_dm=3"), "model.gen_dm", "model.gen_dim");

        Path inferred = dir.resolve("inferred.h5");
        Cli.Result inf = Cli.run("infer", "--run", out.toString(), "--data", data.toString(), "--out", inferred.toString(),
                "--samples", "2");
        assertEquals(0, inf.code(), inf.err());
        try (HdfFile h5 = new HdfFile(inferred)) {
            assertEquals(3, h5.getDatasetByPath("train_factors").getDimensions().length);
        }
        Cli.Result ev = Cli.run("eval", "--run", out.toString(), "--json");
        assertEquals(0, ev.code(), ev.err());
        assertTrue(new ObjectMapper().readTree(ev.out()).get("train").has("bps"), ev.out());
        assertOneLineError(Cli.run("eval", "--run", dir.resolve("nope").toString()), "summary.json");
    }
}

package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training process killed with SIGKILL once its first checkpoint exists, then restarted with the same
 * command, continues from the checkpoint: the loss curve has every epoch exactly once and the run finishes.
 */
class KillAndResumeTest {
    @TempDir
    Path dir;

    @Test
    void killedRunResumesAndItsMetricsContinue() throws Exception {
        Path data = dir.resolve("tiny.h5");
        assertEquals(0, Cli.run("synth", "lorenz", "--out", data.toString(), "--trials", "40", "--time", "20",
                "--set", "conditions=4", "--set", "neurons=8").code());
        Path out = dir.resolve("run");
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--out", out.toString(),
                "--samples", "2"));
        args.addAll(List.of(TrainInferEvalTest.TINY));
        args.set(args.indexOf("train.max_epochs=3"), "train.max_epochs=8");

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), "org.latentlab.app.Main"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        Path ckpt = out.resolve("checkpoints/last.ckpt");
        // Poll for the first checkpoint (never a fixed sleep); give up if the process ends first.
        while (!Files.exists(ckpt) && p.isAlive()) {
            Thread.onSpinWait();
            p.waitFor(20, TimeUnit.MILLISECONDS);
        }
        assertTrue(p.isAlive(), "the run was still going when its first checkpoint appeared: "
                + Files.readString(dir.resolve("log.txt")));
        p.destroyForcibly().waitFor();

        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("resuming after epoch"), r.out());
        List<String> lines = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(9, lines.size(), "header and epochs 0..7 once each");
        for (int e = 0; e < 8; e++) {
            assertTrue(lines.get(e + 1).startsWith(e + ","), "row " + (e + 1) + ": " + lines.get(e + 1));
        }
        assertTrue(Files.exists(out.resolve("summary.json")));
        try (var files = Files.list(out.resolve("checkpoints"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }
}

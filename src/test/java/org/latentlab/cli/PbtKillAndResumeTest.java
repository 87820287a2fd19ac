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
 * {@code latentlab pbt} killed with SIGKILL once its first generation is saved, then restarted with the same
 * command, resumes from the last completed generation: pbt.csv and every member's metrics.csv hold each
 * generation and epoch exactly once, and no temporary file is left.
 */
class PbtKillAndResumeTest {
    static final int MEMBERS = 3;
    static final int GENERATIONS = 4;

    @TempDir
    Path dir;

    @Test
    void killedPopulationResumesFromItsLastCompletedGeneration() throws Exception {
        Path data = dir.resolve("tiny.h5");
        assertEquals(0, Cli.run("synth", "lorenz", "--out", data.toString(), "--trials", "40", "--time", "20",
                "--set", "conditions=4", "--set", "neurons=8").code());
        Path out = dir.resolve("run");
        List<String> args = new ArrayList<>(List.of("pbt", "--data", data.toString(), "--out", out.toString(),
                "--samples", "2"));
        for (String s : List.of("model.gen_dim=12", "model.fac_dim=4", "model.ic_enc_dim=8", "model.ci_enc_dim=8",
                "model.con_dim=8", "model.ic_dim=6", "model.co_dim=1", "train.batch_size=16",
                "pbt.population=" + MEMBERS, "pbt.epochs_per_generation=1", "pbt.max_generations=" + GENERATIONS,
                "pbt.burn_in_epochs=1")) {
            args.add("--set");
            args.add(s);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), "org.latentlab.app.Main"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        Path ckpt = out.resolve("checkpoints/population.ckpt");
        while (!Files.exists(ckpt) && p.isAlive()) { // poll for the first saved generation, never a fixed sleep
            p.waitFor(20, TimeUnit.MILLISECONDS);
        }
        assertTrue(p.isAlive(), "the run was still going when its first generation was saved: "
                + Files.readString(dir.resolve("log.txt")));
        p.destroyForcibly().waitFor();

        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("resuming after generation"), r.out());

        List<String> rows = Files.readAllLines(out.resolve("pbt.csv"));
        for (int g = 0; g < GENERATIONS; g++) {
            String prefix = g + ",";
            long members = rows.stream().filter(l -> l.startsWith(prefix) && !l.contains(",explore,")).count();
            assertEquals(MEMBERS, members, "one keep/exploit/replace row per member in generation " + g);
        }
        assertTrue(rows.stream().anyMatch(l -> l.contains(",exploit,")));
        assertTrue(rows.stream().anyMatch(l -> l.contains(",explore,")));
        for (int m = 0; m < MEMBERS; m++) {
            List<String> lines = Files.readAllLines(out.resolve(String.format("members/m%02d/metrics.csv", m)));
            assertEquals(GENERATIONS + 1, lines.size(), "header and epochs 0..3 once each for member " + m);
            for (int e = 0; e < GENERATIONS; e++) {
                assertTrue(lines.get(e + 1).startsWith(e + ","), "member " + m + " row " + (e + 1));
            }
        }
        assertTrue(Files.exists(out.resolve("summary.json")));
        try (var files = Files.walk(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
        Cli.Result again = Cli.run(args.toArray(new String[0]));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("this run had already finished"), again.out());
    }
}

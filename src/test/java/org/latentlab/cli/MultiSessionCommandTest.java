package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.cli.ImportAndInspectCommandTest.assertOneLineError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} with several --data files: one model, a read-in and readout per session; what refuses them. */
class MultiSessionCommandTest {
    @TempDir
    static Path dir;
    static Path day1;
    static Path day2;

    @BeforeAll
    static void sessions() {
        day1 = synth("day1.h5", "11", "20", "8");
        day2 = synth("day2.h5", "12", "20", "10");
    }

    /** 40 trials of 4 shared Lorenz conditions through {@code neurons} neurons drawn with {@code neuronSeed}. */
    private static Path synth(String name, String neuronSeed, String time, String neurons) {
        Path f = dir.resolve(name);
        Cli.Result r = Cli.run("synth", "lorenz", "--out", f.toString(), "--seed", "1", "--trials", "40", "--time", time,
                "--set", "conditions=4", "--set", "neurons=" + neurons, "--set", "neuron-seed=" + neuronSeed);
        assertEquals(0, r.code(), r.err());
        return f;
    }

    private static Cli.Result train(Path out, Path... data) {
        List<String> args = new ArrayList<>(List.of("train", "--data"));
        for (Path d : data) {
            args.add(d.toString());
        }
        args.addAll(List.of("--out", out.toString(), "--samples", "2"));
        args.addAll(List.of(TrainInferEvalTest.TINY));
        return Cli.run(args.toArray(new String[0]));
    }

    @Test
    void trainFitsTheSessionsTogetherAndWritesEachOnesOutputs() throws Exception {
        Path out = dir.resolve("run");
        Cli.Result r = train(out, day1, day2);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("on 2 sessions: "), r.out());
        assertTrue(r.out().contains("read-ins start from principal-component regression on 4 shared conditions"), r.out());
        assertTrue(r.out().contains("session day1:") && r.out().contains("session day2:"), r.out());
        assertTrue(Files.exists(out.resolve("lfads_output_day1.h5")));
        assertTrue(Files.exists(out.resolve("lfads_output_day2.h5")));

        Cli.Result eval = Cli.run("eval", "--run", out.toString());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("session day2:"), eval.out());
        Cli.Result json = Cli.run("eval", "--run", out.toString(), "--json");
        assertEquals(0, json.code(), json.err());
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertTrue(tree.path("averaged").path("valid").path("rate_r2").isNumber(), json.out());
        assertTrue(tree.path("sessions").path("day2").path("valid").path("rate_r2").isNumber(), json.out());
        Cli.Result report = Cli.run("report", "--run", out.toString());
        assertEquals(0, report.code(), report.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<h3>Session day2</h3>") && html.contains("day1.h5, ") && html.contains("day2.h5"));

        // Inference picks the session named like the file, or the one --session names.
        Path x = dir.resolve("x.h5");
        Cli.Result inf = Cli.run("infer", "--run", out.toString(), "--data", day2.toString(), "--out", x.toString(),
                "--samples", "2");
        assertEquals(0, inf.code(), inf.err());
        assertTrue(Files.exists(x));
        assertOneLineError(Cli.run("infer", "--run", out.toString(), "--data", day1.toString(), "--session", "day2",
                "--out", dir.resolve("y.h5").toString()), "day1: has 8 held-in", "session 'day2' was trained with 10");
        assertOneLineError(Cli.run("eval", "--run", out.toString(), "--data", day1.toString(), "--session", "day9"),
                "has no session 'day9' (its sessions: day1, day2)");
        assertFalse(Files.exists(dir.resolve("y.h5")));
    }

    @Test
    void pbtTrainsAPopulationOverTheSessionsAndExportsEachSessionOfTheBestMember() {
        Path out = dir.resolve("pbt");
        List<String> args = new ArrayList<>(List.of("pbt", "--data", day1.toString(), day2.toString(), "--out",
                out.toString(), "--samples", "2"));
        for (String s : List.of("model.gen_dim=8", "model.fac_dim=3", "model.ic_enc_dim=6", "model.ci_enc_dim=6",
                "model.con_dim=6", "model.ic_dim=4", "model.co_dim=1", "train.batch_size=16", "pbt.population=2",
                "pbt.epochs_per_generation=1", "pbt.max_generations=2", "pbt.burn_in_epochs=1", "pbt.live_samples=2")) {
            args.add("--set");
            args.add(s);
        }
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("AutoLFADS on 2 sessions"), r.out());
        // The live copy of the best member is a multi-session run of its own.
        Cli.Result live = Cli.run("infer", "--run", out.resolve("live").toString(), "--data", day2.toString(), "--out",
                dir.resolve("live-day2.h5").toString(), "--samples", "2");
        assertEquals(0, live.code(), live.err());
        assertTrue(r.out().contains("session day1:") && r.out().contains("session day2:"), r.out());
        assertTrue(Files.exists(out.resolve("lfads_output_day1.h5")));
        assertTrue(Files.exists(out.resolve("lfads_output_day2.h5")));
        // The exported best member is an ordinary multi-session run: inference on one session's data works.
        Cli.Result inf = Cli.run("infer", "--run", out.toString(), "--data", day1.toString(), "--out",
                dir.resolve("pbt-day1.h5").toString(), "--samples", "2");
        assertEquals(0, inf.code(), inf.err());
    }

    @Test
    void theIlqrVaeRefusesSeveralSessionsInOneLine() {
        assertOneLineError(Cli.run("train", "--data", day1.toString(), day2.toString(), "--out",
                dir.resolve("ilqr").toString(), "--set", "model=ilqr-vae"), "an iLQR-VAE takes one --data file, got 2");
        assertOneLineError(Cli.run("pbt", "--data", day1.toString(), day2.toString(), "--out",
                dir.resolve("pbt-ilqr").toString(), "--set", "model=ilqr-vae"), "an iLQR-VAE takes one --data file, got 2");
        assertFalse(Files.exists(dir.resolve("pbt-ilqr")));
    }

    @Test
    void sessionsThatCannotShareAModelAreRefusedByName() {
        Path longer = synth("longer.h5", "13", "25", "8");
        assertOneLineError(train(dir.resolve("bad-bins"), day1, longer),
                "session 'longer' has 25 bins but session 'day1' has 20");
        assertOneLineError(train(dir.resolve("same-name"), day1, day1), "rename one file");
        assertFalse(Files.exists(dir.resolve("bad-bins")), "refused before the run directory is made");
    }
}

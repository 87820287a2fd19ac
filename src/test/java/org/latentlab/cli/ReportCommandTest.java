package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report of a finished PBT run: scores, curves and trajectories embedded, the config; bad input exits 2. */
class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void reportsAFinishedPopulationRun() throws Exception {
        Path data = dir.resolve("tiny.h5");
        assertEquals(0, Cli.run("synth", "lorenz", "--out", data.toString(), "--trials", "24", "--time", "15",
                "--set", "conditions=3", "--set", "neurons=6").code());
        Path out = dir.resolve("run");
        List<String> args = new ArrayList<>(List.of("pbt", "--data", data.toString(), "--out", out.toString(),
                "--samples", "2"));
        for (String s : List.of("model.gen_dim=8", "model.fac_dim=3", "model.ic_enc_dim=6", "model.ci_enc_dim=6",
                "model.con_dim=6", "model.ic_dim=4", "model.co_dim=1", "train.batch_size=8", "pbt.population=2",
                "pbt.epochs_per_generation=1", "pbt.max_generations=2", "pbt.burn_in_epochs=1")) {
            args.add("--set");
            args.add(s);
        }
        Cli.Result trained = Cli.run(args.toArray(new String[0]));
        assertEquals(0, trained.code(), trained.err());

        Cli.Result r = Cli.run("report", "--run", out.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("AutoLFADS"), "says what was run");
        assertTrue(html.contains("per member") || html.contains("vectorised"), "and how the population trained");
        assertTrue(html.contains("<th>rate_r2</th>"), "the scores table");
        assertTrue(html.split("data:image/png;base64,").length - 1 >= 6, "curves and trajectories embedded");
        assertTrue(html.contains("population: 2"), "the config");

        Cli.Result bad = Cli.run("report", "--run", data.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("latentlab: "), bad.err());
    }
}

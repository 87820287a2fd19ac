package org.latentlab.ui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.cli.LatentLabCommand;
import org.latentlab.ui.UiExecutors;
import org.latentlab.ui.inspect.InspectViewModel;

/** Runs side by side, and the scatter's R² equals the one the run wrote in its summary. */
class EvaluateViewModelTest {
    @TempDir
    static Path dir;
    static Path runA;
    static Path runB;

    @BeforeAll
    static void train() {
        Path data = dir.resolve("tiny.h5");
        cli("synth", "lorenz", "--out", data.toString(), "--trials", "24", "--time", "15", "--set", "conditions=3",
                "--set", "neurons=6");
        runA = dir.resolve("a");
        runB = dir.resolve("b");
        for (Path run : new Path[] {runA, runB}) {
            cli("train", "--data", data.toString(), "--out", run.toString(), "--samples", "2", "--seed",
                    run == runA ? "1" : "2", "--set", "train.max_epochs=2", "--set", "model.gen_dim=8",
                    "--set", "model.fac_dim=3", "--set", "model.ic_enc_dim=6", "--set", "model.ci_enc_dim=6",
                    "--set", "model.con_dim=6", "--set", "model.ic_dim=4", "--set", "model.co_dim=1");
        }
    }

    static void cli(String... args) {
        StringWriter out = new StringWriter();
        int rc = LatentLabCommand.execute(args, new PrintWriter(out), new PrintWriter(out));
        assertEquals(0, rc, () -> String.join(" ", args) + "\n" + out);
    }

    @Test
    void runsOpenedInInspectAreComparedAndScattered() throws Exception {
        InspectViewModel inspect = new InspectViewModel(UiExecutors.direct());
        EvaluateViewModel vm = new EvaluateViewModel(inspect);
        inspect.open(runA);
        inspect.open(runB);
        inspect.open(runA); // listed once
        assertEquals(4, vm.rows().size(), "two runs x (train, valid)");
        assertEquals("a", vm.rows().get(0).run());
        assertEquals("b", vm.rows().get(2).run());
        int r2 = vm.metrics().indexOf("rate_r2");
        assertTrue(r2 >= 0, vm.metrics().toString());
        EvaluateViewModel.Scatter s = vm.scatterProperty().get();
        assertNotNull(s);
        assertEquals("valid", s.split());
        double written = new ObjectMapper().readTree(runA.resolve("summary.json").toFile())
                .path("scores").path("valid").path("rate_r2").asDouble();
        assertEquals(written, s.r2(), 1e-9);
        assertEquals(written, vm.rows().stream().filter(r -> r.run().equals("a") && r.split().equals("valid"))
                .findFirst().orElseThrow().values().get(r2), 1e-12);
    }

    @Test
    void aMultiSessionRunIsListedPerSessionAndScatteredForItsFirst() throws Exception {
        Path other = dir.resolve("other.h5");
        cli("synth", "lorenz", "--out", other.toString(), "--trials", "24", "--time", "15", "--set", "conditions=3",
                "--set", "neurons=9", "--set", "neuron-seed=4");
        Path multi = dir.resolve("multi");
        cli("train", "--data", dir.resolve("tiny.h5").toString(), other.toString(), "--out", multi.toString(),
                "--samples", "2", "--set", "train.max_epochs=2", "--set", "model.gen_dim=8", "--set", "model.fac_dim=3",
                "--set", "model.ic_enc_dim=6", "--set", "model.ci_enc_dim=6", "--set", "model.con_dim=6",
                "--set", "model.ic_dim=4", "--set", "model.co_dim=1");
        InspectViewModel inspect = new InspectViewModel(UiExecutors.direct());
        EvaluateViewModel vm = new EvaluateViewModel(inspect);
        inspect.open(multi);
        assertEquals(List.of("multi · tiny", "multi · tiny", "multi · other", "multi · other"),
                vm.rows().stream().map(EvaluateViewModel.Row::run).toList());
        var first = new ObjectMapper().readTree(multi.resolve("summary.json").toFile()).path("sessions").path(0);
        assertEquals("tiny", first.path("name").asText());
        // The scatter is the first session's: its R² is that session's, not the average over sessions.
        assertEquals(first.path("scores").path("valid").path("rate_r2").asDouble(), vm.scatterProperty().get().r2(), 1e-9);
    }
}

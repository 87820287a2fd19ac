package org.latentlab.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.cli.LatentLabCommand;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.Tensor3;
import org.latentlab.ui.UiExecutors;

/** The Inspect screen's ViewModel on a run trained in-process on tiny synthetic data; no FX toolkit. */
class InspectViewModelTest {
    @TempDir
    static Path shared;
    static Path run;

    @TempDir
    Path dir;

    private final InspectViewModel vm = new InspectViewModel(UiExecutors.direct());

    @BeforeAll
    static void train() {
        Path data = shared.resolve("tiny.h5");
        run = shared.resolve("run");
        cli("synth", "chaotic-rnn-inputs", "--out", data.toString(), "--trials", "20", "--time", "15",
                "--set", "conditions=2", "--set", "units=10", "--set", "neurons=6", "--set", "max-draws=1",
                "--set", "pulse-interval=15");
        cli("train", "--data", data.toString(), "--out", run.toString(), "--samples", "2",
                "--set", "train.max_epochs=2", "--set", "model.gen_dim=8", "--set", "model.fac_dim=3",
                "--set", "model.ic_enc_dim=6", "--set", "model.ci_enc_dim=6", "--set", "model.con_dim=6",
                "--set", "model.ic_dim=4", "--set", "model.co_dim=1");
    }

    static void cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = LatentLabCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, rc, () -> String.join(" ", args) + "\n" + out + err);
    }

    @Test
    void aMultiSessionRunShowsOneSessionAtATimeWithItsOwnScores() throws Exception {
        Path a = dir.resolve("day1.h5");
        Path b = dir.resolve("day2.h5");
        cli("synth", "lorenz", "--out", a.toString(), "--trials", "24", "--time", "15", "--set", "conditions=3",
                "--set", "neurons=6", "--set", "neuron-seed=1");
        cli("synth", "lorenz", "--out", b.toString(), "--trials", "24", "--time", "15", "--set", "conditions=3",
                "--set", "neurons=9", "--set", "neuron-seed=2");
        Path multi = dir.resolve("multi");
        cli("train", "--data", a.toString(), b.toString(), "--out", multi.toString(), "--samples", "2",
                "--set", "train.max_epochs=2", "--set", "model.gen_dim=8", "--set", "model.fac_dim=3",
                "--set", "model.ic_enc_dim=6", "--set", "model.ci_enc_dim=6", "--set", "model.con_dim=6",
                "--set", "model.ic_dim=4", "--set", "model.co_dim=1");
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(multi.resolve("summary.json").toFile());

        vm.open(multi);
        assertEquals(java.util.List.of("day1", "day2"), vm.sessions());
        assertEquals(0, vm.sessionIndexProperty().get());
        assertEquals(6, vm.channelCountProperty().get());
        vm.showSession(1);
        assertNull(vm.errorProperty().get());
        assertEquals(1, vm.sessionIndexProperty().get());
        assertEquals(9, vm.channelCountProperty().get(), "day2's channels");
        assertEquals(multi.resolve("lfads_output_day2.h5"), vm.runProperty().get().outputFile());
        int r2 = vm.scoreMetrics().indexOf("rate_r2");
        double shown = vm.scores().stream().filter(row -> row.split().equals("valid")).findFirst().orElseThrow()
                .values().get(r2);
        assertEquals(summary.path("sessions").path(1).path("scores").path("valid").path("rate_r2").asDouble(), shown,
                1e-12, "the session's own scores, not the average");
        vm.open(run);
        assertTrue(vm.sessions().isEmpty(), "a single-session run has no sessions to choose");
    }

    @Test
    void aRunFillsEveryPlotAndTheScores() {
        vm.open(run);

        assertNull(vm.errorProperty().get());
        assertFalse(vm.busyProperty().get());
        InspectRun r = vm.runProperty().get();
        assertNotNull(r);
        assertTrue(vm.splits().contains(Split.TRAIN));
        assertEquals(vm.splits().contains(Split.VALID) ? Split.VALID : Split.TRAIN, vm.splitProperty().get());
        Tensor3 params = r.outputs().get(vm.splitProperty().get()).rates();
        assertEquals(params.trials(), vm.trialCountProperty().get());
        assertEquals(6, vm.channelCountProperty().get());

        InspectSeries.Rates rates = vm.ratesProperty().get();
        assertEquals(15, rates.x().length);
        assertEquals(15, rates.counts().length);
        assertEquals(15, rates.inferred().length);
        assertNotNull(rates.truth(), "synthetic data has true rates");
        assertEquals(15, rates.truth().length);
        assertEquals(3, vm.factorsProperty().get().y().length);
        assertEquals(15, vm.factorsProperty().get().y()[0].length);
        InspectSeries.Inputs in = vm.inputsProperty().get();
        assertNotNull(in, "co_dim=1 gives inferred inputs");
        assertEquals(1, in.inferred().length);
        assertNotNull(in.truth(), "chaotic-rnn-inputs has true inputs");

        InspectSeries.Trajectories p = vm.trajectoriesProperty().get();
        assertEquals(params.trials(), p.xs().length);
        assertTrue(p.explained() > 0 && p.explained() <= 1 + 1e-9, "explained " + p.explained());
        assertTrue(p.pc1() >= p.pc2());

        assertEquals(List.of("train", "valid"), vm.scores().stream().map(InspectViewModel.ScoreRow::split).toList());
        assertTrue(vm.scoreMetrics().contains("bps"));
        vm.scores().forEach(row -> assertEquals(vm.scoreMetrics().size(), row.values().size()));
    }

    @Test
    void anIlqrVaeRunWithBehaviourShowsPredictedAgainstRecorded() {
        assertNull(openLfads().behaviorProperty().get(), "an LFADS run predicts no behaviour");
        Path data = dir.resolve("two.h5");
        Path beh = dir.resolve("beh");
        cli("synth", "two-area", "--out", data.toString(), "--seed", "2", "--trials", "16", "--set", "neurons=5",
                "--set", "stimulus-ms=100");
        cli("train", "--data", data.toString(), "--out", beh.toString(), "--set", "model=ilqr-vae",
                "--set", "model.fit_behavior=true", "--set", "model.latent_dim=4", "--set", "model.input_dim=2",
                "--set", "train.chunk_bins=10", "--set", "train.max_epochs=1", "--set", "train.batch_size=8");
        vm.open(beh);
        assertNull(vm.errorProperty().get());
        InspectSeries.Inputs b = vm.behaviorProperty().get();
        assertNotNull(b, "the run predicts behaviour");
        assertEquals(2, b.inferred().length, "two pulse currents");
        assertNotNull(b.truth(), "the split recorded its behaviour");
        assertEquals(b.x().length, b.inferred()[0].length);
        assertEquals(b.x().length, b.truth()[1].length);
        assertTrue(vm.scoreMetrics().contains("behavior_r2"), vm.scoreMetrics().toString());
    }

    private InspectViewModel openLfads() {
        InspectViewModel other = new InspectViewModel(UiExecutors.direct());
        other.open(run);
        return other;
    }

    @Test
    void inferredRatesAreOutputParamsInHertz() {
        vm.open(run);
        vm.splitProperty().set(Split.TRAIN);
        vm.trialProperty().set(2);
        vm.channelProperty().set(4);
        InspectRun r = vm.runProperty().get();
        Tensor3 params = r.outputs().get(Split.TRAIN).rates();
        double bin = r.session().binSizeMs();
        double[] expected = new double[15];
        double[] x = new double[15];
        for (int t = 0; t < 15; t++) {
            expected[t] = params.get(2, t, 4) * 1000.0 / bin;
            x[t] = (t + 0.5) * bin;
        }
        assertArrayEquals(expected, vm.ratesProperty().get().inferred(), 1e-6);
        assertArrayEquals(x, vm.ratesProperty().get().x(), 1e-9);
        assertEquals("rate (Hz)", vm.ratesProperty().get().unit());
        Tensor3 recon = r.session().split(Split.TRAIN).reconOrEncod();
        assertEquals(recon.get(2, 7, 4), vm.ratesProperty().get().counts()[7]);
    }

    @Test
    void trialAndChannelAreClamped() {
        vm.open(run);
        vm.trialProperty().set(10_000);
        assertEquals(vm.trialCountProperty().get() - 1, vm.trialProperty().get());
        vm.channelProperty().set(99);
        assertEquals(5, vm.channelProperty().get());
        vm.trialProperty().set(-3);
        assertEquals(0, vm.trialProperty().get());
        vm.channelProperty().set(-1);
        assertEquals(0, vm.channelProperty().get());
        assertTrue(vm.trialInfoProperty().get().startsWith("trial 0 of "));
    }

    @Test
    void aDirectoryWithoutAnOutputFileIsOneLineError() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), "model: {}\n");
        vm.open(dir);

        String error = vm.errorProperty().get();
        assertNotNull(error);
        assertTrue(error.contains("no lfads_output_*.h5"), error);
        assertFalse(error.contains("\n"));
        assertNull(vm.runProperty().get());
        assertFalse(vm.busyProperty().get());
        vm.clearError();
        assertNull(vm.errorProperty().get());
    }

    @Test
    void aMissingDirectoryIsAnError() {
        vm.open(dir.resolve("nowhere"));
        assertTrue(vm.errorProperty().get().contains("not a run directory"), vm.errorProperty().get());
    }

    @Test
    void exportsRatesFactorsAndInputsAsCsv() throws Exception {
        vm.open(run);
        vm.exportCsv(dir.resolve("csv"));
        assertNull(vm.errorProperty().get());
        assertTrue(vm.exportedProperty().get().startsWith("Wrote run_rates.csv, run_factors.csv, run_inputs.csv"),
                vm.exportedProperty().get());
        InspectRun r = vm.runProperty().get();
        java.util.List<String> rates = java.nio.file.Files.readAllLines(dir.resolve("csv/run_rates.csv"));
        int rows = 0;
        for (InspectRun.Outputs o : r.outputs().values()) {
            rows += o.rates().trials() * o.rates().time();
        }
        assertEquals(rows + 1, rates.size(), "a header and one row per trial and bin of every split");
        assertEquals(4 + r.session().reconChannels(), rates.get(0).split(",").length);
        String[] first = rates.get(1).split(",");
        assertEquals(r.outputs().values().iterator().next().rates().get(0, 0, 0), Float.parseFloat(first[4]), 0f);
        java.util.List<String> factors = java.nio.file.Files.readAllLines(dir.resolve("csv/run_factors.csv"));
        assertEquals("split,trial,condition,bin,ch0,ch1,ch2", factors.get(0));

        Path h5 = dir.resolve("copy/outputs.h5");
        Files.createDirectories(h5.getParent());
        vm.exportHdf5(h5);
        assertNull(vm.errorProperty().get());
        assertArrayEquals(Files.readAllBytes(r.outputFile()), Files.readAllBytes(h5));
    }

    @Test
    void theThreeDimensionalPcaViewFollowsItsAngles() {
        vm.open(run);
        InspectSeries.Trajectories flat = vm.trajectoriesProperty().get();
        vm.threeDProperty().set(true);
        InspectSeries.Trajectories turned = vm.trajectoriesProperty().get();
        assertArrayEquals(flat.view(30, 30).xs()[0], turned.xs()[0], 1e-12);
        vm.azimuthProperty().set(0);
        vm.elevationProperty().set(90);
        assertArrayEquals(flat.xs()[0], vm.trajectoriesProperty().get().xs()[0], 1e-12);
        vm.threeDProperty().set(false);
        assertArrayEquals(flat.ys()[1], vm.trajectoriesProperty().get().ys()[1], 0);
    }
}

package org.latentlab.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.train.TrainingStoppedException;
import org.latentlab.ui.UiExecutors;
import org.latentlab.ui.config.ConfigViewModel;
import org.latentlab.ui.data.DataViewModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.latentlab.cli.LatentLabCommand;

/** The Run screen's ViewModel without the FX toolkit: the job runs on the test thread, drain() plays the FX pulse. */
class RunViewModelTest {
    static final List<String> TINY = List.of("model.gen_dim=8", "model.fac_dim=3", "model.ic_enc_dim=6",
            "model.ci_enc_dim=6", "model.con_dim=6", "model.ic_dim=4", "model.co_dim=1", "train.batch_size=8");

    /** Types each key=value into the config form, as a user would on the Model and Population screens. */
    static void set(ConfigViewModel c, List<String> keyValues) {
        for (String kv : keyValues) {
            int eq = kv.indexOf('=');
            assertTrue(c.set(kv.substring(0, eq), kv.substring(eq + 1)), "no field " + kv);
            assertNull(c.fields().stream().filter(f -> f.key().equals(kv.substring(0, eq))).findFirst().orElseThrow()
                    .errorProperty().get(), kv);
        }
    }

    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path dir;

    private final DataViewModel dataVm = new DataViewModel(UiExecutors.direct());
    private final ConfigViewModel config = new ConfigViewModel();
    private final RunViewModel vm = new RunViewModel(dataVm, config);

    @BeforeAll
    static void synth() {
        data = shared.resolve("tiny.h5");
        cli("synth", "lorenz", "--out", data.toString(), "--trials", "24", "--time", "15",
                "--set", "conditions=3", "--set", "neurons=6");
    }

    static void cli(String... args) {
        StringWriter out = new StringWriter();
        int rc = LatentLabCommand.execute(args, new PrintWriter(out), new PrintWriter(out));
        assertEquals(0, rc, () -> String.join(" ", args) + "\n" + out);
    }

    @Test
    void aPopulationRunFillsCurvesAndGenerationsOnlyWhenDrained() throws Exception {
        dataVm.open(data);
        assertTrue(vm.outDirProperty().get().endsWith("tiny-autolfads"), vm.outDirProperty().get());
        vm.outDirProperty().set(dir.resolve("pop").toString());
        set(config, TINY);
        set(config, List.of("pbt.population=2", "pbt.epochs_per_generation=1", "pbt.max_generations=3",
                "pbt.burn_in_epochs=1"));
        List<Path> finished = new ArrayList<>();
        vm.setOnFinished(finished::add);
        List<Path> live = new ArrayList<>();
        vm.setOnLive(live::add);

        RunViewModel.Job job = vm.newJob();
        assertNotNull(job, vm.statusProperty().get());
        vm.started(job);
        assertTrue(vm.runningProperty().get());
        Path out = job.call();
        assertEquals(0, vm.curves().members(), "nothing reaches the model before the FX thread drains the queue");
        vm.drain();
        assertEquals(2, vm.curves().members());
        assertEquals(3, vm.curves().points(0).size());
        assertEquals(3, vm.generations().size());
        assertTrue(vm.generations().get(2).exploited());
        int best = vm.bestProperty().get();
        assertTrue(best == 0 || best == 1);
        assertEquals("valid rate R²", vm.curves().scoreName(), "synthetic data have true rates");
        assertEquals(3, live.size(), "after each generation the current best member is written for Inspect");
        assertEquals(out.resolve("live"), live.get(0));
        assertEquals("live", new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("live/summary.json").toFile()).path("status").asText());
        assertTrue(Files.exists(out.resolve("live/lfads_output_tiny.h5")));
        vm.succeeded(out);
        assertEquals(List.of(out), finished);
        assertTrue(vm.statusProperty().get().startsWith("Finished"), vm.statusProperty().get());
        assertTrue(Files.exists(out.resolve("summary.json")));

        // The directory read back by another screen: the same curves and generations, the form set to resume it.
        RunViewModel other = new RunViewModel(new DataViewModel(UiExecutors.direct()), new ConfigViewModel());
        other.openRun(out);
        assertEquals(ConfigViewModel.ModelKind.AUTOLFADS, other.config().kindProperty().get());
        assertEquals(config.overrides(), other.config().overrides(), "the form holds the run's config again");
        assertEquals(out.toString(), other.outDirProperty().get());
        assertEquals(2, other.curves().members());
        assertEquals(vm.curves().points(1).stream().map(RunViewModelTest::roundTrip).toList(), other.curves().points(1));
        assertEquals(3, other.generations().size());
        assertEquals(vm.generations().get(1).rows().size(), other.generations().get(1).rows().size());
        assertEquals(vm.bestProperty().get(), other.bestProperty().get());
        assertTrue(other.statusProperty().get().endsWith("(finished)"), other.statusProperty().get());
        other.openRun(dir);
        assertTrue(other.statusProperty().get().contains("not a run directory"), other.statusProperty().get());
    }

    /** A point as metrics.csv keeps it (six significant digits). */
    private static RunCurves.Point roundTrip(RunCurves.Point p) {
        return new RunCurves.Point(p.epoch(), six(p.validSmooth()), six(p.trainLoss()), six(p.score()));
    }

    private static double six(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", v));
    }

    @Test
    void stoppingKeepsTheCheckpointAndSaysSo() throws Exception {
        dataVm.open(data);
        config.kindProperty().set(ConfigViewModel.ModelKind.LFADS);
        assertTrue(vm.outDirProperty().get().endsWith("tiny-lfads"), "the suggestion follows the model");
        vm.outDirProperty().set(dir.resolve("single").toString());
        set(config, TINY);
        set(config, List.of("train.max_epochs=50"));
        RunViewModel.Job job = vm.newJob();
        vm.started(job);
        vm.stop();
        TrainingStoppedException e = assertThrows(TrainingStoppedException.class, job::call);
        vm.failed(e);
        assertTrue(vm.statusProperty().get().startsWith("Stopped"), vm.statusProperty().get());
        assertTrue(!vm.runningProperty().get());
        assertTrue(!Files.exists(dir.resolve("single/summary.json")));
    }

    @Test
    void anIlqrVaeRunTrainsFromTheFormAndReopensAsOne() throws Exception {
        dataVm.open(data);
        config.kindProperty().set(ConfigViewModel.ModelKind.ILQR_VAE);
        assertTrue(vm.outDirProperty().get().endsWith("tiny-ilqr-vae"), vm.outDirProperty().get());
        assertTrue(config.section("augment").isEmpty(), "iLQR-VAE has no augmentations");
        vm.outDirProperty().set(dir.resolve("ilqr").toString());
        set(config, List.of("model.latent_dim=4", "model.input_dim=2", "train.chunk_bins=10", "train.max_epochs=3",
                "train.batch_size=8"));
        RunViewModel.Job job = vm.newJob();
        assertNotNull(job, vm.statusProperty().get());
        vm.started(job);
        assertTrue(vm.statusProperty().get().startsWith("Training an iLQR-VAE"), vm.statusProperty().get());
        Path out = job.call();
        vm.drain();
        assertEquals(1, vm.curves().members());
        assertEquals(3, vm.curves().points(0).size());
        vm.succeeded(out);
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("ilqr-vae", summary.path("model").asText());
        assertTrue(Files.exists(out.resolve("lfads_output_tiny.h5")));

        RunViewModel other = new RunViewModel(new DataViewModel(UiExecutors.direct()), new ConfigViewModel());
        other.openRun(out);
        assertEquals(ConfigViewModel.ModelKind.ILQR_VAE, other.config().kindProperty().get());
        assertEquals(config.overrides(), other.config().overrides(), "the form holds the run's config again");
        assertEquals(3, other.curves().points(0).size());
    }

    @Test
    void anIlqrVaePopulationTrainsFromTheFormAndReopensAsOne() throws Exception {
        dataVm.open(data);
        config.kindProperty().set(ConfigViewModel.ModelKind.ILQR_VAE_PBT);
        assertTrue(vm.outDirProperty().get().endsWith("tiny-ilqr-vae-pbt"), vm.outDirProperty().get());
        vm.outDirProperty().set(dir.resolve("ilqr-pop").toString());
        set(config, List.of("model.latent_dim=4", "model.input_dim=2", "train.chunk_bins=10", "train.batch_size=8",
                "train.kl_warmup_epochs=1", "pbt.population=2", "pbt.epochs_per_generation=1", "pbt.max_generations=2"));
        List<Path> live = new ArrayList<>();
        vm.setOnLive(live::add);
        RunViewModel.Job job = vm.newJob();
        assertNotNull(job, vm.statusProperty().get());
        vm.started(job);
        assertTrue(vm.statusProperty().get().startsWith("Training a population of iLQR-VAEs"), vm.statusProperty().get());
        Path out = job.call();
        vm.drain();
        assertEquals(2, vm.curves().members());
        assertEquals(2, vm.generations().size());
        assertEquals(List.of("lr_init", "l2_scale", "prior.scale_init"), vm.generations().get(0).columns());
        assertEquals(2, live.size(), "the best member is written for Inspect after each generation");
        vm.succeeded(out);
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("ilqr-vae", summary.path("model").asText());

        RunViewModel other = new RunViewModel(new DataViewModel(UiExecutors.direct()), new ConfigViewModel());
        other.openRun(out);
        assertEquals(ConfigViewModel.ModelKind.ILQR_VAE_PBT, other.config().kindProperty().get());
        assertEquals(config.overrides(), other.config().overrides(), "the form holds the run's config again");
        assertEquals(2, other.generations().size());
    }

    @Test
    void addedSessionsAreFittedTogetherByLfadsAndRefusedByTheIlqrVae() throws Exception {
        Path other = dir.resolve("other.h5");
        cli("synth", "lorenz", "--out", other.toString(), "--trials", "24", "--time", "15",
                "--set", "conditions=3", "--set", "neurons=9", "--set", "neuron-seed=5");
        dataVm.open(data);
        dataVm.addSession(other);
        assertNull(dataVm.errorProperty().get());
        config.kindProperty().set(ConfigViewModel.ModelKind.ILQR_VAE);
        assertNull(vm.newJob());
        assertTrue(vm.statusProperty().get().contains("The iLQR-VAE fits one session"), vm.statusProperty().get());

        config.kindProperty().set(ConfigViewModel.ModelKind.LFADS);
        vm.outDirProperty().set(dir.resolve("two").toString());
        set(config, TINY);
        set(config, List.of("train.max_epochs=2"));
        RunViewModel.Job job = vm.newJob();
        assertNotNull(job, vm.statusProperty().get());
        vm.started(job);
        assertTrue(vm.statusProperty().get().contains("on tiny.h5 and 1 more sessions"), vm.statusProperty().get());
        Path out = job.call();
        vm.succeeded(out);
        assertTrue(Files.exists(out.resolve("lfads_output_tiny.h5")));
        assertTrue(Files.exists(out.resolve("lfads_output_other.h5")));
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2, summary.path("sessions").size());
    }

    @Test
    void badFormsGiveAReasonAndNoJob() {
        assertNull(vm.newJob());
        assertTrue(vm.statusProperty().get().contains("Open a recording"), vm.statusProperty().get());
        dataVm.open(data);
        assertTrue(config.set("pbt.population", "1"));
        ConfigViewModel.Field pop = config.fields().stream().filter(f -> f.key().equals("pbt.population"))
                .findFirst().orElseThrow();
        assertTrue(pop.errorProperty().get().contains("pbt.population must be at least 2"), pop.errorProperty().get());
        assertEquals("1", pop.textProperty().get(), "the refused text stays for the user to fix");
        assertNull(vm.newJob());
        assertTrue(vm.statusProperty().get().contains("Fix the fields"), vm.statusProperty().get());
        config.set("pbt.population", "4");
        assertNull(pop.errorProperty().get());
        // A field is checked against the others: the whole config is rebuilt with it.
        config.set("pbt.search.lr_init.min", "0.004");
        ConfigViewModel.Field max = config.fields().stream().filter(f -> f.key().equals("pbt.search.lr_init.max"))
                .findFirst().orElseThrow();
        assertTrue(max.errorProperty().get() == null, "min 0.004 < max 0.005 is fine");
        config.set("pbt.search.lr_init.max", "0.003");
        assertTrue(max.errorProperty().get().contains("min must be < max"), max.errorProperty().get());
        assertNull(vm.newJob());
    }
}

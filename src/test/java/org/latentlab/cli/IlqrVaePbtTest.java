package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.cli.ImportAndInspectCommandTest.assertOneLineError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.core.Progress;
import org.latentlab.core.config.IlqrVaePbtConfig;
import org.latentlab.core.config.Overrides;
import org.latentlab.core.data.DataFiles;
import org.latentlab.core.data.Session;
import org.latentlab.core.pbt.Generation;
import org.latentlab.core.pbt.PbtRun;
import org.latentlab.core.pbt.PopulationListener;
import org.latentlab.core.train.RunDirectory;
import org.latentlab.core.train.TrainingStoppedException;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pbt --set model=ilqr-vae} end to end on a tiny file: members with their own hyperparameters, exploit
 * and explore after the KL warm-up (the prior scale inherited, never perturbed), the best member exported as an
 * ordinary iLQR-VAE run that {@code infer} and {@code eval} read, and a re-run reporting the finished run.
 */
class IlqrVaePbtTest {
    @TempDir
    Path dir;

    private static final List<String> TINY = List.of("model=ilqr-vae", "model.latent_dim=4", "model.input_dim=2",
            "train.chunk_bins=10", "train.batch_size=8", "train.kl_warmup_epochs=2", "pbt.population=3",
            "pbt.epochs_per_generation=1", "pbt.max_generations=3", "pbt.live_samples=1");

    private Cli.Result pbt(Path data, Path out, List<String> sets) {
        List<String> args = new ArrayList<>(List.of("pbt", "--data", data.toString(), "--out", out.toString()));
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        return Cli.run(args.toArray(new String[0]));
    }

    @Test
    void trainsAPopulationAndExportsTheBestMemberAsAnIlqrVaeRun() throws Exception {
        Path data = IlqrVaeTrainTest.synth(dir.resolve("cri.h5"), 20);
        Path out = dir.resolve("pop");
        Cli.Result r = pbt(data, out, TINY);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("a population of iLQR-VAEs on") && r.out().contains("3 members"), r.out());
        assertTrue(r.out().contains("valid_loss_smth (-ELBO)"), r.out());

        List<String> log = Files.readAllLines(out.resolve("pbt.csv"));
        assertEquals("generation,epoch,member,parent,action,metric,lr_init,l2_scale,prior.scale_init", log.get(0));
        // Generation 0 ends inside the burn-in (the KL warm-up of 2 epochs): keep rows only.
        assertTrue(log.stream().skip(1).filter(l -> l.startsWith("0,")).allMatch(l -> l.contains(",keep,")), log.toString());
        // Later boundaries exploit: the copying member's prior scale is its source's, and explore leaves it alone
        // while it perturbs the learning rate.
        boolean exploited = false;
        for (int i = 1; i < log.size(); i++) {
            String[] row = log.get(i).split(",");
            if (row[4].equals("exploit")) {
                String[] explore = log.get(i + 1).split(",");
                assertEquals("explore", explore[4]);
                assertEquals(row[8], explore[8], "the prior scale is not perturbed");
                assertNotEquals(row[6], explore[6], "the learning rate is");
                exploited = true;
            }
        }
        assertTrue(exploited, log.toString());
        // An explored learning rate is the one the member trains with in the next generation.
        int checked = 0;
        for (int i = 1; i < log.size(); i++) {
            String[] row = log.get(i).split(",");
            int next = Integer.parseInt(row[1]);
            if (row[4].equals("explore") && next < 3) {
                List<String> metrics = Files.readAllLines(out.resolve(String.format("members/m%02d/metrics.csv",
                        Integer.parseInt(row[2]))));
                int lr = List.of(metrics.get(0).split(",")).indexOf("lr");
                double used = Double.parseDouble(metrics.get(next + 1).split(",")[lr]);
                assertEquals(Double.parseDouble(row[6]), used, 1e-5 * used, log.get(i));
                checked++;
            }
        }
        assertTrue(checked > 0, log.toString());
        Set<String> scales = new HashSet<>();
        log.stream().skip(1).filter(l -> l.startsWith("0,")).forEach(l -> scales.add(l.split(",")[8]));
        assertEquals(3, scales.size(), "each member draws its own initial prior scale");

        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("ilqr-vae", s.get("model").asText());
        assertEquals(3, s.get("generations").asInt());
        assertTrue(s.get("best_hyperparameters").has("model.prior.scale_init"), s.toString());
        assertEquals(10, s.get("solver").get("chunk_bins").asInt());
        assertTrue(s.get("scores").get("valid").get("rate_r2").isNumber(), s.toString());
        for (int m = 0; m < 3; m++) {
            assertEquals(4, Files.readAllLines(out.resolve(String.format("members/m%02d/metrics.csv", m))).size());
        }
        assertTrue(Files.readString(out.resolve("config.yaml")).contains("type: ilqr-vae"));
        assertTrue(Files.exists(out.resolve("lfads_output_cri.h5")));
        assertTrue(Files.exists(out.resolve("live/lfads_output_cri.h5")), "the live copy of the best member");

        // The exported member is an ordinary iLQR-VAE run.
        Cli.Result inf = Cli.run("infer", "--run", out.toString(), "--data", data.toString(), "--out",
                dir.resolve("again.h5").toString());
        assertEquals(0, inf.code(), inf.err());
        Cli.Result ev = Cli.run("eval", "--run", out.toString());
        assertEquals(0, ev.code(), ev.err());
        assertTrue(ev.out().contains("rate_r2"), ev.out());
        Cli.Result report = Cli.run("report", "--run", out.toString());
        assertEquals(0, report.code(), report.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("iLQR-VAE population (population-based training)"), "says what was run");
        assertTrue(html.contains("l2_scale after each generation") && html.contains("prior.scale_init after each"),
                "charts the searched hyperparameters");
        Cli.Result again = pbt(data, out, TINY);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("this run had already finished"), again.out());
    }

    @Test
    void aStoppedPopulationResumesFromItsLastGenerationAndASeededRunRepeats() throws Exception {
        Path file = IlqrVaeTrainTest.synth(dir.resolve("cri.h5"), 20);
        Session data = DataFiles.load(file, null, Progress.NONE);
        IlqrVaePbtConfig cfg = Overrides.apply(IlqrVaePbtConfig.defaults(), TINY.subList(1, TINY.size()));
        java.util.function.Function<Path, PbtRun.Spec> spec = out -> new PbtRun.Spec(file, "0".repeat(64), Map.of(),
                data, cfg, 5, out, 1, "test");
        // Stop once the second generation has started: the population keeps its first generation.
        int[] generations = {0};
        PopulationListener stopper = new PopulationListener() {
            @Override
            public void onGeneration(Generation g) {
                generations[0]++;
            }

            @Override
            public boolean stopRequested() {
                return generations[0] >= 1;
            }
        };
        Path stopped = dir.resolve("stopped");
        assertThrows(TrainingStoppedException.class, () -> PbtRun.run(spec.apply(stopped), stopper, Progress.NONE));
        assertTrue(Files.exists(stopped.resolve("checkpoints/population.ckpt")));
        assertFalse(Files.exists(stopped.resolve("summary.json")));
        List<String> messages = new ArrayList<>();
        PbtRun.Result resumed = PbtRun.run(spec.apply(stopped), new PopulationListener() {
            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        }, Progress.NONE);
        assertEquals(RunDirectory.Status.RESUME, resumed.status());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("resuming after generation 0")), messages.toString());
        List<String> log = Files.readAllLines(stopped.resolve("pbt.csv"));
        for (int g = 0; g < 3; g++) {
            String prefix = g + ",";
            assertEquals(3, log.stream().filter(l -> l.startsWith(prefix) && (l.contains(",keep,")
                    || l.contains(",exploit,") || l.contains(",replace,"))).count(), "generation " + g + ": " + log);
        }
        for (int m = 0; m < 3; m++) {
            List<String> rows = Files.readAllLines(stopped.resolve(String.format("members/m%02d/metrics.csv", m)));
            assertEquals(List.of("0", "1", "2"), rows.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList(),
                    "member " + m + " has each epoch once");
        }
        // Two uninterrupted runs with the same seed log the same population, and so does the resumed one: its
        // checkpoint kept every member's solver warm starts, so no solve after the resume started cold.
        PbtRun.run(spec.apply(dir.resolve("a")), PopulationListener.NONE, Progress.NONE);
        PbtRun.run(spec.apply(dir.resolve("b")), PopulationListener.NONE, Progress.NONE);
        assertEquals(Files.readAllLines(dir.resolve("a/pbt.csv")), Files.readAllLines(dir.resolve("b/pbt.csv")));
        assertEquals(Files.readAllLines(dir.resolve("a/pbt.csv")), Files.readAllLines(stopped.resolve("pbt.csv")));
    }

    @Test
    void refusesWhatAnIlqrVaePopulationCannotDoInOneLine() {
        Path data = IlqrVaeTrainTest.synth(dir.resolve("one.h5"), 20);
        List<String> twoFiles = new ArrayList<>(List.of("pbt", "--data", data.toString(), data.toString(), "--out",
                dir.resolve("two").toString(), "--set", "model=ilqr-vae"));
        assertOneLineError(Cli.run(twoFiles.toArray(new String[0])), "an iLQR-VAE takes one --data file, got 2");
        assertOneLineError(pbt(data, dir.resolve("vec"), List.of("model=ilqr-vae", "pbt.executor=vectorised")),
                "pbt.executor must be per_member for a population of iLQR-VAEs");
        assertOneLineError(pbt(data, dir.resolve("lfads-search"), List.of("model=ilqr-vae", "pbt.search=lfads")),
                "pbt.search must be ilqr-vae for a population of iLQR-VAEs");
        assertOneLineError(pbt(data, dir.resolve("auto"), List.of("pbt.search=ilqr-vae")),
                "pbt.search must be lfads for an AutoLFADS population");
        assertFalse(Files.exists(dir.resolve("vec")));
    }
}

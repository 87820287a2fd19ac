package org.latentlab.core.pbt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.Progress;
import org.latentlab.core.config.AutoLfadsConfig;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.config.Overrides;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.TestSessions;
import org.latentlab.core.train.RunDirectory;

/** A small population end to end: logs, the learning-rate take-over, a failed member's replacement, resume. */
class PbtRunTest {
    static final List<String> TINY = List.of("model.gen_dim=8", "model.fac_dim=3", "model.ic_enc_dim=6",
            "model.ci_enc_dim=6", "model.con_dim=6", "model.ic_dim=4", "model.co_dim=1", "train.batch_size=4",
            "pbt.population=4", "pbt.epochs_per_generation=2", "pbt.max_generations=3", "pbt.burn_in_epochs=2");

    @TempDir
    Path dir;

    private PbtRun.Spec spec(Path out, List<String> extra) {
        List<String> set = new ArrayList<>(TINY);
        set.addAll(extra);
        AutoLfadsConfig cfg = Overrides.apply(AutoLfadsConfig.defaults(), set);
        Session data = TestSessions.full();
        return new PbtRun.Spec(dir.resolve("full.h5"), "0".repeat(64), Map.of(), data, cfg, 3, out, 2, "test");
    }

    @Test
    void exploitedMembersTrainWithTheirExploredLearningRate() throws Exception {
        Path out = dir.resolve("run");
        PbtRun.Result r = PbtRun.run(spec(out, List.of()), PopulationListener.NONE, Progress.NONE);
        assertEquals(RunDirectory.Status.NEW, r.status());
        List<String[]> rows = csv(out.resolve("pbt.csv"));
        String[] header = rows.remove(0);
        int lrCol = Arrays.asList(header).indexOf("lr_init");
        assertEquals(2 * 3, rows.stream().filter(x -> x[4].equals("exploit")).count(), "two exploits per generation");
        int checked = 0;
        for (String[] row : rows) {
            int g = Integer.parseInt(row[0]);
            if (!row[4].equals("explore") || g == 2) {
                continue;
            }
            // The explored learning rate is the one the member's optimizer uses in the next generation.
            List<String[]> metrics = csv(out.resolve(String.format("members/m%02d/metrics.csv", Integer.parseInt(row[2]))));
            int lrMetric = Arrays.asList(metrics.get(0)).indexOf("lr");
            int nextEpoch = Integer.parseInt(row[1]);
            double used = Double.parseDouble(metrics.get(nextEpoch + 1)[lrMetric]);
            assertEquals(Double.parseDouble(row[lrCol]), used, 1e-5 * used, "member " + row[2] + " generation " + g);
            checked++;
        }
        assertEquals(4, checked);
        JsonNode summary = new RunDirectory(out).readSummary();
        int best = summary.get("best_member").asInt();
        LfadsConfig bestCfg = ConfigIO.read(LfadsConfig.class, out.resolve("config.yaml"));
        assertEquals(summary.get("best_hyperparameters").get("train.lr_init").asDouble(), bestCfg.train().lrInit(), 1e-12);
        assertTrue(best >= 0 && best < 4);
        assertTrue(Files.exists(out.resolve("lfads_output_full.h5")));
        assertTrue(Files.exists(out.resolve("checkpoints/best.ckpt")));

        PbtRun.Result again = PbtRun.run(spec(out, List.of()), PopulationListener.NONE, Progress.NONE);
        assertEquals(RunDirectory.Status.FINISHED, again.status());
    }

    @Test
    void aMemberWhoseLossBecomesNonFiniteIsReplacedAndTheRunGoesOn() throws Exception {
        Path out = dir.resolve("nan");
        PbtRun.Spec spec = spec(out, List.of("pbt.burn_in_epochs=100")); // burn-in: only replacement happens
        List<Generation> generations = new ArrayList<>();
        PopulationListener listener = new PopulationListener() {
            @Override
            public void onGeneration(Generation g) {
                generations.add(g);
            }
        };
        PbtRun.run(spec, listener, Progress.NONE, s -> new FailingMember(
                new VectorisedExecutor(s.data(), ((AutoLfadsConfig) s.config()).lfads(), 4, s.seed()), 2, 1));
        List<String[]> rows = csv(out.resolve("pbt.csv"));
        String[] replaced = rows.stream().filter(x -> x[4].equals("replace")).findFirst().orElseThrow();
        assertEquals("1", replaced[0], "generation");
        assertEquals("2", replaced[2], "member");
        assertEquals("", replaced[5], "its metric is not finite");
        assertEquals(1, rows.stream().filter(x -> x[4].equals("replace")).count());
        assertEquals(3, generations.size(), "the run went on to its last generation");
        assertTrue(rows.stream().noneMatch(x -> x[4].equals("exploit")), "no exploit during burn-in");
        JsonNode summary = new RunDirectory(out).readSummary();
        assertTrue(summary.get("members").get(2).get("metric").isNumber(), "the replacement trained on");
    }

    @Test
    void aSeededRunIsReproducible() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        PbtRun.run(spec(a, List.of("pbt.max_generations=2")), PopulationListener.NONE, Progress.NONE);
        PbtRun.run(spec(b, List.of("pbt.max_generations=2")), PopulationListener.NONE, Progress.NONE);
        assertEquals(Files.readAllLines(a.resolve("pbt.csv")), Files.readAllLines(b.resolve("pbt.csv")));
        for (int m = 0; m < 4; m++) {
            String member = String.format("members/m%02d/metrics.csv", m);
            assertEquals(withoutWallTime(a.resolve(member)), withoutWallTime(b.resolve(member)), member);
        }
    }

    /** metrics.csv rows without their last column (wall time per epoch). */
    private static List<String> withoutWallTime(Path f) throws Exception {
        return Files.readAllLines(f).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    private static List<String[]> csv(Path f) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(f)) {
            out.add(line.split(",", -1));
        }
        return out;
    }

    /** A real executor whose member {@code member} reports a non-finite loss in generation {@code generation}. */
    private static final class FailingMember implements PopulationExecutor {
        private final PopulationExecutor inner;
        private final int member;
        private final int generation;
        private final Map<Integer, Integer> calls = new HashMap<>();

        FailingMember(PopulationExecutor inner, int member, int generation) {
            this.inner = inner;
            this.member = member;
            this.generation = generation;
        }

        @Override
        public int members() {
            return inner.members();
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public boolean[] train(int from, int to, double[][] hyper, double[] smooth, int totalEpochs,
                               PopulationListener listener) {
            boolean[] failed = inner.train(from, to, hyper, smooth, totalEpochs, listener);
            if (calls.merge(0, 1, Integer::sum) - 1 == generation) {
                failed[member] = true;
                smooth[member] = Double.NaN;
            }
            return failed;
        }

        @Override
        public void copy(int from, int to) {
            inner.copy(from, to);
        }

        @Override
        public void save(Path file, Map<String, Object> state) {
            inner.save(file, state);
        }

        @Override
        public JsonNode restore(Path file) {
            return inner.restore(file);
        }

        @Override
        public Map<String, float[]> memberWeights(int m) {
            return inner.memberWeights(m);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}

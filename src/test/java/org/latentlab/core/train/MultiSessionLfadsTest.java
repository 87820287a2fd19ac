package org.latentlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.Progress;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.config.Overrides;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.synth.LorenzGenerator;

/** One LFADS model over two recordings of one Lorenz experiment through different neurons. */
class MultiSessionLfadsTest {
    private static final List<String> TINY = List.of("model.gen_dim=16", "model.fac_dim=6", "model.ic_enc_dim=8",
            "model.ci_enc_dim=8", "model.con_dim=8", "model.ic_dim=6", "model.co_dim=1", "train.batch_size=16");

    @TempDir
    Path dir;

    /** 40 trials of 4 conditions, 20 bins, the same trajectories (seed 1) seen through {@code neurons} neurons. */
    private static Session session(String name, int neurons, long neuronSeed, int bins) {
        LorenzGenerator g = new LorenzGenerator(40, 4, bins, neurons, 10, 0.006, 6, 500, 10, 28, 8.0 / 3, 5, 15, 50, 100,
                0.2, 0, neuronSeed);
        return g.generate(1, name);
    }

    private static LfadsConfig config(String... more) {
        List<String> sets = new ArrayList<>(TINY);
        sets.addAll(List.of(more));
        return Overrides.apply(LfadsConfig.defaults(), sets);
    }

    @Test
    void eachSessionGetsItsReadinAndReadoutAndTheFrozenReadinsStayAsInitialised() throws Exception {
        Dataset data = new Dataset(List.of(session("a", 8, 11, 20), session("b", 12, 12, 20)));
        LfadsConfig cfg = config("train.max_epochs=4");
        float[] readin;
        float[] readout;
        try (LfadsSession s = new LfadsSession(data, cfg, 1, 1)) {
            assertEquals(2, s.model.sessionCount());
            assertEquals(8, s.model.shape(0).heldIn());
            assertEquals(12, s.model.shape(1).heldIn());
            assertEquals(6, s.model.shape(1).encoderInput(), "read-in width defaults to fac_dim");
            assertFalse(s.params.trainable().containsKey("readin.1.w"), "read-ins are frozen by default");
            assertTrue(s.params.trainable().containsKey("readout.1.w"));
            assertTrue(s.readinNote().contains("4 shared conditions"), s.readinNote());
            readin = s.params.get("readin.1.w").toFloatArray();
            readout = s.params.get("readout.1.w").toFloatArray();
            // The readouts start at sensible rates: before any training, no session is scored far below the
            // null model of each channel's mean rate.
            s.engine.setRandomSeed(7); // validation samples the posteriors
            for (int i = 0; i < 2; i++) {
                Validator.Result v = new Validator(data.sessions().get(i), i, cfg, s).validate(hyper(cfg), 0, 0);
                assertTrue(v.scores().bps() > -0.5, "session " + i + " starts at " + v.scores().bps() + " bits/spike");
            }
        }
        Path out = dir.resolve("run");
        LfadsRun.Spec spec = new LfadsRun.Spec(List.of(dir.resolve("a.h5"), dir.resolve("b.h5")), "sha", Map.of(), data,
                cfg, 1, out, 2, "test");
        LfadsRun.run(spec, TrainingListener.NONE, Progress.NONE);

        RunDirectory run = new RunDirectory(out);
        try (LfadsSession s = new LfadsSession(data, cfg, 1, 1)) {
            Checkpoint.load(run.lastCheckpoint(), s.params, new MemberAdamW(s.params, 1e-8));
            assertArrayEquals(readin, s.params.get("readin.1.w").toFloatArray(), "a frozen read-in is not trained");
            assertFalse(Arrays.equals(readout, s.params.get("readout.1.w").toFloatArray()), "the readout is trained");
        }
        JsonNode summary = run.readSummary();
        assertEquals(2, summary.get("sessions").size());
        for (int i = 0; i < 2; i++) {
            Session d = data.sessions().get(i);
            JsonNode entry = summary.get("sessions").get(i);
            assertEquals(d.name(), entry.get("name").asText());
            assertTrue(entry.get("scores").get("valid").get("rate_r2").isNumber());
            try (HdfFile h5 = new HdfFile(out.resolve(entry.get("output_file").asText()))) {
                int[] dims = h5.getDatasetByPath("valid_output_params").getDimensions();
                assertArrayEquals(new int[] {d.split(Split.VALID).trials(), 20, d.reconChannels()}, dims);
            }
        }
        // The run's scores are the sessions' weighted by their trials (equal counts here: the plain mean).
        double a = summary.get("sessions").get(0).get("scores").get("valid").get("bps").asDouble();
        double b = summary.get("sessions").get(1).get("scores").get("valid").get("bps").asDouble();
        assertEquals((a + b) / 2, summary.get("scores").get("valid").get("bps").asDouble(), 1e-9);
    }

    @Test
    void aRunStoppedMidwayResumesAndEndsAsAnUninterruptedOne() throws Exception {
        Dataset data = new Dataset(List.of(session("a", 8, 11, 20), session("b", 12, 12, 20)));
        LfadsConfig cfg = config("train.max_epochs=4");
        LfadsRun.Spec straight = new LfadsRun.Spec(List.of(dir.resolve("a.h5"), dir.resolve("b.h5")), "sha", Map.of(),
                data, cfg, 3, dir.resolve("straight"), 2, "test");
        LfadsRun.run(straight, TrainingListener.NONE, Progress.NONE);

        LfadsRun.Spec twice = new LfadsRun.Spec(straight.dataFiles(), "sha", Map.of(), data, cfg, 3,
                dir.resolve("twice"), 2, "test");
        // Stop in the third epoch: epochs 0 and 1 are checkpointed, the rest is redone on resume.
        TrainingListener stopper = new TrainingListener() {
            private int epochs;

            @Override
            public void onEpoch(EpochMetrics m) {
                epochs++;
            }

            @Override
            public boolean stopRequested() {
                return epochs == 2;
            }
        };
        assertThrows(TrainingStoppedException.class, () -> LfadsRun.run(twice, stopper, Progress.NONE));
        LfadsRun.run(twice, TrainingListener.NONE, Progress.NONE);
        List<String> a = java.nio.file.Files.readAllLines(dir.resolve("straight").resolve("metrics.csv"));
        List<String> b = java.nio.file.Files.readAllLines(dir.resolve("twice").resolve("metrics.csv"));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            // Every column but the wall time per epoch (the last) replays exactly.
            assertEquals(a.get(i).substring(0, a.get(i).lastIndexOf(',')), b.get(i).substring(0, b.get(i).lastIndexOf(',')));
        }
    }

    @Test
    void trainReadinMakesTheReadinsParametersAndTrainingChangesThem() {
        Dataset data = new Dataset(List.of(session("a", 8, 11, 20), session("b", 12, 12, 20)));
        LfadsConfig cfg = config("model.train_readin=true", "model.readin_dim=5");
        try (LfadsSession s = new LfadsSession(data, cfg, 1, 1)) {
            assertTrue(s.params.trainable().containsKey("readin.0.w"));
            assertEquals(5, s.model.shape(0).encoderInput());
            float[] before = s.params.get("readin.0.w").toFloatArray();
            MemberAdamW opt = new MemberAdamW(s.params, 1e-8);
            TrainStep step = new TrainStep(s, cfg, opt);
            int[][] rows = {{0, 1, 2, 3, 4, 5, 6, 7}};
            step.run(0, data.sessions().get(0).split(Split.TRAIN), rows, hyper(cfg), new float[] {0f}, 1, 1,
                    new long[] {1}, org.latentlab.core.model.nn.Noise.ENGINE);
            assertFalse(Arrays.equals(before, s.params.get("readin.0.w").toFloatArray()));
        }
    }

    @Test
    void aStepOnOneSessionLeavesTheOtherSessionsReadinsAndReadoutsAlone() {
        Dataset data = new Dataset(List.of(session("a", 8, 11, 20), session("b", 12, 12, 20)));
        LfadsConfig cfg = config("model.train_readin=true");
        try (LfadsSession s = new LfadsSession(data, cfg, 1, 1)) {
            MemberAdamW opt = new MemberAdamW(s.params, 1e-8);
            TrainStep step = new TrainStep(s, cfg, opt);
            int[][] rows = {{0, 1, 2, 3, 4, 5, 6, 7}};
            float[] decay = {0.1f}; // weight decay would shrink every parameter it reached
            step.run(1, data.sessions().get(1).split(Split.TRAIN), rows, hyper(cfg), decay, 1, 1, new long[] {1},
                    org.latentlab.core.model.nn.Noise.ENGINE);
            float[] readout = s.params.get("readout.1.w").toFloatArray();
            float[] readin = s.params.get("readin.1.w").toFloatArray();
            float[] shared = s.params.get("generator.w_hh").toFloatArray();
            // Session 1's parameters now carry Adam momentum; steps on session 0 must not move them.
            for (int k = 0; k < 3; k++) {
                step.run(0, data.sessions().get(0).split(Split.TRAIN), rows, hyper(cfg), decay, 1, 1, new long[] {k},
                        org.latentlab.core.model.nn.Noise.ENGINE);
            }
            assertArrayEquals(readout, s.params.get("readout.1.w").toFloatArray());
            assertArrayEquals(readin, s.params.get("readin.1.w").toFloatArray());
            assertFalse(Arrays.equals(shared, s.params.get("generator.w_hh").toFloatArray()), "shared weights train");
            assertTrue(s.model.belongsToOtherSession("readout.1.b", 0) && !s.model.belongsToOtherSession("readout.0.b", 0)
                    && !s.model.belongsToOtherSession("generator.w_hh", 0));
        }
    }

    @Test
    void pooledScoresWeighSessionsByTrialsAndSkipTheScoresASessionLacks() {
        Validator.Result a = new Validator.Result(1.0, 0.5, new SplitScores(0.2, Double.NaN, Double.NaN, 0.9));
        Validator.Result b = new Validator.Result(4.0, 2.0, new SplitScores(0.5, 0.1, Double.NaN, 0.6));
        Validator.Result p = Validator.pooled(new Validator.Result[] {a, b}, new int[] {10, 30});
        assertEquals((1.0 * 10 + 4.0 * 30) / 40, p.loss(), 1e-12);
        assertEquals((0.5 * 10 + 2.0 * 30) / 40, p.recon(), 1e-12);
        assertEquals((0.2 * 10 + 0.5 * 30) / 40, p.scores().bps(), 1e-12);
        assertEquals(0.1, p.scores().coBps(), 1e-12, "only session b has held-out channels");
        assertTrue(Double.isNaN(p.scores().fpBps()), "no session has forward bins");
        assertEquals((0.9 * 10 + 0.6 * 30) / 40, p.scores().rateR2(), 1e-12);
    }

    private static org.latentlab.core.model.lfads.MemberHyper hyper(LfadsConfig cfg) {
        var t = cfg.train();
        return org.latentlab.core.model.lfads.MemberHyper.uniform(1, 1e-2, 0, 0, t.klIcScale(), t.klCoScale(),
                t.l2GenScale(), t.l2ConScale(), t.l2IcEncScale(), t.l2CiEncScale());
    }

    @Test
    void sessionsThatDisagreeOnBinsAreRefusedByName() {
        Dataset data = new Dataset(List.of(session("a", 8, 11, 20), session("b", 12, 12, 25)));
        DataException e = assertThrows(DataException.class, () -> new LfadsSession(data, config(), 1, 1));
        assertEquals("session 'b' has 25 bins but session 'a' has 20 (the sessions of one model must share bins, "
                + "bin size, forward bins and external inputs)", e.getMessage());
        Session fine = session("c", 12, 13, 20);
        Session coarse = new Session("d", 20, fine.conversionFactor(), fine.splits(), fine.channelNames(),
                fine.attributes());
        e = assertThrows(DataException.class,
                () -> new Dataset(List.of(session("a", 8, 11, 20), coarse)).checkSessionsAgree());
        assertTrue(e.getMessage().startsWith("session 'd' has bins of 20.0 ms but session 'a' has bins of 10.0 ms"),
                e.getMessage());
    }
}

package org.latentlab.core.data.nwb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;

/** Binning, held-out units, splits and behaviour on tiny files whose answers are known in closed form. */
class NwbImportTest {
    /** Window [go - 100 ms, go + 300 ms) in 8 bins of 50 ms, every trial in train. */
    private static final NwbImportOptions GO = NwbImportOptions.of("go_time", -100, 300, 50).withFractions(0, 0);

    @TempDir
    Path dir;

    @Test
    void spikesOnDecimalBinEdgesGoToTheBinTheyStart() {
        // 0.3 - 0.1 is 0.19999999999999998 in double and (0.35 - lo) / 0.05 falls just short of 3: the
        // 1 ns slack puts 0.35 in bin 3, as decimal arithmetic does.
        double[][] spikes = {{0.1999, 0.2, 0.3499, 0.35, 0.5999, 0.6, 1.15, 1.2}};
        Path f = new TinyNwb().units(new long[] {7}, spikes)
                .trialColumn("start_time", 0.0, 1.0).trialColumn("stop_time", 0.6, 1.5)
                .trialColumn("go_time", 0.3, 1.1).write(dir.resolve("edges.nwb"));
        Tensor3 r = NwbImporter.importSession(f, GO).split(Split.TRAIN).recon();
        assertArrayEquals(new float[] {1, 0, 1, 1, 0, 0, 0, 1}, column(r, 0, 0));
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 0, 0, 0}, column(r, 1, 0));
    }

    @Test
    void trialsWithNaNAlignmentAreSkippedAndCounted() {
        Path f = new TinyNwb()
                .trialColumn("start_time", 0.0, 1.0, 2.0).trialColumn("stop_time", 0.5, 1.5, 2.5)
                .trialColumn("go_time", 0.1, Double.NaN, 2.1).write(dir.resolve("nan.nwb"));
        Session s = NwbImporter.importSession(f, GO);
        assertArrayEquals(new int[] {0, 2}, s.split(Split.TRAIN).trialIds());
        assertEquals("1", s.attributes().get("trials_skipped_nan_align"));
        assertEquals("3", s.attributes().get("trials_in_file"));
    }

    @Test
    void heldOutColumnAsInt8OrBoolMakesReconOnlyChannels() {
        for (Object column : new Object[] {new byte[] {0, 1, 0}, new boolean[] {false, true, false}}) {
            Path f = new TinyNwb().heldOut(column).write(dir.resolve("held.nwb"));
            Session s = NwbImporter.importSession(f, GO);
            assertEquals(List.of("11", "13", "12"), s.channelNames());
            assertEquals(2, s.heldInChannels());
            assertEquals(1, s.heldOutChannels());
            assertEquals("12", s.attributes().get("heldout_units"));
            SplitData d = s.split(Split.TRAIN);
            assertEquals(d.recon().selectChannels(new int[] {0, 1}), d.encod());
            assertEquals(1.0, d.recon().selectChannels(new int[] {2}).sum(), "unit 12's one spike");
            // An explicit rule replaces the column.
            Session none = NwbImporter.importSession(f, GO.withHeldOut(HeldOut.NONE));
            assertEquals(3, none.heldInChannels());
            Session ids = NwbImporter.importSession(f, GO.withHeldOut(HeldOut.parse("11,")));
            assertEquals(List.of("12", "13", "11"), ids.channelNames());
        }
    }

    @Test
    void splitColumnAssignsTrialsAndDropsNone() {
        Path f = new TinyNwb()
                .trialColumn("start_time", 0.0, 1.0, 2.0, 3.0).trialColumn("stop_time", 0.5, 1.5, 2.5, 3.5)
                .trialColumn("go_time", 0.1, 1.1, 2.1, 3.1).split("train", "val", "test", "none")
                .write(dir.resolve("split.nwb"));
        Session s = NwbImporter.importSession(f, GO.withSplitColumn(true));
        assertArrayEquals(new int[] {0}, s.split(Split.TRAIN).trialIds());
        assertArrayEquals(new int[] {1}, s.split(Split.VALID).trialIds());
        assertArrayEquals(new int[] {2}, s.split(Split.TEST).trialIds());
        assertEquals(3, s.totalTrials());
        assertEquals(3.0, s.split(Split.TRAIN).recon().sum(), "spikes at 0.1, 0.2 (unit 11) and 0.3 s (unit 12)");
        assertEquals(3.0, s.split(Split.VALID).recon().sum(), "unit 13's spikes at 1.1, 1.2, 1.3 s");
    }

    @Test
    void behaviourIsTheMeanOfTheSamplesInEachBin() {
        // 1 kHz samples at (i + 0.5) ms up to 1.3 s: each 50 ms bin holds 50 samples whose mean time is the bin
        // centre, so a linear signal averages to its value there. Trial 1's last two bins have no samples.
        int n = 1300;
        double[] t = new double[n];
        double[][] v = new double[n][2];
        for (int i = 0; i < n; i++) {
            t[i] = (i + 0.5) / 1000;
            v[i][0] = 3 + 2 * t[i];
            v[i][1] = -5 * t[i];
        }
        v[10][0] = Double.NaN; // t = 10.5 ms, trial 0, bin 0
        Path f = new TinyNwb().series("hand_vel", t, v).series("Position/eye_pos", 0.0, 100.0, new double[5][1], 1.0)
                .write(dir.resolve("behaviour.nwb"));
        Session s = NwbImporter.importSession(f, GO);
        assertEquals("hand_vel", s.attributes().get("behavior"));
        Tensor3 b = s.split(Split.TRAIN).behavior();
        assertArrayEquals(new int[] {2, 8, 2}, b.shape());
        double[] lo = {0.0, 1.0};
        for (int trial = 0; trial < 2; trial++) {
            for (int k = 0; k < 8; k++) {
                double centre = lo[trial] + (k + 0.5) * 0.05;
                if (trial == 1 && k >= 6) {
                    assertTrue(Float.isNaN(b.get(trial, k, 0)) && Float.isNaN(b.get(trial, k, 1)), "empty bin " + k);
                    continue;
                }
                double expect0 = 3 + 2 * centre;
                if (trial == 0 && k == 0) {
                    expect0 = 3 + 2 * ((0.025 * 50 - 0.0105) / 49); // the NaN sample is left out of the mean
                }
                assertEquals(expect0, b.get(trial, k, 0), 1e-5, "trial " + trial + " bin " + k);
                assertEquals(-5 * centre, b.get(trial, k, 1), 1e-5, "trial " + trial + " bin " + k);
            }
        }
    }

    @Test
    void behaviourTimedByStartingTimeAndRateWithConversion() {
        int n = 2000;
        double[][] raw = new double[n][1];
        for (int i = 0; i < n; i++) {
            raw[i][0] = 1 + (i + 0.5) / 1000; // raw value = 1 + t, stored at half the real scale
        }
        Path f = new TinyNwb().series("Position/cursor_pos", 0.0005, 1000.0, raw, 2.0).write(dir.resolve("rate.nwb"));
        NwbFile read = NwbReader.read(f);
        NwbTimeSeries series = read.behavior().get("Position/cursor_pos");
        assertEquals(n, series.samples());
        assertEquals(1.9995, series.timestamps()[n - 1], 1e-12);
        Session s = NwbImporter.importSession(f, GO);
        assertEquals("Position/cursor_pos", s.attributes().get("behavior"), "the only series is used");
        Tensor3 b = s.split(Split.TRAIN).behavior();
        for (int k = 0; k < 8; k++) {
            assertEquals(2 * (1 + 1.0 + (k + 0.5) * 0.05), b.get(1, k, 0), 1e-5, "bin " + k);
        }
    }

    @Test
    void noBehaviourWhenTheFileHasNone() {
        Path f = new TinyNwb().write(dir.resolve("plain.nwb"));
        Session s = NwbImporter.importSession(f, GO);
        assertNull(s.split(Split.TRAIN).behavior());
        assertEquals("", s.attributes().get("behavior"));
    }

    @Test
    void readerExposesUnitsAndTrials() {
        Path f = new TinyNwb().heldOut(new byte[] {0, 0, 1}).split("train", "test").write(dir.resolve("r.nwb"));
        NwbFile r = NwbReader.read(f);
        assertArrayEquals(new long[] {11, 12, 13}, r.units().ids());
        assertArrayEquals(new double[] {1.10, 1.20, 1.30}, r.units().spikeTimes(2));
        assertArrayEquals(new boolean[] {false, false, true}, r.units().heldOut());
        assertEquals(List.of("start_time", "stop_time", "go_time"), r.trials().columnNames());
        assertArrayEquals(new String[] {"train", "test"}, r.trials().split());
        assertEquals(6, r.units().totalSpikes());
    }

    private static float[] column(Tensor3 t, int trial, int channel) {
        float[] out = new float[t.time()];
        for (int k = 0; k < out.length; k++) {
            out[k] = t.get(trial, k, channel);
        }
        return out;
    }
}

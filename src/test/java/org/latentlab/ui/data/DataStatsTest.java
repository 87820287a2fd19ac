package org.latentlab.ui.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;
import org.junit.jupiter.api.Test;

/** PSTHs, rates and time axes against numbers worked out by hand. */
class DataStatsTest {
    /**
     * Three trials, two bins, two channels, 10 ms bins; conditions 0, 1, 0. Channel 1 of trial 2, bin 1 is
     * unobserved (NaN).
     */
    static Session tiny(double binMs, Map<String, String> attributes) {
        float nan = Float.NaN;
        Tensor3 x = Tensor3.of(new float[][][] {
            {{1, 0}, {0, 2}},
            {{2, 1}, {3, 1}},
            {{3, 4}, {2, nan}},
        });
        SplitData train = SplitData.of(x, null).withConditionIds(new int[] {0, 1, 0});
        return new Session("tiny", binMs, 1.0, Map.of(Split.TRAIN, train), List.of(), attributes);
    }

    @Test
    void psthIsTheMeanCountPerConditionInSpikesPerSecond() {
        DataStats.Psth p = DataStats.psth(tiny(10, Map.of()), Split.TRAIN, 0);
        // Condition 0: trials 0 and 2 -> (1+3)/2 = 2 and (0+2)/2 = 1 per 10 ms bin = 200 and 100 Hz.
        // Condition 1: trial 1 -> 2 and 3 per bin = 200 and 300 Hz.
        assertEquals(2, p.lines().size());
        assertEquals(0, p.lines().get(0).condition());
        assertEquals(2, p.lines().get(0).trials());
        assertArrayEquals(new double[] {200, 100}, p.lines().get(0).values(), 1e-9);
        assertEquals(1, p.lines().get(1).condition());
        assertArrayEquals(new double[] {200, 300}, p.lines().get(1).values(), 1e-9);
        assertArrayEquals(new double[] {5, 15}, p.x(), 1e-12, "bin centres in ms");
        assertEquals("spikes/s", p.unit());
        assertEquals("condition 0 (2)", p.lines().get(0).label());
    }

    @Test
    void psthLeavesUnobservedBinsOutOfTheMean() {
        DataStats.Psth p = DataStats.psth(tiny(10, Map.of()), Split.TRAIN, 1);
        // Condition 0, channel 1: bin 0 = (0+4)/2 = 2; bin 1 = trial 0 only (trial 2 is NaN) = 2 -> 200 Hz each.
        assertArrayEquals(new double[] {200, 200}, p.lines().get(0).values(), 1e-9);
    }

    @Test
    void withoutABinSizeThePsthStaysInCountsPerBin() {
        DataStats.Psth p = DataStats.psth(tiny(Double.NaN, Map.of()), Split.TRAIN, 0);
        assertArrayEquals(new double[] {2, 1}, p.lines().get(0).values(), 1e-9);
        assertEquals("count per bin", p.unit());
        assertArrayEquals(new double[] {0, 1}, p.x(), 1e-12, "bin indices");
        assertEquals("bin", p.axis().label());
    }

    @Test
    void channelRatesPoolEveryObservedBin() {
        double[] r = DataStats.channelRates(tiny(10, Map.of()));
        // Channel 0: (1+0+2+3+3+2)/6 = 11/6 per bin; channel 1: (0+2+1+1+4)/5 = 8/5 per bin (one NaN).
        assertArrayEquals(new double[] {11.0 / 6 * 100, 8.0 / 5 * 100}, r, 1e-9);
    }

    @Test
    void smoothingKeepsAFlatLineFlatAndZeroSigmaChangesNothing() {
        Tensor3 x = Tensor3.of(1, 50, 1, filled(50, 2f));
        Session s = new Session("flat", 5, 1.0, Map.of(Split.TRAIN, SplitData.of(x, null)), List.of(), Map.of());
        DataStats.Psth raw = DataStats.psth(s, Split.TRAIN, 0);
        DataStats.Psth smooth = DataStats.smooth(raw, 20);
        for (double v : smooth.lines().get(0).values()) {
            assertEquals(400, v, 1e-9, "edges are renormalised, so they are not pulled down");
        }
        assertEquals(20, smooth.smoothingMs());
        assertTrue(DataStats.smooth(raw, 0) == raw);
    }

    @Test
    void smoothingSpreadsASpikeSymmetrically() {
        float[] v = new float[21];
        v[10] = 1;
        Session s = new Session("one", 10, 1.0, Map.of(Split.TRAIN, SplitData.of(Tensor3.of(1, 21, 1, v), null)),
                List.of(), Map.of());
        double[] sm = DataStats.smooth(DataStats.psth(s, Split.TRAIN, 0), 10).lines().get(0).values();
        assertEquals(sm[9], sm[11], 1e-12);
        assertTrue(sm[10] > sm[9] && sm[9] > sm[8] && sm[8] > 0);
        double total = 0;
        for (double d : sm) {
            total += d;
        }
        assertEquals(100, total, 1e-6, "one spike in one 10 ms bin: the area (100 Hz x 1 bin) is kept");
    }

    @Test
    void nwbImportsAreTimedFromTheirAlignmentEvent() {
        Session s = tiny(10, Map.of("window_ms", "-250:450", "align_column", "move_onset_time"));
        DataStats.TimeAxis a = DataStats.timeAxis(s);
        assertEquals(-245, a.at(0), 1e-12);
        assertEquals(-250, a.edge(0), 1e-12);
        assertEquals("time from move_onset_time (ms)", a.label());
    }

    @Test
    void trialCountsAreTimeByChannel() {
        float[][] c = DataStats.trialCounts(tiny(10, Map.of()).split(Split.TRAIN), 1);
        assertArrayEquals(new float[] {2, 1}, c[0]);
        assertArrayEquals(new float[] {3, 1}, c[1]);
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}

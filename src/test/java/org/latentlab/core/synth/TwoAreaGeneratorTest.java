package org.latentlab.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;

class TwoAreaGeneratorTest {
    private static Session all;
    private static float[][][] latents;
    private static int[] cond;

    @BeforeAll
    static void generate() {
        all = SynthKinds.get("two-area", Map.of("latents", "all", "trials", "240")).generate(7, "murray");
        latents = SynthTestUtil.byTrial(all, SplitData::latentsTruth);
        cond = SynthTestUtil.conditionsByTrial(all);
    }

    private static double closedForm(double current) {
        double x = 270 * current - 108;
        return x / (1 - Math.exp(-0.154 * x));
    }

    @Test
    void transferFunctionMatchesClosedFormAndItsLimit() {
        MurrayModel m = MurrayModel.defaults();
        for (double i : new double[] {0.2, 0.3, 0.35, 0.41, 0.5, 0.7}) {
            assertEquals(closedForm(i), m.rate(i), 1e-9 * Math.max(1, closedForm(i)), "I=" + i);
        }
        // a I - b = 0: the quotient is 0/0, its limit is 1/c
        assertEquals(1 / 0.154, m.rate(108.0 / 270.0), 1e-9);
        double exactZero = new MurrayModel(1, 0, 0.154, 60, 0.641, 0.334, 0, 0, 0, 0, 0, 0, 0, 0).rate(0.0);
        assertEquals(1 / 0.154, exactZero, 1e-12);
        // continuous across the switch between the series and the quotient (|c x| = 1e-5)
        for (double x : new double[] {-1e-3, -7e-5, -6.4e-5, 6.4e-5, 7e-5, 1e-3}) {
            double series = 1 / 0.154 + x / 2 + 0.154 * x * x / 12;
            assertEquals(series, m.rate((x + 108) / 270), 1e-9, "x=" + x);
        }
        assertTrue(m.rate(-10) >= 0 && m.rate(-10) < 1e-100, "f vanishes for strongly negative currents");
    }

    @Test
    void couplingBlocksHaveTheReferenceNumbers() {
        double[][] j = MurrayModel.defaults().coupling();
        double[][] want = {
            {0.316935, -0.033065, 0.075, -0.075},
            {-0.033065, 0.316935, -0.075, 0.075},
            {0.02, -0.02, 0.351035, -0.067165},
            {-0.02, 0.02, -0.067165, 0.351035}};
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(want[r], j[r], 1e-12, "row " + r);
        }
        double[][] none = ((TwoAreaGenerator) SynthKinds.get("two-area-nofeedback")).model().coupling();
        double[][] neg = ((TwoAreaGenerator) SynthKinds.get("two-area-negfeedback")).model().coupling();
        for (int r = 2; r < 4; r++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(0, none[r][c], "no PFC to PPC coupling");
            }
        }
        assertArrayEquals(new double[] {-0.06, -0.02}, new double[] {neg[2][0], neg[2][1]}, 1e-12);
        assertArrayEquals(j[0], none[0], "the rest of J is unchanged");
    }

    @Test
    void shapesAndTruthLayout() {
        Session s = TwoAreaGenerator.defaults().generate(7, "murray");
        assertEquals(400, s.totalTrials());
        assertEquals(100, s.bins());
        assertEquals(30, s.reconChannels());
        assertEquals(10, s.binSizeMs());
        assertEquals(100, s.conversionFactor());
        for (Split sp : new Split[] {Split.TRAIN, Split.VALID}) {
            SplitData d = s.split(sp);
            assertEquals(2, d.latentsTruth().channels());
            assertEquals(2, d.inputsTruth().channels());
            assertEquals(2, d.behavior().channels());
            assertNull(d.extInput());
            assertEquals(8, java.util.Arrays.stream(d.conditionIds()).distinct().count(), "every condition in " + sp);
        }
        assertEquals("0:4/32:2,1:8/28:2,2:12/24:2,3:16/20:2,4:20/16:1,5:24/12:1,6:28/8:1,7:32/4:1",
                s.attributes().get("synth.two_area.conditions"));
        assertEquals(s.splits(), TwoAreaGenerator.defaults().generate(7, "murray").splits());
        assertNotEquals(s.split(Split.TRAIN).encod(), TwoAreaGenerator.defaults().generate(8, "murray").split(Split.TRAIN).encod());
    }

    @Test
    void strongEvidenceDecidesThePfcWinner() {
        int[] pfc1Wins = new int[8];
        int[] n = new int[8];
        for (int i = 0; i < latents.length; i++) {
            float[] end = latents[i][99];
            n[cond[i]]++;
            if (end[2] > end[3]) {
                pfc1Wins[cond[i]]++;
            }
            for (float[] bin : latents[i]) {
                for (float v : bin) {
                    assertTrue(v >= 0 && v <= 1, "gating in [0, 1]");
                }
            }
        }
        // condition 7: 32 Hz into PPC1 vs 4 Hz into PPC2; condition 0: the reverse
        assertTrue(pfc1Wins[7] >= 0.9 * n[7], pfc1Wins[7] + " of " + n[7]);
        assertTrue(pfc1Wins[0] <= 0.1 * n[0], pfc1Wins[0] + " of " + n[0]);
        // and the winner ends high, the loser low
        double winner = 0;
        for (int i = 0; i < latents.length; i++) {
            winner += Math.max(latents[i][99][2], latents[i][99][3]) / latents.length;
        }
        assertTrue(winner > 0.5, "mean winning PFC gating " + winner);
    }

    @Test
    void inputsTruthIsPpcGatingThroughFeedforwardWeights() {
        float[][][] u = SynthTestUtil.byTrial(all, SplitData::inputsTruth);
        double maxErr = 0;
        double maxAbs = 0;
        for (int i = 0; i < u.length; i++) {
            for (int t = 0; t < 100; t++) {
                double s1 = latents[i][t][0];
                double s2 = latents[i][t][1];
                maxErr = Math.max(maxErr, Math.abs(u[i][t][0] - (0.075 * s1 - 0.075 * s2)));
                maxErr = Math.max(maxErr, Math.abs(u[i][t][1] - (-0.075 * s1 + 0.075 * s2)));
                maxAbs = Math.max(maxAbs, Math.abs(u[i][t][0]));
            }
        }
        assertTrue(maxErr < 1e-7, "max error " + maxErr);
        assertTrue(maxAbs > 0.02, "inputs are not trivially zero: " + maxAbs);
    }

    @Test
    void withoutFeedbackPpcIgnoresPfc() {
        Map<String, String> base = Map.of("latents", "all", "trials", "16");
        float[][][] a = SynthTestUtil.byTrial(SynthKinds.get("two-area-nofeedback", base).generate(3, "a"), SplitData::latentsTruth);
        float[][][] b = SynthTestUtil.byTrial(SynthKinds.get("two-area-nofeedback", base).withOption("pfc-js", "0.3")
                .generate(3, "b"), SplitData::latentsTruth);
        float[][][] c = SynthTestUtil.byTrial(SynthKinds.get("two-area", base).withOption("pfc-js", "0.3")
                .generate(3, "c"), SplitData::latentsTruth);
        float[][][] d = SynthTestUtil.byTrial(SynthKinds.get("two-area", base).generate(3, "d"), SplitData::latentsTruth);
        boolean pfcDiffers = false;
        boolean ppcDiffersWithFeedback = false;
        for (int i = 0; i < a.length; i++) {
            for (int t = 0; t < 100; t++) {
                assertEquals(a[i][t][0], b[i][t][0], "PPC1 without feedback, trial " + i + " bin " + t);
                assertEquals(a[i][t][1], b[i][t][1]);
                pfcDiffers |= a[i][t][2] != b[i][t][2];
                ppcDiffersWithFeedback |= c[i][t][0] != d[i][t][0];
            }
        }
        assertTrue(pfcDiffers, "changing PFC's recurrence changes PFC");
        assertTrue(ppcDiffersWithFeedback, "with feedback, PFC reaches PPC");
    }

    @Test
    void readoutIsGloballyStandardisedExponential() {
        Session s = TwoAreaGenerator.defaults().withOption("trials", "80").generate(2, "r");
        float[][][] rates = SynthTestUtil.byTrial(s, SplitData::truth);
        double sum = 0;
        double sumSq = 0;
        int count = 0;
        for (float[][] trial : rates) {
            for (float[] bin : trial) {
                for (float r : bin) {
                    double x = Math.log(r / s.conversionFactor()) + 3; // undo exp(x - 3)
                    sum += x;
                    sumSq += x * x;
                    count++;
                }
            }
        }
        double mean = sum / count;
        assertEquals(0, mean, 1e-4, "globally mean-centred");
        assertEquals(1, Math.sqrt(sumSq / count - mean * mean), 1e-4, "globally variance-rescaled");
        assertFalse(s.attributes().get("synth.two_area.readout").isEmpty());
    }

    @Test
    void pulseTrainsCarryTheConditionRates() {
        float[][][] stim = SynthTestUtil.byTrial(all, SplitData::behavior);
        double[] mean = new double[2];
        int trials7 = 0;
        for (int i = 0; i < stim.length; i++) {
            for (int t = 0; t < 100; t++) {
                if (t < 5 || t >= 95) {
                    assertEquals(0f, stim[i][t][0], "no pulses outside the stimulus, bin " + t);
                    assertEquals(0f, stim[i][t][1]);
                }
            }
            if (cond[i] == 7) {
                trials7++;
                for (int t = 5; t < 95; t++) {
                    mean[0] += stim[i][t][0];
                    mean[1] += stim[i][t][1];
                }
            }
        }
        // 32 Hz x 50 ms x 0.012 nA = 0.0192 nA on average (less a little at the cut-off end); 4 Hz: 0.0024 nA
        assertEquals(0.0192, mean[0] / (trials7 * 90), 0.0025);
        assertEquals(0.0024, mean[1] / (trials7 * 90), 0.001);
    }
}

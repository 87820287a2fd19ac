package org.latentlab.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;

class ChaoticRnnGeneratorTest {

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    /** Largest growth of a 1e-8 perturbation over 4 s, from five initial states. */
    private static double growth(ChaoticRnnGenerator g) {
        ChaoticRnn net = g.network(1).net();
        SplittableRandom rng = new SplittableRandom(99);
        double best = 0;
        for (int rep = 0; rep < 5; rep++) {
            double[] x0 = new double[net.units];
            for (int i = 0; i < x0.length; i++) {
                x0[i] = RandomDraws.gaussian(rng);
            }
            double[] y0 = x0.clone();
            y0[0] += 1e-8;
            double[][] x = net.run(x0, null, 400);
            double[][] y = net.run(y0, null, 400);
            best = Math.max(best, distance(x[399], y[399]) / 1e-8);
        }
        return best;
    }

    @Test
    void nearbyStatesDivergeAtTheDefaultGainAndConvergeAtHalf() {
        double chaotic = growth(ChaoticRnnGenerator.defaults());
        assertTrue(chaotic > 1e4, "a 1e-8 perturbation grew only " + chaotic + "x");
        double stable = growth((ChaoticRnnGenerator) ChaoticRnnGenerator.defaults()
                .withOptions(Map.of("gamma", "0.5", "max-draws", "1")));
        assertTrue(stable < 1, "with gain 0.5 perturbations should shrink, grew " + stable + "x");
    }

    @Test
    void autonomousShapesTruthAndDeterminism() {
        ChaoticRnnGenerator g = (ChaoticRnnGenerator) SynthKinds.get("chaotic-rnn", Map.of("trials", "100"));
        Session s = g.generate(3, "rnn");
        assertEquals("chaotic-rnn", s.attributes().get("synth.kind"));
        assertEquals(100, s.totalTrials());
        assertEquals(100, s.bins());
        assertEquals(50, s.reconChannels());
        assertEquals(100, s.conversionFactor());
        assertTrue(Double.parseDouble(s.attributes().get("synth.rnn.lyapunov_per_s")) >= 0.5);
        SplitData train = s.split(Split.TRAIN);
        assertEquals(100, train.latentsTruth().channels());
        assertNull(train.inputsTruth());
        for (int i = 0; i < train.trials(); i += 7) {
            for (int t = 0; t < 100; t += 9) {
                for (int n = 0; n < 50; n++) {
                    double r = train.latentsTruth().get(i, t, n);
                    assertTrue(r > -1 && r < 1);
                    assertEquals(30 * (r + 1) / 2, train.truth().get(i, t, n), 1e-4);
                }
            }
        }
        assertEquals(s.splits(), g.generate(3, "rnn").splits());
        assertNotEquals(train.latentsTruth(), g.generate(4, "rnn").split(Split.TRAIN).latentsTruth());
    }

    @Test
    void inputsAreOneBinPulsesInTheMiddleHalf() {
        Session s = SynthKinds.get("chaotic-rnn-inputs", Map.of("trials", "60")).generate(5, "in");
        assertEquals("chaotic-rnn-inputs", s.attributes().get("synth.kind"));
        float[][][] u = SynthTestUtil.byTrial(s, SplitData::inputsTruth);
        int[] firstBins = new int[u.length];
        for (int i = 0; i < u.length; i++) {
            int nonzero = 0;
            for (int t = 0; t < 100; t++) {
                if (u[i][t][0] != 0) {
                    assertEquals(20f, u[i][t][0]);
                    assertTrue(t >= 25 && t < 75, "pulse at bin " + t);
                    firstBins[i] = t;
                    nonzero++;
                }
            }
            assertEquals(1, nonzero, "trial " + i);
        }
        // trials of one condition share the initial state but not the pulse time
        assertNotEquals(firstBins[0], firstBins[20] == firstBins[0] ? firstBins[40] : firstBins[20]);
        assertTrue(s.split(Split.VALID).extInput() == null, "true inputs are never given as ext_input");
    }

    @Test
    void longTrialsGetSeveralPulses() {
        SyntheticGenerator g = SynthKinds.get("chaotic-rnn-inputs").withOptions(Map.of("time", "500", "trials", "20"));
        Session s = g.generate(2, "long");
        assertEquals(500, s.bins());
        float[][][] u = SynthTestUtil.byTrial(s, SplitData::inputsTruth);
        for (float[][] trial : u) {
            int[] perSegment = new int[5];
            for (int t = 0; t < 500; t++) {
                if (trial[t][0] != 0) {
                    int seg = t / 100;
                    assertTrue(t % 100 >= 25 && t % 100 < 75, "pulse at bin " + t);
                    perSegment[seg]++;
                }
            }
            assertArrayEquals(new int[] {1, 1, 1, 1, 1}, perSegment);
        }
    }

    @Test
    void aPulseVisiblyPerturbsTheTrajectory() {
        Map<String, String> opts = Map.of("trials", "40");
        Session with = SynthKinds.get("chaotic-rnn-inputs", opts).generate(8, "with");
        Session without = SynthKinds.get("chaotic-rnn", opts).generate(8, "without");
        float[][][] u = SynthTestUtil.byTrial(with, SplitData::inputsTruth);
        float[][][] a = SynthTestUtil.byTrial(with, SplitData::latentsTruth);
        float[][][] b = SynthTestUtil.byTrial(without, SplitData::latentsTruth);
        for (int i = 0; i < u.length; i++) {
            int pulse = 0;
            while (u[i][pulse][0] == 0) {
                pulse++;
            }
            for (int t = 0; t < pulse; t++) {
                assertArrayEquals(b[i][t], a[i][t], "identical before the pulse, trial " + i + " bin " + t);
            }
            double kick = 0;
            for (int t = pulse; t < pulse + 5; t++) {
                for (int n = 0; n < 100; n++) {
                    kick = Math.max(kick, Math.abs(a[i][t][n] - b[i][t][n]));
                }
            }
            assertTrue(kick > 0.5, "trial " + i + ": the pulse moved tanh(x) by only " + kick);
        }
    }
}

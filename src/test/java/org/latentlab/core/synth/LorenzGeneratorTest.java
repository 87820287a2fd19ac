package org.latentlab.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;

class LorenzGeneratorTest {
    private static Session session;
    private static float[][][] latents;
    private static float[][][] rates;
    private static float[][][] counts;
    private static int[] cond;

    @BeforeAll
    static void generate() {
        session = LorenzGenerator.defaults().generate(1, "lorenz");
        latents = SynthTestUtil.byTrial(session, SplitData::latentsTruth);
        rates = SynthTestUtil.byTrial(session, SplitData::truth);
        counts = SynthTestUtil.byTrial(session, SplitData::encod);
        cond = SynthTestUtil.conditionsByTrial(session);
    }

    @Test
    void shapesSplitsAndUnits() {
        assertEquals(10, session.binSizeMs());
        assertEquals(100, session.conversionFactor());
        assertEquals(400, session.totalTrials());
        assertEquals(320, session.split(Split.TRAIN).trials());
        assertEquals(80, session.split(Split.VALID).trials());
        assertFalse(session.has(Split.TEST));
        assertEquals(100, session.bins());
        assertEquals(30, session.reconChannels());
        assertEquals(0, session.heldOutChannels());
        for (SplitData d : session.splits().values()) {
            assertSame(d.encod(), d.recon());
            assertEquals(3, d.latentsTruth().channels());
            assertNull(d.inputsTruth());
            assertNull(d.extInput());
            assertNull(d.encod().firstNonCount(), "counts are non-negative integers");
        }
        int[] perCondition = new int[20];
        for (int c : cond) {
            perCondition[c]++;
        }
        for (int n : perCondition) {
            assertEquals(20, n);
        }
        assertEquals("lorenz", session.attributes().get("synth.kind"));
        assertEquals("1", session.attributes().get("synth.seed"));
        assertTrue(session.attributes().get("synth.params").contains("\"trials\":400"));
    }

    @Test
    void sameSeedIsBitIdenticalOtherSeedDiffers() {
        Session again = LorenzGenerator.defaults().generate(1, "lorenz");
        assertEquals(session.splits(), again.splits());
        assertEquals(session.attributes(), again.attributes());
        Session other = LorenzGenerator.defaults().generate(2, "lorenz");
        assertNotEquals(session.split(Split.TRAIN).encod(), other.split(Split.TRAIN).encod());
        assertNotEquals(session.split(Split.TRAIN).latentsTruth(), other.split(Split.TRAIN).latentsTruth());
    }

    @Test
    void aNeuronSeedKeepsTheTrajectoriesAndDrawsOtherNeurons() {
        LorenzGenerator d = LorenzGenerator.defaults();
        LorenzGenerator other = new LorenzGenerator(d.trials(), d.conditions(), d.time(), d.neurons(), d.binMs(), d.dt(),
                d.substeps(), d.burnIn(), d.sigma(), d.rho(), d.beta(), d.baseMin(), d.baseMax(), d.peakMin(),
                d.peakMax(), d.validFraction(), d.testFraction(), 7);
        Session s = other.generate(1, "lorenz");
        assertEquals(session.split(Split.TRAIN).latentsTruth(), s.split(Split.TRAIN).latentsTruth());
        assertArrayEquals(session.split(Split.TRAIN).conditionIds(), s.split(Split.TRAIN).conditionIds());
        assertNotEquals(session.split(Split.TRAIN).truth(), s.split(Split.TRAIN).truth());
    }

    @Test
    void latentsAreZScoredOverEverything() {
        for (int d = 0; d < 3; d++) {
            double sum = 0;
            double sumSq = 0;
            int n = 0;
            for (float[][] trial : latents) {
                for (float[] bin : trial) {
                    sum += bin[d];
                    sumSq += bin[d] * bin[d];
                    n++;
                }
            }
            double mean = sum / n;
            assertEquals(0, mean, 1e-5, "mean of dim " + d);
            assertEquals(1, Math.sqrt(sumSq / n - mean * mean), 1e-5, "sd of dim " + d);
        }
    }

    @Test
    void trialsOfAConditionShareTheTrajectory() {
        assertArrayEquals(latents[0], latents[20]);
        assertArrayEquals(rates[3], rates[383]);
        assertFalse(java.util.Arrays.deepEquals(latents[0], latents[1]));
        assertFalse(java.util.Arrays.deepEquals(counts[0], counts[20]), "independent Poisson noise per trial");
    }

    private static double[] raw(float[] z, double[] mean, double[] sd) {
        return new double[] {z[0] * sd[0] + mean[0], z[1] * sd[1] + mean[1], z[2] * sd[2] + mean[2]};
    }

    private static double[] lorenz(double[] x) {
        return new double[] {10 * (x[1] - x[0]), x[0] * (28 - x[2]) - x[1], x[0] * x[1] - 8.0 / 3.0 * x[2]};
    }

    @Test
    void latentsFollowTheLorenzFlow() {
        double[] mean = SynthTestUtil.parseList(session.attributes().get("synth.lorenz.latent_mean"));
        double[] sd = SynthTestUtil.parseList(session.attributes().get("synth.lorenz.latent_sd"));
        double dt = 0.006;
        for (int c = 0; c < 20; c += 3) {
            for (int t = 1; t < 99; t += 7) {
                // (a) one bin of the exact flow, from an independent midpoint integrator at a tiny step
                double[] x = raw(latents[c][t], mean, sd);
                int steps = 6000;
                double h = dt / steps;
                for (int s = 0; s < steps; s++) {
                    double[] k1 = lorenz(x);
                    double[] mid = {x[0] + h / 2 * k1[0], x[1] + h / 2 * k1[1], x[2] + h / 2 * k1[2]};
                    double[] k2 = lorenz(mid);
                    for (int d = 0; d < 3; d++) {
                        x[d] += h * k2[d];
                    }
                }
                double[] next = raw(latents[c][t + 1], mean, sd);
                for (int d = 0; d < 3; d++) {
                    assertEquals(next[d], x[d], 1e-4, "flow map, condition " + c + " bin " + t + " dim " + d);
                }
                // (b) the central difference of the trajectory matches the vector field
                double[] prev = raw(latents[c][t - 1], mean, sd);
                double[] f = lorenz(raw(latents[c][t], mean, sd));
                double norm = Math.sqrt(f[0] * f[0] + f[1] * f[1] + f[2] * f[2]);
                for (int d = 0; d < 3; d++) {
                    double fd = (next[d] - prev[d]) / (2 * dt);
                    assertEquals(f[d], fd, 0.02 * norm + 0.5, "finite difference, bin " + t + " dim " + d);
                }
            }
        }
    }

    @Test
    void readoutIsExponentialWithBaselinesInRangeAndPeaksInRange() {
        int n = 0;
        int trials = latents.length;
        double[][] x = new double[trials * 100][];
        for (int neuron = 0; neuron < 30; neuron++) {
            double[] y = new double[trials * 100];
            double peak = 0;
            n = 0;
            for (int i = 0; i < trials; i++) {
                for (int t = 0; t < 100; t++) {
                    x[n] = new double[] {latents[i][t][0], latents[i][t][1], latents[i][t][2]};
                    y[n++] = Math.log(rates[i][t][neuron]);
                    peak = Math.max(peak, rates[i][t][neuron]);
                }
            }
            double[] beta = SynthTestUtil.regress(x, y);
            double maxResidual = 0;
            for (int r = 0; r < n; r++) {
                double fit = beta[0] + beta[1] * x[r][0] + beta[2] * x[r][1] + beta[3] * x[r][2];
                maxResidual = Math.max(maxResidual, Math.abs(fit - y[r]));
            }
            assertTrue(maxResidual < 1e-4, "log rate is linear in the latents, residual " + maxResidual);
            double base = Math.exp(beta[0]);
            assertTrue(base >= 5 - 1e-3 && base <= 15 + 1e-3, "baseline " + base);
            assertTrue(peak >= 50 - 1e-3 && peak <= 100 + 1e-3, "peak " + peak);
        }
    }

    @Test
    void countsMatchTruthWithinPoissonError() {
        double cf = session.conversionFactor();
        double allObserved = 0;
        double allExpected = 0;
        for (int neuron = 0; neuron < 30; neuron++) {
            double observed = 0;
            double expected = 0;
            for (int i = 0; i < counts.length; i++) {
                for (int t = 0; t < 100; t++) {
                    observed += counts[i][t][neuron];
                    expected += rates[i][t][neuron] / cf;
                }
            }
            assertEquals(expected, observed, 5 * Math.sqrt(expected), "neuron " + neuron);
            allObserved += observed;
            allExpected += expected;
        }
        assertEquals(allExpected, allObserved, 4 * Math.sqrt(allExpected));
        // and bin by bin: the condition-averaged counts follow the condition's rate
        double chi2 = 0;
        int cells = 0;
        for (int c = 0; c < 20; c++) {
            for (int t = 0; t < 100; t += 5) {
                for (int neuron = 0; neuron < 30; neuron += 3) {
                    double obs = 0;
                    double exp = 0;
                    for (int i = c; i < counts.length; i += 20) {
                        obs += counts[i][t][neuron];
                        exp += rates[i][t][neuron] / cf;
                    }
                    chi2 += (obs - exp) * (obs - exp) / exp;
                    cells++;
                }
            }
        }
        assertEquals(cells, chi2, 5 * Math.sqrt(2.0 * cells), "Pearson statistic over " + cells + " cells");
    }
}

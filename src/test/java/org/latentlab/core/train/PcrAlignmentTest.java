package org.latentlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;

/**
 * Principal-component regression must map sessions that observe one latent trajectory through different
 * neurons into one space: checked on noise-free linear sessions, where the answer is known.
 */
class PcrAlignmentTest {
    private static final int CONDITIONS = 6;
    private static final int TRIALS_PER_CONDITION = 3;
    private static final int BINS = 30;

    /** A smooth 3-D latent per condition and bin. */
    private static double[] latent(int c, int t) {
        double phase = 2 * Math.PI * c / CONDITIONS;
        double s = 2 * Math.PI * t / BINS;
        return new double[] {Math.sin(s + phase), Math.cos(2 * s - phase), Math.sin(0.5 * s + 2 * phase)};
    }

    /** Session whose channel n reads {@code base_n + w_n . z}; every trial of a condition is identical. */
    private static Session linearSession(String name, int neurons, long seed, boolean conditions) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] w = new double[neurons][3];
        double[] base = new double[neurons];
        for (int n = 0; n < neurons; n++) {
            base[n] = 2 + r.nextDouble();
            for (int k = 0; k < 3; k++) {
                w[n][k] = r.nextDouble() - 0.5;
            }
        }
        int trials = CONDITIONS * TRIALS_PER_CONDITION;
        Tensor3.Builder b = Tensor3.builder(trials, BINS, neurons);
        int[] cond = new int[trials];
        for (int i = 0; i < trials; i++) {
            cond[i] = i % CONDITIONS;
            for (int t = 0; t < BINS; t++) {
                double[] z = latent(cond[i], t);
                for (int n = 0; n < neurons; n++) {
                    b.set(i, t, n, (float) (base[n] + w[n][0] * z[0] + w[n][1] * z[1] + w[n][2] * z[2]));
                }
            }
        }
        return trainOnly(name, b.build(), conditions ? cond : null);
    }

    /** A session of 10 ms bins with only a training split. */
    private static Session trainOnly(String name, Tensor3 encod, int[] conditions) {
        Map<Split, SplitData> splits = new EnumMap<>(Split.class);
        splits.put(Split.TRAIN, new SplitData(encod, null, null, null, null, null, null, conditions, null));
        return new Session(name, 10, 1, splits, List.of(), Map.of());
    }

    /**
     * A session's PSTHs and what its starting readout makes of them: {@code {psth, readout output}}, the
     * readout reading the projection at unit variance per component, as it reads the factors.
     */
    private static double[][][] psthAndReadout(Session s, PcrAlignment.Start st, java.util.Set<Integer> conds) {
        double[][] x = PcrAlignment.psth(s.split(Split.TRAIN).encod(), s.split(Split.TRAIN).conditionIds(), conds, BINS);
        double[][] out = PcrAlignment.multiply(PcrAlignment.standardised(project(s, st, conds)), st.readoutW());
        return new double[][][] {x, out};
    }

    /** The read-in's projection of a session's PSTHs, {@code [rows][D]}. */
    private static double[][] project(Session s, PcrAlignment.Start st, java.util.Set<Integer> conds) {
        double[][] x = PcrAlignment.psth(s.split(Split.TRAIN).encod(), s.split(Split.TRAIN).conditionIds(), conds, BINS);
        double[][] z = PcrAlignment.multiply(x, st.readinW());
        for (double[] row : z) {
            for (int k = 0; k < row.length; k++) {
                row[k] += st.readinB()[k];
            }
        }
        return z;
    }

    @Test
    void sessionsOfOneLatentTrajectoryAreReadIntoOneSpace() {
        List<Session> sessions = List.of(linearSession("a", 9, 1, true), linearSession("b", 14, 2, true));
        PcrAlignment.Result pcr = PcrAlignment.fit(sessions, 3, false);
        assertTrue(pcr.aligned());
        assertEquals(CONDITIONS, pcr.conditions());
        assertEquals(1.0, pcr.explained(), 1e-9, "three components hold a rank-3 signal");
        java.util.Set<Integer> conds = PcrAlignment.sharedConditions(sessions);
        double[][] za = project(sessions.get(0), pcr.sessions().get(0), conds);
        double[][] zb = project(sessions.get(1), pcr.sessions().get(1), conds);
        double diff = 0;
        double norm = 0;
        double[] var = new double[3];
        for (int r = 0; r < za.length; r++) {
            for (int k = 0; k < 3; k++) {
                diff += (za[r][k] - zb[r][k]) * (za[r][k] - zb[r][k]);
                norm += za[r][k] * za[r][k];
                var[k] += za[r][k] * za[r][k] / za.length;
            }
        }
        assertTrue(Math.sqrt(diff / norm) < 0.02, "both sessions land on the same components: " + Math.sqrt(diff / norm));
        // The first component has unit variance (shrunk a little by the ridge), the others less, in order.
        assertTrue(var[0] > 0.9 && var[0] <= 1.0 + 1e-9, "component 0 variance " + var[0]);
        assertTrue(var[1] < var[0] && var[2] < var[1], java.util.Arrays.toString(var));
    }

    @Test
    void theReadoutMapsTheSharedSpaceBackToEachSessionsChannels() {
        List<Session> sessions = List.of(linearSession("a", 9, 3, true), linearSession("b", 5, 4, true));
        PcrAlignment.Result pcr = PcrAlignment.fit(sessions, 3, false);
        java.util.Set<Integer> conds = PcrAlignment.sharedConditions(sessions);
        for (int i = 0; i < 2; i++) {
            PcrAlignment.Start st = pcr.sessions().get(i);
            double[][][] xb = psthAndReadout(sessions.get(i), st, conds);
            double[][] x = xb[0];
            double[][] back = xb[1];
            double err = 0;
            double ss = 0;
            double[] mu = PcrAlignment.means(x);
            for (int r = 0; r < x.length; r++) {
                for (int n = 0; n < mu.length; n++) {
                    double pred = back[r][n] + st.readoutB()[n];
                    err += (pred - x[r][n]) * (pred - x[r][n]);
                    ss += (x[r][n] - mu[n]) * (x[r][n] - mu[n]);
                }
            }
            assertTrue(1 - err / ss > 0.97, "session " + i + " reconstructed with R2 " + (1 - err / ss));
        }
    }

    /** Channel n fires at {@code peak} in condition n % 20 and at {@code base} otherwise: sparse tuning. */
    private static Session tunedSession(String name, int neurons, double base, double peak) {
        int conditions = 20;
        int trials = conditions * TRIALS_PER_CONDITION;
        Tensor3.Builder b = Tensor3.builder(trials, BINS, neurons);
        int[] cond = new int[trials];
        for (int i = 0; i < trials; i++) {
            cond[i] = i % conditions;
            for (int t = 0; t < BINS; t++) {
                for (int n = 0; n < neurons; n++) {
                    b.set(i, t, n, (float) (n % conditions == cond[i] ? peak : base));
                }
            }
        }
        return trainOnly(name, b.build(), cond);
    }

    @Test
    void aPoissonReadoutStartsNearTheRatesOfSparselyTunedLowRateChannels() {
        List<Session> sessions = List.of(tunedSession("a", 12, 0.01, 1), tunedSession("b", 18, 0.01, 1));
        PcrAlignment.Result pcr = PcrAlignment.fit(sessions, 20, true);
        java.util.Set<Integer> conds = PcrAlignment.sharedConditions(sessions);
        for (int i = 0; i < 2; i++) {
            PcrAlignment.Start st = pcr.sessions().get(i);
            double[][][] xb = psthAndReadout(sessions.get(i), st, conds);
            double[][] x = xb[0];
            double[][] logRate = xb[1];
            double worst = 0;
            for (int r = 0; r < x.length; r++) {
                for (int n = 0; n < x[0].length; n++) {
                    double pred = Math.exp(logRate[r][n] + st.readoutB()[n]);
                    worst = Math.max(worst, Math.abs(Math.log(pred / x[r][n])));
                }
            }
            // Linearising exp around the mean started such channels at rates off by a factor of 1e19.
            assertTrue(worst < Math.log(30), "session " + i + ": a rate off by a factor of " + Math.exp(worst));
        }
    }

    @Test
    void ridgeSolvesItsNormalEquations() {
        SplittableRandom r = new SplittableRandom(5);
        double[][] x = new double[20][3];
        double[][] y = new double[20][2];
        for (int i = 0; i < 20; i++) {
            for (int k = 0; k < 3; k++) {
                x[i][k] = r.nextDouble() - 0.5;
            }
            y[i][0] = r.nextDouble();
            y[i][1] = r.nextDouble();
        }
        double[][] w = PcrAlignment.ridge(x, y);
        double[][] xtx = new double[3][3];
        double trace = 0;
        for (double[] row : x) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    xtx[a][b] += row[a] * row[b];
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            trace += xtx[a][a];
        }
        double alpha = 1e-2 * trace / 3;
        for (int a = 0; a < 3; a++) {
            for (int j = 0; j < 2; j++) {
                double lhs = alpha * w[a][j];
                double rhs = 0;
                for (int b = 0; b < 3; b++) {
                    lhs += xtx[a][b] * w[b][j];
                }
                for (int i = 0; i < 20; i++) {
                    rhs += x[i][a] * y[i][j];
                }
                assertEquals(rhs, lhs, 1e-10);
            }
        }
    }

    @Test
    void withoutSharedConditionsEachSessionStartsFromItsOwnComponentsAndSaysSo() {
        List<Session> sessions = List.of(linearSession("a", 9, 1, true), linearSession("b", 14, 2, false));
        PcrAlignment.Result pcr = PcrAlignment.fit(sessions, 3, true);
        assertFalse(pcr.aligned());
        assertTrue(pcr.describe().contains("not aligned across sessions"), pcr.describe());
        assertEquals(9, pcr.sessions().get(0).readinW().length);
        assertEquals(14, pcr.sessions().get(1).readinW().length);
        // A log link starts each channel's readout bias at its log mean.
        assertTrue(pcr.sessions().get(1).readoutB()[0] > Math.log(1.5));
    }

    @Test
    void theStreamedUnalignedStartEqualsTheOneFromAllRows() {
        // A noisy session without condition ids, some entries unobserved.
        Session clean = linearSession("a", 7, 9, false);
        Tensor3 x = clean.split(Split.TRAIN).encod();
        SplittableRandom r = new SplittableRandom(3);
        Tensor3.Builder b = Tensor3.builder(x.trials(), x.time(), x.channels());
        for (int i = 0; i < x.trials(); i++) {
            for (int t = 0; t < x.time(); t++) {
                for (int c = 0; c < x.channels(); c++) {
                    b.set(i, t, c, r.nextInt(50) == 0 ? Float.NaN : (float) (x.get(i, t, c) + r.nextDouble() - 0.5));
                }
            }
        }
        Session s = trainOnly("noisy", b.build(), null);
        for (boolean logLink : new boolean[] {false, true}) {
            PcrAlignment.Start streamed = PcrAlignment.unaligned(s, 4, logLink, new double[1]);
            // The slow way: every smoothed trial-by-bin row held at once.
            Tensor3 t = s.split(Split.TRAIN).encod();
            double[][] rows = new double[t.trials() * BINS][];
            for (int i = 0; i < t.trials(); i++) {
                double[][] trial = new double[BINS][t.channels()];
                for (int k = 0; k < BINS; k++) {
                    for (int c = 0; c < t.channels(); c++) {
                        trial[k][c] = t.get(i, k, c);
                    }
                }
                System.arraycopy(PcrAlignment.smooth(trial), 0, rows, i * BINS, BINS);
            }
            double[] mu = PcrAlignment.means(rows);
            double[][] c = PcrAlignment.centred(rows, mu);
            PcrAlignment.Start slow = PcrAlignment.start(PcrAlignment.ridge(c, PcrAlignment.components(c, 4,
                    new double[1])), mu, rows, rows, logLink);
            assertClose(slow.readinW(), streamed.readinW());
            assertClose(new double[][] {slow.readinB()}, new double[][] {streamed.readinB()});
            assertClose(slow.readoutW(), streamed.readoutW());
            assertClose(new double[][] {slow.readoutB()}, new double[][] {streamed.readoutB()});
        }
    }

    private static void assertClose(double[][] want, double[][] got) {
        for (int i = 0; i < want.length; i++) {
            for (int j = 0; j < want[0].length; j++) {
                // Eigenvectors are defined up to sign; the two covariances agree to rounding, so the signs agree.
                assertEquals(want[i][j], got[i][j], 1e-7 * (1 + Math.abs(want[i][j])), "[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void componentsPastTheRankAreZero() {
        List<Session> sessions = List.of(linearSession("a", 9, 1, true), linearSession("b", 14, 2, true));
        PcrAlignment.Result pcr = PcrAlignment.fit(sessions, 5, false);
        double[][] w = pcr.sessions().get(0).readinW();
        for (double[] row : w) {
            assertEquals(0, row[3], 1e-12);
            assertEquals(0, row[4], 1e-12);
        }
    }
}

package org.latentlab.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoissonSamplerTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.5, 3, 20, 29.9, 30, 80, 1000})
    void meanAndVarianceMatchPoisson(double mu) {
        SplittableRandom rng = new SplittableRandom(17);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            int k = PoissonSampler.sample(mu, rng);
            assertTrue(k >= 0);
            sum += k;
            sumSq += (double) k * k;
        }
        double mean = sum / n;
        double var = (sumSq - n * mean * mean) / (n - 1);
        // 5 standard errors: sd(mean) = sqrt(mu/n); sd(sample variance) = sqrt((mu + 2 mu^2) / n).
        assertEquals(mu, mean, 5 * Math.sqrt(mu / n), "mean for mu=" + mu);
        assertEquals(mu, var, 5 * Math.sqrt((mu + 2 * mu * mu) / n), "variance for mu=" + mu);
    }

    /** The pmf itself, cell by cell, on both sides of the inversion/PTRS switch. */
    @ParameterizedTest
    @ValueSource(doubles = {3, 45})
    void frequenciesMatchThePmf(double mu) {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 300_000;
        int[] hist = new int[400];
        for (int i = 0; i < n; i++) {
            hist[PoissonSampler.sample(mu, rng)]++;
        }
        double chi2 = 0;
        int cells = 0;
        for (int k = 0; k < hist.length; k++) {
            double p = Math.exp(-mu + k * Math.log(mu) - PoissonSampler.logFactorial(k));
            double expected = n * p;
            if (expected >= 20) {
                chi2 += Math.pow(hist[k] - expected, 2) / expected;
                cells++;
            }
        }
        // chi-square with ~cells degrees of freedom: mean cells, sd sqrt(2 cells); allow 5 sd
        assertTrue(chi2 < cells + 5 * Math.sqrt(2.0 * cells), "chi2 " + chi2 + " over " + cells + " cells");
    }

    @Test
    void logFactorialIsAccurateAcrossTheTableBoundary() {
        double exact = 0;
        for (int k = 1; k <= 400; k++) {
            exact += Math.log(k);
            assertEquals(exact, PoissonSampler.logFactorial(k), 1e-12 * exact, "k=" + k);
        }
    }

    @Test
    void zeroMeanGivesZeroAndBadMeansThrow() {
        SplittableRandom rng = new SplittableRandom(1);
        assertEquals(0, PoissonSampler.sample(0, rng));
        assertThrows(IllegalArgumentException.class, () -> PoissonSampler.sample(-1, rng));
        assertThrows(IllegalArgumentException.class, () -> PoissonSampler.sample(Double.NaN, rng));
        assertThrows(IllegalArgumentException.class, () -> PoissonSampler.sample(Double.POSITIVE_INFINITY, rng));
    }

    @Test
    void sameSeedSameDraws() {
        SplittableRandom a = new SplittableRandom(9);
        SplittableRandom b = new SplittableRandom(9);
        for (int i = 0; i < 1000; i++) {
            double mu = i % 2 == 0 ? 2.5 : 60;
            assertEquals(PoissonSampler.sample(mu, a), PoissonSampler.sample(mu, b));
        }
    }
}

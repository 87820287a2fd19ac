package org.latentlab.core.pbt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentlab.core.config.HyperRange;
import org.latentlab.core.config.InitDistribution;

class ExploreTest {
    private static final HyperRange LR = new HyperRange(true, 1e-5, 5e-3, InitDistribution.FIXED, 0.3, true);
    private static final HyperRange KL = new HyperRange(true, 1e-6, 1e-4, InitDistribution.LOG_UNIFORM, 0.8, false);

    @Test
    void fixedInitStartsAtTheConfigValueAndDrawsStayInRange() {
        SplittableRandom rng = new SplittableRandom(1);
        assertEquals(4e-3, Explore.initial(LR, 4e-3, rng));
        HyperRange uniform = new HyperRange(true, 0.0, 0.6, InitDistribution.UNIFORM, 0.3, true);
        int belowTenth = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double u = Explore.initial(uniform, 0.1, rng);
            double l = Explore.initial(KL, 0.1, rng);
            assertTrue(u >= 0 && u <= 0.6, "uniform " + u);
            assertTrue(l >= 1e-6 && l <= 1e-4, "log-uniform " + l);
            if (l < 1e-5) {
                belowTenth++;
            }
        }
        // Log-uniform over two decades: half the draws fall in the first decade.
        assertEquals(0.5, belowTenth / (double) n, 0.02);
    }

    @Test
    void perturbationIsAFactorWithinTheExploreWeightInLogSpaceAndUnbiased() {
        SplittableRandom rng = new SplittableRandom(2);
        double lo = Math.log1p(0.002 * 0.8);
        double hi = Math.log1p(0.8);
        double sumLog = 0;
        int up = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double v = Explore.perturb(KL, 1e-5, rng);
            double step = Math.log(v / 1e-5);
            assertTrue(Math.abs(step) >= lo - 1e-12 && Math.abs(step) <= hi + 1e-12, "log step " + step);
            sumLog += step;
            up += step > 0 ? 1 : 0;
        }
        assertEquals(0.5, up / (double) n, 0.02);
        assertEquals(0.0, sumLog / n, 0.01, "mean log step (the linear form would be negative)");
    }

    @Test
    void enforcedLimitsHoldAndHopelessDrawsAreClipped() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 5000; i++) {
            double v = Explore.perturb(LR, 4.9e-3, rng);
            assertTrue(v >= 1e-5 && v <= 5e-3, "lr " + v);
        }
        // Every factor leaves [1, 1.0001] when w = 10; after 100 tries the value is clipped into the range.
        HyperRange narrow = new HyperRange(true, 1.0, 1.0001, InitDistribution.UNIFORM, 10, true);
        double v = Explore.perturb(narrow, 1.00005, rng);
        assertTrue(v == 1.0 || v == 1.0001, "clipped to a bound: " + v);
    }

    @Test
    void unenforcedLimitsOnlyKeepValuesPositive() {
        SplittableRandom rng = new SplittableRandom(4);
        double v = 1e-4;
        for (int i = 0; i < 200; i++) {
            v = Explore.perturb(KL, v, rng); // a random walk that may leave [min, max]
            assertTrue(v > 0);
        }
    }

    @Test
    void resamplingDrawsFromTheInitialDistribution() {
        SplittableRandom rng = new SplittableRandom(5);
        boolean farAway = false;
        for (int i = 0; i < 200; i++) {
            double v = Explore.explore(KL, 1e-6, 1.0, rng);
            assertTrue(v >= 1e-6 && v <= 1e-4);
            farAway |= v > 1e-5; // a perturbation of 1e-6 could never get there
        }
        assertTrue(farAway);
    }
}

package org.latentlab.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentlab.core.data.Tensor3;

class InputRecoveryTest {
    @Test
    void anAffineTransformOfTheTruthPlusSmallNoiseIsRecovered() {
        Tensor3 truth = EvalTestUtil.gaussian(40, 30, 2, 1);
        double[][] a = {{2, -1, 0.5}, {0.3, 1, -3}};
        Random r = new Random(2);
        Tensor3 clean = EvalTestUtil.affine(truth, a, new double[] {5, -2, 1});
        Tensor3 inferred = EvalTestUtil.tensor(40, 30, 3, (i, j, c) -> clean.get(i, j, c) + 0.01 * r.nextGaussian());
        InputRecovery.Result res = InputRecovery.score(inferred, truth);
        assertTrue(res.correlation() > 0.999, "lag-0 correlation " + res.correlation());
        assertEquals(0, res.bestLag());
        assertEquals(res.correlation(), res.bestLagCorrelation(), 0);
        assertEquals(2, res.perInput().length);
        assertEquals(5, res.byLag().length);
        assertEquals(2, res.maxLag());
        for (double c : res.perInput()) {
            assertTrue(c > 0.999, "per-input correlation " + c);
        }
        // Other lags are much worse on white-noise inputs.
        assertTrue(res.byLag()[0] < 0.2 && res.byLag()[4] < 0.2, java.util.Arrays.toString(res.byLag()));
    }

    @Test
    void aDelayedInferredInputIsFoundAtAPositiveLag() {
        Random r = new Random(3);
        Tensor3 truth = EvalTestUtil.gaussian(30, 40, 1, 4);
        // Inferred comes 2 bins later: inferred[t] = -3 truth[t - 2] + 1 (noise in the first two bins).
        Tensor3 inferred = EvalTestUtil.tensor(30, 40, 1,
                (i, j, c) -> j >= 2 ? 1 - 3 * truth.get(i, j - 2, 0) : r.nextGaussian());
        InputRecovery.Result res = InputRecovery.score(inferred, truth);
        assertEquals(2, res.bestLag());
        assertTrue(res.bestLagCorrelation() > 0.999, "best-lag correlation " + res.bestLagCorrelation());
        assertTrue(Math.abs(res.correlation()) < 0.1, "lag-0 correlation " + res.correlation());
        assertEquals(res.bestLagCorrelation(), res.byLag()[4], 0);
        assertTrue(res.perInputAtBestLag()[0] > 0.999);
        // An inferred input that leads the truth by one bin is found at lag -1.
        Tensor3 early = EvalTestUtil.tensor(30, 40, 1, (i, j, c) -> j < 39 ? truth.get(i, j + 1, 0) : 0);
        assertEquals(-1, InputRecovery.score(early, truth).bestLag());
        assertTrue(InputRecovery.correlationsAtLag(early, truth, -1)[0] > 0.999);
    }

    @Test
    void independentNoiseIsNearZero() {
        Tensor3 truth = EvalTestUtil.gaussian(100, 50, 2, 5);
        Tensor3 inferred = EvalTestUtil.gaussian(100, 50, 3, 6);
        InputRecovery.Result res = InputRecovery.score(inferred, truth);
        assertTrue(Math.abs(res.correlation()) < 0.05, "lag 0: " + res.correlation());
        assertTrue(Math.abs(res.bestLagCorrelation()) < 0.05, "best lag: " + res.bestLagCorrelation());
    }

    @Test
    void theMapIsFittedOnTheFirstHalfOfTrialsAndScoredOnTheSecond() {
        // Trials 0..9 have inferred = truth, trials 10..19 inferred = -truth: the first-half map scores -1.
        Tensor3 truth = EvalTestUtil.gaussian(20, 15, 1, 7);
        Tensor3 inferred = EvalTestUtil.tensor(20, 15, 1, (i, j, c) -> (i < 10 ? 1 : -1) * truth.get(i, j, 0));
        assertEquals(-1.0, InputRecovery.score(inferred, truth, 0).correlation(), 1e-6);
        // With an odd count, the first n/2 = 5 trials fit and the last 6 score.
        Tensor3 truth11 = EvalTestUtil.gaussian(11, 15, 1, 8);
        Tensor3 inferred11 = EvalTestUtil.tensor(11, 15, 1, (i, j, c) -> (i < 5 ? 1 : -1) * truth11.get(i, j, 0));
        assertEquals(-1.0, InputRecovery.score(inferred11, truth11, 0).correlation(), 1e-6);
    }

    @Test
    void aConstantTrueInputGivesNaNAndNaNRowsAreDropped() {
        Tensor3 base = EvalTestUtil.gaussian(10, 20, 1, 9);
        Tensor3 truth = EvalTestUtil.tensor(10, 20, 2, (i, j, c) -> c == 0 ? base.get(i, j, 0) : 4);
        Tensor3 inferred = EvalTestUtil.tensor(10, 20, 1,
                (i, j, c) -> j == 3 ? Double.NaN : 2 * base.get(i, j, 0));
        InputRecovery.Result res = InputRecovery.score(inferred, truth);
        assertEquals(1.0, res.perInput()[0], 1e-9);
        assertTrue(Double.isNaN(res.perInput()[1]));
        assertTrue(Double.isNaN(res.correlation()));
        Tensor3 flatInferred = EvalTestUtil.tensor(10, 20, 1, (i, j, c) -> 0.3);
        assertTrue(Double.isNaN(InputRecovery.score(flatInferred, base).correlation()));
    }

    @Test
    void badArgumentsAreExplained() {
        Tensor3 a = EvalTestUtil.gaussian(4, 10, 2, 1);
        Tensor3 b = EvalTestUtil.gaussian(4, 11, 2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputRecovery.score(a, b));
        assertTrue(e.getMessage().contains("[4, 10, 2]") && e.getMessage().contains("[4, 11, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> InputRecovery.score(EvalTestUtil.gaussian(1, 10, 1, 1), EvalTestUtil.gaussian(1, 10, 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> InputRecovery.score(a, a, 10));
        assertThrows(IllegalArgumentException.class, () -> InputRecovery.score(a, a, -1));
    }
}

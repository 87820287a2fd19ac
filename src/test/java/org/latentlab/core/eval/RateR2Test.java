package org.latentlab.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latentlab.core.data.Tensor3;

class RateR2Test {
    private static final float NAN = Float.NaN;

    @Test
    void perfectPredictionScoresOne() {
        Tensor3 truth = EvalTestUtil.gaussian(4, 10, 3, 1);
        assertEquals(1.0, RateR2.score(truth, truth), 0);
        assertArrayEquals(new double[] {1, 1, 1}, RateR2.perNeuron(truth, truth), 0);
    }

    @Test
    void predictingEachNeuronsMeanScoresZero() {
        // Means 2.5 and -1.5 are exact in float.
        Tensor3 truth = Tensor3.of(new float[][][] {{{1, -1}, {2, -2}}, {{3, -3}, {4, 0}}});
        Tensor3 pred = EvalTestUtil.tensor(2, 2, 2, (i, j, c) -> c == 0 ? 2.5 : -1.5);
        assertEquals(0.0, RateR2.score(truth, pred), 1e-15);
        assertArrayEquals(new double[] {0, 0}, RateR2.perNeuron(truth, pred), 1e-15);
    }

    @Test
    void handComputedTwoByTwoByTwo() {
        // Neuron 0: truth 1,2,3,4 (mean 2.5, SST 5), pred 1,2,2,4 (SSE 1).
        // Neuron 1: truth 0,0,2,2 (mean 1, SST 4), pred 1,0,2,1 (SSE 2).
        Tensor3 truth = Tensor3.of(new float[][][] {{{1, 0}, {2, 0}}, {{3, 2}, {4, 2}}});
        Tensor3 pred = Tensor3.of(new float[][][] {{{1, 1}, {2, 0}}, {{2, 2}, {4, 1}}});
        assertEquals(1 - 3.0 / 9.0, RateR2.score(truth, pred), 1e-15);
        assertArrayEquals(new double[] {0.8, 0.5}, RateR2.perNeuron(truth, pred), 1e-15);
    }

    @Test
    void neuronsWithMoreVarianceWeighMore() {
        // Neuron 0 varies a lot and is predicted well; neuron 1 varies little and is predicted badly.
        Tensor3 truth = EvalTestUtil.tensor(3, 20, 2, (i, j, c) -> c == 0 ? 10 * Math.sin(j + i) : 0.1 * Math.cos(j * i));
        Tensor3 pred = EvalTestUtil.tensor(3, 20, 2, (i, j, c) -> c == 0 ? 10 * Math.sin(j + i) + 0.5 : 1.0);
        double sse = 0;
        double sst = 0;
        double[] perNeuron = new double[2];
        for (int c = 0; c < 2; c++) {
            double mean = 0;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 20; j++) {
                    mean += truth.get(i, j, c) / 60.0;
                }
            }
            double e = 0;
            double t = 0;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 20; j++) {
                    double y = truth.get(i, j, c);
                    e += Math.pow(y - pred.get(i, j, c), 2);
                    t += Math.pow(y - mean, 2);
                }
            }
            sse += e;
            sst += t;
            perNeuron[c] = 1 - e / t;
        }
        double r2 = RateR2.score(truth, pred);
        assertEquals(1 - sse / sst, r2, 1e-12);
        assertArrayEquals(perNeuron, RateR2.perNeuron(truth, pred), 1e-12);
        assertTrue(r2 > 0.95, "dominated by the high-variance neuron: " + r2);
        assertTrue(perNeuron[1] < -10, "the low-variance neuron is badly predicted: " + perNeuron[1]);
        assertNotEquals((perNeuron[0] + perNeuron[1]) / 2, r2, 1.0);
    }

    @Test
    void nanTruthEntriesAreSkippedEverywhere() {
        // Observed truth 1, 3 (mean 2, SST 2); pred 1, 2 (SSE 1); the NaN bin's pred is ignored, even if NaN.
        Tensor3 truth = Tensor3.of(new float[][][] {{{1}, {NAN}, {3}}});
        Tensor3 pred = Tensor3.of(new float[][][] {{{1}, {NAN}, {2}}});
        assertEquals(0.5, RateR2.score(truth, pred), 1e-15);
        assertArrayEquals(new double[] {0.5}, RateR2.perNeuron(truth, pred), 1e-15);
    }

    @Test
    void truthInHzIsConvertedWithTheFactor() {
        Tensor3 counts = EvalTestUtil.tensor(2, 5, 2, (i, j, c) -> 0.25 * (i + j + c));
        Tensor3 hz = EvalTestUtil.tensor(2, 5, 2, (i, j, c) -> 50 * 0.25 * (i + j + c));
        Tensor3 pred = EvalTestUtil.tensor(2, 5, 2, (i, j, c) -> 0.25 * (i + j + c) + 0.1 * Math.sin(j));
        assertEquals(RateR2.score(counts, pred), RateR2.score(hz, 50, pred), 1e-12);
        assertArrayEquals(RateR2.perNeuron(counts, pred), RateR2.perNeuron(hz, 50, pred), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> RateR2.score(hz, 0, pred));
    }

    @Test
    void zeroVarianceIsNaNNotACrash() {
        Tensor3 flat = EvalTestUtil.tensor(2, 3, 2, (i, j, c) -> c);
        Tensor3 pred = EvalTestUtil.gaussian(2, 3, 2, 4);
        assertTrue(Double.isNaN(RateR2.score(flat, pred)));
        double[] per = RateR2.perNeuron(flat, pred);
        assertTrue(Double.isNaN(per[0]) && Double.isNaN(per[1]));
        Tensor3 allNaN = EvalTestUtil.tensor(1, 2, 1, (i, j, c) -> Double.NaN);
        assertTrue(Double.isNaN(RateR2.score(allNaN, EvalTestUtil.gaussian(1, 2, 1, 5))));
    }

    @Test
    void badArgumentsAreExplained() {
        Tensor3 a = EvalTestUtil.gaussian(2, 3, 4, 1);
        Tensor3 b = EvalTestUtil.gaussian(2, 3, 5, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateR2.score(a, b));
        assertTrue(e.getMessage().contains("[2, 3, 4]") && e.getMessage().contains("[2, 3, 5]"), e.getMessage());
        Tensor3 nanPred = EvalTestUtil.tensor(2, 3, 4, (i, j, c) -> i == 1 && j == 2 ? Double.NaN : 0);
        e = assertThrows(IllegalArgumentException.class, () -> RateR2.score(a, nanPred));
        assertTrue(e.getMessage().contains("[1, 2, 0]"), e.getMessage());
    }
}

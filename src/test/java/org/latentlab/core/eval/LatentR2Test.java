package org.latentlab.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentlab.core.data.Tensor3;

class LatentR2Test {
    @Test
    void anInvertibleLinearTransformScoresOneBothWays() {
        Tensor3 truth = smooth(30, 25, 3, 1);
        double[][] a = {{1, 2, 0}, {0, 1, -1}, {3, 0, 1}}; // det = -5
        Tensor3 model = EvalTestUtil.affine(truth, a, new double[] {1, -2, 0.5});
        LatentR2.Result r = LatentR2.of(model, truth);
        assertEquals(1.0, r.forward(), 1e-6);
        assertEquals(1.0, r.backward(), 1e-6);
    }

    @Test
    void independentLatentsScoreAboutZeroOrBelow() {
        Tensor3 truth = EvalTestUtil.gaussian(50, 20, 3, 2);
        Tensor3 model = EvalTestUtil.gaussian(50, 20, 4, 3);
        LatentR2.Result r = LatentR2.of(model, truth);
        assertTrue(r.forward() < 0.01 && r.forward() > -0.05, "forward " + r.forward());
        assertTrue(r.backward() < 0.01 && r.backward() > -0.05, "backward " + r.backward());
    }

    @Test
    void aModelThatKeepsOnlyPartOfTheTruthScoresHighBackwardLowForward() {
        Tensor3 truth = EvalTestUtil.gaussian(30, 20, 2, 4);
        Tensor3 model = EvalTestUtil.tensor(30, 20, 1, (i, j, c) -> 3 * truth.get(i, j, 0) + 1);
        assertEquals(1.0, LatentR2.backward(model, truth), 1e-6);
        double fwd = LatentR2.forward(model, truth);
        assertTrue(fwd > 0.3 && fwd < 0.7, "half the variance explained: " + fwd);
    }

    @Test
    void foldsAreContiguousBlocksLikeSklearnKFold() {
        assertArrayEquals(new int[][] {{0, 5}, {5, 10}, {10, 15}, {15, 19}, {19, 23}}, LatentR2.folds(23, 5));
        assertArrayEquals(new int[][] {{0, 2}, {2, 4}}, LatentR2.folds(4, 2));
    }

    @Test
    void kFoldMatchesADirectSlowLeastSquares() {
        Random rnd = new Random(9);
        Tensor3 x = EvalTestUtil.gaussian(23, 7, 2, 10);
        Tensor3 y = EvalTestUtil.tensor(23, 7, 2, (i, j, c) -> (c == 0 ? 2 * x.get(i, j, 0) - x.get(i, j, 1)
                : 0.5 * x.get(i, j, 1) + 3) + (c + 1) * rnd.nextGaussian());
        int[][] folds = {{0, 5}, {5, 10}, {10, 15}, {15, 19}, {19, 23}};
        double sse = 0;
        for (int[] f : folds) {
            // Normal equations of [1, x0, x1] on the training trials, solved by Gauss-Jordan elimination.
            for (int out = 0; out < 2; out++) {
                double[][] m = new double[3][4];
                for (int i = 0; i < 23; i++) {
                    if (i >= f[0] && i < f[1]) {
                        continue;
                    }
                    for (int t = 0; t < 7; t++) {
                        double[] d = {1, x.get(i, t, 0), x.get(i, t, 1)};
                        for (int p = 0; p < 3; p++) {
                            for (int q = 0; q < 3; q++) {
                                m[p][q] += d[p] * d[q];
                            }
                            m[p][3] += d[p] * y.get(i, t, out);
                        }
                    }
                }
                double[] beta = solve(m);
                for (int i = f[0]; i < f[1]; i++) {
                    for (int t = 0; t < 7; t++) {
                        double pred = beta[0] + beta[1] * x.get(i, t, 0) + beta[2] * x.get(i, t, 1);
                        sse += Math.pow(y.get(i, t, out) - pred, 2);
                    }
                }
            }
        }
        double sst = 0;
        for (int out = 0; out < 2; out++) {
            double mean = 0;
            for (int i = 0; i < 23; i++) {
                for (int t = 0; t < 7; t++) {
                    mean += y.get(i, t, out) / (23.0 * 7);
                }
            }
            for (int i = 0; i < 23; i++) {
                for (int t = 0; t < 7; t++) {
                    sst += Math.pow(y.get(i, t, out) - mean, 2);
                }
            }
        }
        double expected = 1 - sse / sst;
        assertTrue(expected > 0.3 && expected < 0.95, "a non-trivial example: " + expected);
        assertEquals(expected, LatentR2.crossValidated(x, y, 5), 1e-5);
        assertEquals(expected, LatentR2.backward(y, x), 1e-5);
    }

    @Test
    void badArgumentsAreExplained() {
        Tensor3 a = EvalTestUtil.gaussian(4, 10, 2, 1);
        Tensor3 b = EvalTestUtil.gaussian(5, 10, 2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatentR2.forward(a, b));
        assertTrue(e.getMessage().contains("[4, 10, 2]") && e.getMessage().contains("[5, 10, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LatentR2.forward(a, a));
        assertThrows(IllegalArgumentException.class, () -> LatentR2.forward(a, a, 1));
        Tensor3 flat = EvalTestUtil.tensor(4, 10, 1, (i, j, c) -> 2);
        assertTrue(Double.isNaN(LatentR2.forward(a, flat, 2)));
    }

    private static Tensor3 smooth(int trials, int time, int dims, long seed) {
        Random r = new Random(seed);
        double[] phase = new double[trials * dims];
        for (int k = 0; k < phase.length; k++) {
            phase[k] = 2 * Math.PI * r.nextDouble();
        }
        return EvalTestUtil.tensor(trials, time, dims, (i, j, c) -> Math.sin(0.3 * (c + 1) * j + phase[i * dims + c]));
    }

    private static double[] solve(double[][] m) {
        int n = m.length;
        for (int p = 0; p < n; p++) {
            int best = p;
            for (int r = p + 1; r < n; r++) {
                if (Math.abs(m[r][p]) > Math.abs(m[best][p])) {
                    best = r;
                }
            }
            double[] tmp = m[p];
            m[p] = m[best];
            m[best] = tmp;
            for (int r = 0; r < n; r++) {
                if (r != p) {
                    double f = m[r][p] / m[p][p];
                    for (int c = p; c <= n; c++) {
                        m[r][c] -= f * m[p][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int p = 0; p < n; p++) {
            x[p] = m[p][n] / m[p][p];
        }
        return x;
    }
}

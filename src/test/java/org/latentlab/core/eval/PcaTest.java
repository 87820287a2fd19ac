package org.latentlab.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentlab.core.data.Tensor3;

class PcaTest {
    private static final int TRIALS = 12;
    private static final int TIME = 25;
    private static final int N = TRIALS * TIME;
    private static final double[] MU = {1, -2, 0.5, 3, 0};

    /** Orthonormal u1, u2 in 5-D and scores a, b with zero mean, a ⟂ b, sample variances 9 and 1. */
    private static final double[] U1 = normalise(new double[] {1, 2, 0, -1, 1});
    private static final double[] U2;
    private static final double[] A = new double[N];
    private static final double[] B = new double[N];

    static {
        double[] u2 = {0, 1, 1, 1, -2};
        subtract(u2, U1, dot(u2, U1));
        U2 = normalise(u2);
        Random r = new Random(1);
        for (int k = 0; k < N; k++) {
            A[k] = r.nextGaussian();
            B[k] = r.nextGaussian();
        }
        centre(A);
        centre(B);
        subtract(B, A, dot(B, A) / dot(A, A));
        scale(A, Math.sqrt(9 * (N - 1) / dot(A, A)));
        scale(B, Math.sqrt(1 * (N - 1) / dot(B, B)));
    }

    private static Tensor3 data() {
        return EvalTestUtil.tensor(TRIALS, TIME, 5,
                (i, j, d) -> MU[d] + A[i * TIME + j] * U1[d] + B[i * TIME + j] * U2[d]);
    }

    @Test
    void explainedVarianceOfTwoKnownDirections() {
        Pca pca = Pca.fit(data());
        assertEquals(5, pca.dims());
        assertEquals(5, pca.size());
        double[] var = pca.explainedVariance();
        assertEquals(9, var[0], 1e-4);
        assertEquals(1, var[1], 1e-4);
        double[] ratio = pca.explainedVarianceRatio();
        assertEquals(0.9, ratio[0], 1e-6);
        assertEquals(0.1, ratio[1], 1e-6);
        for (int k = 2; k < 5; k++) {
            assertTrue(ratio[k] < 1e-9, "ratio " + k + " = " + ratio[k]);
        }
        assertArrayEquals(MU, pca.mean(), 1e-5);
        double[][] comps = pca.components();
        assertEquals(1, Math.abs(dot(comps[0], U1)), 1e-6);
        assertEquals(1, Math.abs(dot(comps[1], U2)), 1e-6);
        for (double[] c : comps) {
            assertEquals(1, dot(c, c), 1e-12);
            int arg = 0;
            for (int d = 1; d < 5; d++) {
                arg = Math.abs(c[d]) > Math.abs(c[arg]) ? d : arg;
            }
            assertTrue(c[arg] > 0, "largest entry positive");
        }
    }

    @Test
    void projectionGivesTheScoresAndReconstructsTheData() {
        Tensor3 x = data();
        Pca pca = Pca.fit(x);
        Tensor3 scores = pca.project(x, 2);
        assertArrayEquals(new int[] {TRIALS, TIME, 2}, scores.shape());
        double s1 = Math.signum(dot(pca.components()[0], U1));
        double s2 = Math.signum(dot(pca.components()[1], U2));
        for (int i = 0; i < TRIALS; i++) {
            for (int j = 0; j < TIME; j++) {
                assertEquals(s1 * A[i * TIME + j], scores.get(i, j, 0), 1e-4);
                assertEquals(s2 * B[i * TIME + j], scores.get(i, j, 1), 1e-4);
            }
        }
        assertClose(x, pca.reconstruct(scores), 1e-4);
        Tensor3 random = EvalTestUtil.gaussian(6, 9, 4, 3);
        Pca full = Pca.fit(random);
        assertClose(random, full.reconstruct(full.project(random, 4)), 1e-5);
        assertEquals(0, full.project(random, 0).channels());
    }

    @Test
    void nanRowsAreLeftOutOfTheFitAndProjectToNaN() {
        Tensor3 x = data();
        // Every bin of trial 3 has one NaN: the fit must equal the fit without trial 3.
        Tensor3 gappy = EvalTestUtil.tensor(TRIALS, TIME, 5, (i, j, d) -> i == 3 && d == j % 5 ? Double.NaN
                : x.get(i, j, d));
        int[] others = {0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11};
        Pca pca = Pca.fit(gappy);
        Pca reference = Pca.fit(x.selectTrials(others));
        assertArrayEquals(reference.explainedVariance(), pca.explainedVariance(), 1e-12);
        assertArrayEquals(reference.mean(), pca.mean(), 1e-12);
        assertArrayEquals(reference.components()[0], pca.components()[0], 1e-9);
        assertArrayEquals(reference.components()[1], pca.components()[1], 1e-9);
        Tensor3 scores = pca.project(gappy, 2);
        assertTrue(Float.isNaN(scores.get(3, 4, 0)) && Float.isNaN(scores.get(3, 4, 1)));
        assertTrue(Float.isFinite(scores.get(2, 4, 0)));
    }

    @Test
    void degenerateInputs() {
        Pca flat = Pca.fit(EvalTestUtil.tensor(2, 3, 2, (i, j, d) -> d));
        assertTrue(Double.isNaN(flat.explainedVarianceRatio()[0]));
        assertEquals(0, flat.explainedVariance()[0], 0);
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(EvalTestUtil.gaussian(1, 1, 3, 1)));
        Pca pca = Pca.fit(EvalTestUtil.gaussian(3, 4, 3, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pca.project(EvalTestUtil.gaussian(3, 4, 2, 2), 1));
        assertTrue(e.getMessage().contains("[3, 4, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pca.project(EvalTestUtil.gaussian(3, 4, 3, 2), 4));
        // Fewer rows than dimensions: min(N, D) components.
        assertEquals(2, Pca.fit(EvalTestUtil.gaussian(1, 2, 4, 5)).size());
    }

    private static void assertClose(Tensor3 a, Tensor3 b, double tol) {
        assertArrayEquals(a.shape(), b.shape());
        float[] x = a.toFlatArray();
        float[] y = b.toFlatArray();
        for (int k = 0; k < x.length; k++) {
            assertEquals(x[k], y[k], tol, "flat index " + k);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double[] normalise(double[] v) {
        scale(v, 1 / Math.sqrt(dot(v, v)));
        return v;
    }

    private static void scale(double[] v, double f) {
        for (int k = 0; k < v.length; k++) {
            v[k] *= f;
        }
    }

    private static void subtract(double[] v, double[] u, double f) {
        for (int k = 0; k < v.length; k++) {
            v[k] -= f * u[k];
        }
    }

    private static void centre(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        for (int k = 0; k < v.length; k++) {
            v[k] -= m;
        }
    }
}

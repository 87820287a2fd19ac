package org.latentlab.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The 3-D PCA view is an orthographic rotation: closed-form points and the 2-D view as a special case. */
class TrajectoryViewTest {
    private final double[][] x = {{1, 0, -2}};
    private final double[][] y = {{2, 1, 0.5}};
    private final double[][] z = {{3, -1, 4}};
    private final InspectSeries.Trajectories t = new InspectSeries.Trajectories(x, y, z, new int[] {0}, 0.5, 0.3, 0.1,
            x, y);

    @Test
    void fromAboveWithoutTurningIsTheTwoDimensionalView() {
        InspectSeries.Trajectories v = t.view(0, 90);
        for (int k = 0; k < 3; k++) {
            assertEquals(x[0][k], v.xs()[0][k], 1e-12);
            assertEquals(y[0][k], v.ys()[0][k], 1e-12);
        }
    }

    @Test
    void aQuarterTurnSeenEdgeOnShowsMinusPc2AgainstPc3() {
        InspectSeries.Trajectories v = t.view(90, 0);
        for (int k = 0; k < 3; k++) {
            assertEquals(-y[0][k], v.xs()[0][k], 1e-12);
            assertEquals(z[0][k], v.ys()[0][k], 1e-12);
        }
    }

    @Test
    void anyAngleMatchesTheRotationWrittenOut() {
        double a = Math.toRadians(30);
        double e = Math.toRadians(20);
        InspectSeries.Trajectories v = t.view(30, 20);
        for (int k = 0; k < 3; k++) {
            double sx = x[0][k] * Math.cos(a) - y[0][k] * Math.sin(a);
            double depth = x[0][k] * Math.sin(a) + y[0][k] * Math.cos(a);
            assertEquals(sx, v.xs()[0][k], 1e-12);
            assertEquals(depth * Math.sin(e) + z[0][k] * Math.cos(e), v.ys()[0][k], 1e-12);
        }
        // Views compose from the stored PCs, not from an earlier view.
        InspectSeries.Trajectories again = v.view(0, 90);
        assertEquals(x[0][2], again.xs()[0][2], 1e-12);
    }
}

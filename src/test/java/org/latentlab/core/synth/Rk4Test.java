package org.latentlab.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Rk4Test {

    /** x'' = -x from (1, 0): x = cos t, v = -sin t. */
    private static double error(int steps) {
        Rk4 rk4 = new Rk4((x, out) -> {
            out[0] = x[1];
            out[1] = -x[0];
        }, 2);
        double[] x = {1, 0};
        double t = 2.0;
        rk4.advance(x, t / steps, steps);
        return Math.hypot(x[0] - Math.cos(t), x[1] + Math.sin(t));
    }

    @Test
    void matchesClosedFormWithFourthOrderConvergence() {
        double e1 = error(20);
        double e2 = error(40);
        assertTrue(e1 < 1e-5, "error " + e1);
        // halving the step divides the error by about 2^4
        assertEquals(16, e1 / e2, 1.5);
    }

    @Test
    void exponentialDecayIsExactToRoundingAtSmallSteps() {
        Rk4 rk4 = new Rk4((x, out) -> out[0] = -3 * x[0], 1);
        double[] x = {2};
        rk4.advance(x, 1e-3, 1000);
        assertEquals(2 * Math.exp(-3), x[0], 1e-12);
    }
}

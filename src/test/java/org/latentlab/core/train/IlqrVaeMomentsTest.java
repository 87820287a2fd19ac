package org.latentlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latentlab.core.data.Tensor3;

/** The channel moments that start the iLQR-VAE's readout: unobserved (NaN) entries are left out. */
class IlqrVaeMomentsTest {
    @Test
    void partlyUnobservedChannelsGetTheMomentsOfTheirObservedEntries() {
        // Channel 0: 1, 3, NaN, 5 over two trials of two bins; channel 1: never observed; channel 2: 2 everywhere.
        Tensor3 t = Tensor3.of(2, 3, 3, new float[] {
            1, Float.NaN, 2, 3, Float.NaN, 2, 100, Float.NaN, 2,
            Float.NaN, Float.NaN, 2, 5, Float.NaN, 2, 100, Float.NaN, 2});
        double[][] m = IlqrVaeSession.moments(t, 2); // bin 2 (the 100s) lies past the bins used
        assertEquals(3.0, m[0][0], 1e-12);
        assertEquals(8.0 / 3, m[1][0], 1e-12); // ((1-3)^2 + 0 + (5-3)^2) / 3
        assertTrue(Double.isNaN(m[0][1]) && Double.isNaN(m[1][1]), "no observed entry: NaN");
        assertEquals(2.0, m[0][2], 1e-12);
        assertEquals(0.0, m[1][2], 1e-12);
    }
}

package org.latentlab.core.pbt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopRuleTest {
    @Test
    void stopsWhenTheLastWindowImprovesByLessThanTheThreshold() {
        // (1.0 - 0.9996) / mean(1.0, 0.9999, 0.9998, 0.9996) = 4.0e-4 <= 5e-4
        assertTrue(StopRule.shouldStop(List.of(2.0, 1.0, 0.9999, 0.9998, 0.9996), 4, 5e-4));
        // (1.0 - 0.999) / 0.99955 = 1.0e-3 > 5e-4
        assertFalse(StopRule.shouldStop(List.of(2.0, 1.0, 0.9999, 0.9998, 0.999), 4, 5e-4));
    }

    @Test
    void needsAFullWindowFirst() {
        assertFalse(StopRule.shouldStop(List.of(1.0, 1.0, 1.0), 4, 5e-4));
        assertTrue(StopRule.shouldStop(List.of(1.0, 1.0, 1.0, 1.0), 4, 5e-4));
    }

    @Test
    void aWorseningPopulationStopsToo() {
        assertTrue(StopRule.shouldStop(List.of(1.0, 1.1, 1.2, 1.3), 4, 5e-4));
    }
}

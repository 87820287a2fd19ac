package org.latentlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.data.TestSessions;

/** Scores of predicted rates: a model whose rates overflowed scores NaN (a failed member), not an error. */
class SplitScoresTest {
    private static Tensor3 rates(Session s, SplitData d, float value) {
        int tr = s.bins() + s.forwardBins();
        float[] flat = new float[d.trials() * tr * s.reconChannels()];
        java.util.Arrays.fill(flat, value);
        return Tensor3.of(d.trials(), tr, s.reconChannels(), flat);
    }

    @Test
    void anInfiniteOrNegativeRateGivesNaNScoresInsteadOfAnError() {
        Session s = TestSessions.full();
        SplitData d = s.split(Split.TRAIN);
        SplitScores fine = SplitScores.of(s, d, rates(s, d, 0.5f), true);
        assertTrue(Double.isFinite(fine.bps()) && Double.isFinite(fine.rateR2()), fine.toString());
        Tensor3 bad = rates(s, d, 0.5f);
        float[] flat = bad.toFlatArray();
        flat[7] = Float.POSITIVE_INFINITY;
        SplitScores overflowed = SplitScores.of(s, d, Tensor3.of(d.trials(), bad.time(), bad.channels(), flat), true);
        assertTrue(Double.isNaN(overflowed.bps()) && Double.isNaN(overflowed.rateR2()), overflowed.toString());
        // Negative values are means, not rates, for a Gaussian model: they still score.
        SplitScores gaussian = SplitScores.of(s, d, rates(s, d, -0.5f), false);
        assertTrue(Double.isFinite(gaussian.rateR2()), gaussian.toString());
        assertTrue(Double.isNaN(SplitScores.of(s, d, rates(s, d, -0.5f), true).bps()));
        assertEquals(Double.NaN, SplitScores.of(s, d, rates(s, d, Float.NaN), false).rateR2());
    }
}

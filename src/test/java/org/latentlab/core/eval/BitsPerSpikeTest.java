package org.latentlab.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentlab.core.data.Tensor3;

class BitsPerSpikeTest {
    private static final float NAN = Float.NaN;
    private static final double LN2 = Math.log(2);

    @Test
    void lnGammaMatchesKnownValues() {
        assertEquals(0.0, SpecialFunctions.lnGamma(1), 1e-14);
        assertEquals(0.0, SpecialFunctions.lnGamma(2), 1e-14);
        assertEquals(Math.log(Math.sqrt(Math.PI)), SpecialFunctions.lnGamma(0.5), 1e-14);
        assertEquals(Math.log(Math.sqrt(Math.PI) / 2), SpecialFunctions.lnGamma(1.5), 1e-14);
        assertEquals(Math.log(362880), SpecialFunctions.lnGamma(10), 1e-12);
        assertEquals(2.252712651734205959869701646368, SpecialFunctions.lnGamma(0.1), 1e-13);
        assertEquals(359.13420536957539877604401046028, SpecialFunctions.lnGamma(100), 1e-11);
        double lnFact = 0;
        for (int n = 1; n <= 300; n++) {
            assertEquals(lnFact, SpecialFunctions.lnGamma(n), 1e-13 * Math.max(1, lnFact), "n = " + n);
            lnFact += Math.log(n);
        }
    }

    @Test
    void lnGammaForLargeArgumentsMatchesStirling() {
        for (double x : new double[] {1e3, 1e5, 1e6, 1e9}) {
            double stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x)
                    - 1 / (360 * x * x * x);
            assertEquals(stirling, SpecialFunctions.lnGamma(x), 1e-14 * stirling, "x = " + x);
        }
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.lnGamma(0));
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.lnGamma(-1.5));
        assertTrue(Double.isNaN(SpecialFunctions.lnGamma(Double.NaN)));
    }

    @Test
    void thePredictionThatEqualsTheNullModelScoresExactlyZero() {
        // Neuron 0 has 10 spikes in 8 bins (mean 1.25), neuron 1 has 4 (mean 0.5): exact in float.
        Tensor3 spikes = Tensor3.of(new float[][][] {
            {{0, 1}, {3, 0}, {1, 0}, {2, 1}},
            {{1, 0}, {0, 2}, {2, 0}, {1, 0}}});
        Tensor3 nullRates = EvalTestUtil.tensor(2, 4, 2, (i, j, c) -> c == 0 ? 1.25 : 0.5);
        assertEquals(0.0, BitsPerSpike.bitsPerSpike(nullRates, spikes), 0.0);
        BitsPerSpike.Result r = BitsPerSpike.evaluate(nullRates, spikes, new int[] {0, 1}, 0, 4);
        assertEquals(r.logLikelihood(), r.nullLogLikelihood(), 0.0);
        assertEquals(14, r.totalSpikes(), 0.0);
        // Over bins [1, 3) neuron 0 has 6 spikes in 4 bins (mean 1.5).
        Tensor3 windowNull = EvalTestUtil.tensor(2, 4, 2, (i, j, c) -> 1.5);
        assertEquals(0.0, BitsPerSpike.bitsPerSpike(windowNull, spikes, new int[] {0}, 1, 3), 0.0);
    }

    @Test
    void handExampleWithTwoNeurons() {
        // One trial, two bins. Neuron 0: spikes 1, 3, rates 1, 2, null 2. Neuron 1: spikes 0, 2, rates 0.5, 1.5, null 1.
        // LL(pred) − LL(null) = [(−1) − (ln 2 − 2)] + 0 + [(−0.5) − (−1)] + [(2 ln 1.5 − 1.5) − (−1)]
        //                     = 1 − ln 2 + 2 ln 1.5; 6 spikes.
        Tensor3 spikes = Tensor3.of(new float[][][] {{{1, 0}, {3, 2}}});
        Tensor3 rates = Tensor3.of(new float[][][] {{{1, 0.5f}, {2, 1.5f}}});
        double expected = (1 - LN2 + 2 * Math.log(1.5)) / (6 * LN2);
        assertEquals(expected, BitsPerSpike.bitsPerSpike(rates, spikes), 1e-14);
        // The full log-likelihood, lnΓ(n+1) terms included: ln 1! = 0, ln 3! = ln 6, ln 2! = ln 2.
        double ll = (0 - 1) + (3 * LN2 - 2 - Math.log(6)) + (-0.5) + (2 * Math.log(1.5) - 1.5 - LN2);
        assertEquals(ll, BitsPerSpike.logLikelihood(rates, spikes, new int[] {0, 1}, 0, 2), 1e-13);
    }

    @Test
    void zeroRatesAreReplacedByOneBillionth() {
        // Neuron 0: spikes 1, 0 with rates 0, 0 (null 0.5). Neuron 1 never fires: its null rate is 1e-9 too.
        Tensor3 spikes = Tensor3.of(new float[][][] {{{1, 0}, {0, 0}}});
        Tensor3 rates = Tensor3.of(new float[][][] {{{0, 0.25f}, {0, 0}}});
        double eps = 1e-9;
        double ll = (Math.log(eps) - eps) + (-eps) + (-0.25) + (-eps);
        double llNull = (Math.log(0.5) - 0.5) + (-0.5) + (-eps) + (-eps);
        BitsPerSpike.Result r = BitsPerSpike.evaluate(rates, spikes, new int[] {0, 1}, 0, 2);
        assertEquals(ll, r.logLikelihood(), 1e-12);
        assertEquals(llNull, r.nullLogLikelihood(), 1e-12);
        assertEquals((ll - llNull) / LN2, r.bitsPerSpike(), 1e-12);
        assertTrue(Double.isFinite(r.bitsPerSpike()));
        assertTrue(Double.isNaN(BitsPerSpike.bitsPerSpike(rates, spikes, new int[] {1}, 0, 2)),
                "no spikes: NaN");
    }

    @Test
    void nanSpikesAreMaskedFromEverySum() {
        // Observed spikes 1, 3 (null mean 2, not 4/3); the masked bin's rate is ignored even if NaN or negative.
        Tensor3 spikes = Tensor3.of(new float[][][] {{{1}, {NAN}, {3}}});
        Tensor3 rates = Tensor3.of(new float[][][] {{{1}, {-7}, {2}}});
        double diff = (-1) - (LN2 - 2) + 0;
        assertEquals(diff / (4 * LN2), BitsPerSpike.bitsPerSpike(rates, spikes), 1e-14);
        Tensor3 nanRates = Tensor3.of(new float[][][] {{{1}, {NAN}, {2}}});
        assertEquals(diff / (4 * LN2), BitsPerSpike.bitsPerSpike(nanRates, spikes), 1e-14);
    }

    @Test
    void matchesASlowDirectComputationOnRandomDataWithGaps() {
        Random r = new Random(11);
        Tensor3 spikes = EvalTestUtil.tensor(7, 9, 5, (i, j, c) -> r.nextDouble() < 0.1 ? Double.NaN
                : EvalTestUtil.poisson(r, 0.3 + c));
        Tensor3 rates = EvalTestUtil.tensor(7, 9, 5, (i, j, c) -> r.nextDouble() < 0.05 ? 0 : 2 * r.nextDouble());
        int[] channels = {4, 1, 2};
        assertEquals(slowBitsPerSpike(rates, spikes, channels, 2, 8),
                BitsPerSpike.bitsPerSpike(rates, spikes, channels, 2, 8), 1e-12);
        assertEquals(slowBitsPerSpike(rates, spikes, new int[] {0, 1, 2, 3, 4}, 0, 9),
                BitsPerSpike.bitsPerSpike(rates, spikes), 1e-12);
        // Same as slicing the arrays first.
        Tensor3 rs = rates.selectChannels(channels).sliceTime(2, 8);
        Tensor3 ss = spikes.selectChannels(channels).sliceTime(2, 8);
        assertEquals(BitsPerSpike.bitsPerSpike(rs, ss), BitsPerSpike.bitsPerSpike(rates, spikes, channels, 2, 8), 1e-12);
    }

    @Test
    void trueRatesOnPoissonSamplesScoreTheAnalyticExpectation() {
        int trials = 4000;
        int time = 20;
        int channels = 3;
        double[][] lambda = new double[time][channels];
        double[] mu = new double[channels];
        for (int t = 0; t < time; t++) {
            for (int c = 0; c < channels; c++) {
                lambda[t][c] = 0.1 + 1.5 * (1 + Math.sin(2 * Math.PI * t / time + c)) / 2;
                mu[c] += lambda[t][c] / time;
            }
        }
        // E[LL(λ) − LL(μ)] = Σ λ ln(λ/μ) (the Σ(μ − λ) terms cancel); E[spikes] = Σ λ.
        double num = 0;
        double den = 0;
        for (int t = 0; t < time; t++) {
            for (int c = 0; c < channels; c++) {
                num += lambda[t][c] * Math.log(lambda[t][c] / mu[c]);
                den += lambda[t][c];
            }
        }
        double expected = num / (den * LN2);
        Random r = new Random(5);
        Tensor3 spikes = EvalTestUtil.tensor(trials, time, channels, (i, j, c) -> EvalTestUtil.poisson(r, lambda[j][c]));
        Tensor3 rates = EvalTestUtil.tensor(trials, time, channels, (i, j, c) -> lambda[j][c]);
        double bps = BitsPerSpike.bitsPerSpike(rates, spikes);
        assertTrue(bps > 0.1, "true rates beat the null model: " + bps);
        assertEquals(expected, bps, 0.03 * expected);
        assertEquals(slowBitsPerSpike(rates, spikes, new int[] {0, 1, 2}, 0, time), bps, 1e-9);
    }

    @Test
    void badArgumentsAreExplained() {
        Tensor3 s = EvalTestUtil.tensor(2, 3, 4, (i, j, c) -> 1);
        Tensor3 wrong = EvalTestUtil.tensor(2, 4, 4, (i, j, c) -> 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BitsPerSpike.bitsPerSpike(wrong, s));
        assertTrue(e.getMessage().contains("[2, 4, 4]") && e.getMessage().contains("[2, 3, 4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BitsPerSpike.bitsPerSpike(s, s, new int[] {4}, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> BitsPerSpike.bitsPerSpike(s, s, new int[] {1, 1}, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> BitsPerSpike.bitsPerSpike(s, s, new int[] {1}, 2, 4));
        Tensor3 negative = EvalTestUtil.tensor(2, 3, 4, (i, j, c) -> -1);
        assertThrows(IllegalArgumentException.class, () -> BitsPerSpike.bitsPerSpike(negative, s));
        assertThrows(IllegalArgumentException.class, () -> BitsPerSpike.bitsPerSpike(s, negative));
    }

    /** Direct double loop on nested arrays with ln n! as a sum of logs (integer counts). */
    private static double slowBitsPerSpike(Tensor3 rates, Tensor3 spikes, int[] channels, int from, int to) {
        float[][][] n = spikes.toNested();
        float[][][] r = rates.toNested();
        double ll = 0;
        double llNull = 0;
        double total = 0;
        for (int c : channels) {
            double sum = 0;
            int count = 0;
            for (float[][] trial : n) {
                for (int t = from; t < to; t++) {
                    if (!Float.isNaN(trial[t][c])) {
                        sum += trial[t][c];
                        count++;
                    }
                }
            }
            double nullRate = sum / count == 0 ? 1e-9 : sum / count;
            for (int i = 0; i < n.length; i++) {
                for (int t = from; t < to; t++) {
                    double k = n[i][t][c];
                    if (Double.isNaN(k)) {
                        continue;
                    }
                    double lnFact = 0;
                    for (int m = 2; m <= k; m++) {
                        lnFact += Math.log(m);
                    }
                    double rate = r[i][t][c] == 0 ? 1e-9 : r[i][t][c];
                    ll += k * Math.log(rate) - rate - lnFact;
                    llNull += k * Math.log(nullRate) - nullRate - lnFact;
                    total += k;
                }
            }
        }
        return (ll - llNull) / (total * LN2);
    }
}

package org.latentlab.core.eval;

import org.latentlab.core.data.Tensor3;

/**
 * Poisson bits per spike as in NLB'21 ({@code nlb_tools/evaluation.py}, {@code bits_per_spike}):
 *
 * <pre>
 *   bps   = (LL(rates) − LL(null)) / (N_spikes · ln 2)
 *   LL(r) = Σ_{i,t,c} [ n·ln r − r − ln Γ(n + 1) ]      (full Poisson log-likelihood)
 *   null  = per channel c, the mean of n[i,t,c] over all evaluated trials i and bins t
 * </pre>
 *
 * The sums run over the chosen channels and bins {@code [timeFrom, timeTo)} of every trial; entries where
 * the spike count is NaN are masked out of every sum (and of the null mean). Rates are expected counts per
 * bin; a rate of exactly 0 (in the model or the null) is replaced by {@code 1e-9}, as NLB does. Callers pick
 * the variant: co-bps = held-out channels over the encoding window, fp-bps = all channels over the forward
 * bins, plain bps = held-in channels over the encoding window. With no observed spike ({@code N_spikes = 0})
 * the result is NaN.
 */
public final class BitsPerSpike {
    /** What NLB substitutes for a zero rate. */
    public static final double ZERO_RATE = 1e-9;

    /** The terms of a bits-per-spike computation. */
    public record Result(double bitsPerSpike, double logLikelihood, double nullLogLikelihood, double totalSpikes) {
    }

    private BitsPerSpike() {
    }

    /** Bits per spike over every channel and bin. */
    public static double bitsPerSpike(Tensor3 rates, Tensor3 spikes) {
        Rows.requireSameShape("rates", rates, "spikes", spikes);
        return evaluate(rates, spikes, Rows.range(0, spikes.channels()), 0, spikes.time()).bitsPerSpike();
    }

    /** Bits per spike over the given channels and bins {@code [timeFrom, timeTo)}. */
    public static double bitsPerSpike(Tensor3 rates, Tensor3 spikes, int[] channels, int timeFrom, int timeTo) {
        return evaluate(rates, spikes, channels, timeFrom, timeTo).bitsPerSpike();
    }

    /**
     * Bits per spike with its terms. {@code rates} and {@code spikes} have the same shape; {@code channels}
     * are distinct indices; rates must be finite and non-negative wherever spikes are observed.
     */
    public static Result evaluate(Tensor3 rates, Tensor3 spikes, int[] channels, int timeFrom, int timeTo) {
        Rows.requireSameShape("rates", rates, "spikes", spikes);
        checkWindow(spikes, channels, timeFrom, timeTo);
        double ll = 0;
        double llNull = 0;
        double total = 0;
        for (int c : channels) {
            double nullRate = nullRate(spikes, c, timeFrom, timeTo);
            double lnNull = Math.log(nullRate);
            for (int i = 0; i < spikes.trials(); i++) {
                for (int j = timeFrom; j < timeTo; j++) {
                    double n = spikes.get(i, j, c);
                    if (Double.isNaN(n)) {
                        continue;
                    }
                    if (n < 0 || Double.isInfinite(n)) {
                        throw new IllegalArgumentException("spike count " + n + " at [" + i + ", " + j + ", " + c
                                + "] is not a count");
                    }
                    double r = rates.get(i, j, c);
                    if (!(r >= 0 && Double.isFinite(r))) {
                        throw new IllegalArgumentException("rate " + r + " at [" + i + ", " + j + ", " + c
                                + "] must be finite and non-negative");
                    }
                    if (r == 0) {
                        r = ZERO_RATE;
                    }
                    double lnFact = SpecialFunctions.lnGamma(n + 1);
                    ll += n * Math.log(r) - r - lnFact;
                    llNull += n * lnNull - nullRate - lnFact;
                    total += n;
                }
            }
        }
        double bps = total > 0 ? (ll - llNull) / (total * Math.log(2)) : Double.NaN;
        return new Result(bps, ll, llNull, total);
    }

    /** The full Poisson log-likelihood {@code Σ n ln r − r − ln Γ(n+1)} over the window (same masking). */
    public static double logLikelihood(Tensor3 rates, Tensor3 spikes, int[] channels, int timeFrom, int timeTo) {
        return evaluate(rates, spikes, channels, timeFrom, timeTo).logLikelihood();
    }

    /** Mean observed count of channel c over every trial and bin of the window, 0 replaced by 1e-9. */
    private static double nullRate(Tensor3 spikes, int c, int from, int to) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < spikes.trials(); i++) {
            for (int j = from; j < to; j++) {
                float n = spikes.get(i, j, c);
                if (!Float.isNaN(n)) {
                    sum += n;
                    count++;
                }
            }
        }
        double mean = count > 0 ? sum / count : 0;
        return mean == 0 ? ZERO_RATE : mean;
    }

    private static void checkWindow(Tensor3 spikes, int[] channels, int from, int to) {
        if (channels == null) {
            throw new IllegalArgumentException("channels is null");
        }
        if (from < 0 || to > spikes.time() || from > to) {
            throw new IllegalArgumentException("time window [" + from + ", " + to + ") is outside the "
                    + spikes.time() + " bins of spikes " + spikes.shapeString());
        }
        boolean[] seen = new boolean[spikes.channels()];
        for (int c : channels) {
            if (c < 0 || c >= spikes.channels()) {
                throw new IllegalArgumentException("channel " + c + " is outside the " + spikes.channels()
                        + " channels of spikes " + spikes.shapeString());
            }
            if (seen[c]) {
                throw new IllegalArgumentException("channel " + c + " is listed twice");
            }
            seen[c] = true;
        }
    }
}

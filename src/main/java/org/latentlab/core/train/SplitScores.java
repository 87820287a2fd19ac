package org.latentlab.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.eval.BitsPerSpike;
import org.latentlab.core.eval.RateR2;

/**
 * The scores of predicted rates (expected counts per bin over the recon window) on one split, with
 * DESIGN.md's definitions: bits per spike of held-in channels over the encoding window, co-bps of
 * held-out channels over the encoding window, fp-bps of all channels over forward bins, rate R² against
 * truth. NaN where a score does not apply or the split has no recon data for it, and every score NaN when
 * a prediction is not finite (or a count rate is negative): a model whose rates overflowed, e.g. a population
 * member early in training, is scored as failed, not as an error.
 */
public record SplitScores(double bps, double coBps, double fpBps, double rateR2) {

    public static SplitScores of(Session session, SplitData d, Tensor3 rates, boolean counts) {
        if (!usable(rates, counts)) {
            return new SplitScores(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        int heldIn = session.heldInChannels();
        int recon = session.reconChannels();
        int t = session.bins();
        int tr = t + session.forwardBins();
        Tensor3 target = d.recon();
        double bps = Double.NaN;
        double co = Double.NaN;
        double fp = Double.NaN;
        if (counts) {
            // Held-in channels over the encoding window, scored against what the encoder saw.
            Tensor3 heldInRates = rates.sliceTime(0, t).selectChannels(range(0, heldIn));
            bps = BitsPerSpike.bitsPerSpike(heldInRates, d.encod(), range(0, heldIn), 0, t);
            if (target != null && recon > heldIn) {
                co = BitsPerSpike.bitsPerSpike(rates, target, range(heldIn, recon), 0, t);
            }
            if (target != null && tr > t) {
                fp = BitsPerSpike.bitsPerSpike(rates, target, range(0, recon), t, tr);
            }
        }
        double r2 = Double.NaN;
        if (d.truth() != null) {
            Tensor3 pred = d.truth().time() == rates.time() ? rates : rates.sliceTime(0, d.truth().time());
            r2 = RateR2.score(d.truth(), session.conversionFactor(), pred);
        }
        return new SplitScores(bps, co, fp, r2);
    }

    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("bps", bps);
        m.put("co_bps", coBps);
        m.put("fp_bps", fpBps);
        m.put("rate_r2", rateR2);
        return m;
    }

    /** Whether every predicted value is finite (and, for counts, non-negative). */
    private static boolean usable(Tensor3 rates, boolean counts) {
        java.nio.FloatBuffer b = rates.buffer();
        for (int k = 0; k < b.limit(); k++) {
            float r = b.get(k);
            if (!Float.isFinite(r) || counts && r < 0) {
                return false;
            }
        }
        return true;
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}

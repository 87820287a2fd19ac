package org.latentlab.core.train;

import java.util.SplittableRandom;
import org.latentlab.core.config.AugmentConfig;
import org.latentlab.core.config.SbttMode;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.model.lfads.LfadsBatch;
import org.latentlab.core.model.lfads.MemberHyper;
import org.latentlab.core.model.nn.Noise;

/**
 * Training-time augmentations (lfads-torch's augmentation stack): temporal shift (EMG) and spike jitter on
 * the gathered arrays, then coordinated dropout on the tensors. SBTT needs nothing here: NaN entries are
 * masked in every batch; with {@code sbtt: off} data holding NaN are refused up front.
 */
public final class Augment {
    private Augment() {
    }

    /**
     * @param seeds per member, the seed of its shift and jitter draws in this batch
     * @param noise the step's noise (coordinated-dropout masks)
     */
    static LfadsBatch trainingBatch(LfadsSession s, int session, SplitData split, int[][] rows, AugmentConfig a,
                                    MemberHyper h, long[] seeds, Noise noise) {
        LfadsBatch.Augmenter aug = null;
        if (a.temporalShiftStd() > 0 || a.spikeJitterWidth() > 0) {
            int perMember = rows[0].length;
            aug = (values, trials, bins, channels, isEncod) -> {
                // The same draws for encod and recon (seeded per trial and channel), drawn apart per array
                // only where lfads-torch does: temporal shift is independent for the two.
                long arraySalt = isEncod ? 0x5DEECE66DL : 0xB5297A4DL;
                for (int i = 0; i < trials; i++) {
                    long base = seeds[i / perMember];
                    int k = i % perMember;
                    for (int c = 0; c < channels; c++) {
                        long key = base ^ (k * 0x9E3779B97F4A7C15L) ^ (c * 0xC2B2AE3D27D4EB4FL);
                        if (a.temporalShiftStd() > 0) {
                            shift(values, i, c, bins, channels, new SplittableRandom(key ^ arraySalt), a);
                        }
                        if (a.spikeJitterWidth() > 0) {
                            jitter(values, i, c, bins, channels, new SplittableRandom(key), a.spikeJitterWidth());
                        }
                    }
                }
            };
        }
        LfadsBatch b = LfadsBatch.of(s.manager, split, rows, s.model.shape(session), aug);
        return b.withCoordinatedDropout(h.cdRate(), a.cdPassRate(), s.model.shape(session), s.consts, noise);
    }

    /** Refuses NaN data when SBTT is off, so missing samples never silently become zeros. */
    public static void checkSbtt(Session data, AugmentConfig a) {
        if (a.sbtt() != SbttMode.OFF) {
            return;
        }
        for (Split split : data.splits().keySet()) {
            long nan = data.split(split).encod().countNaN() + data.split(split).reconOrEncod().countNaN();
            if (nan > 0) {
                throw new DataException(data.name() + ": " + split.key() + " data hold " + nan
                        + " unobserved (NaN) samples but augment.sbtt is off (use auto or on)");
            }
        }
    }

    /** Moves channel c of trial i by round(N(0, std)) bins, clamped to +-max, repeating the edge value. */
    static void shift(float[] v, int i, int c, int bins, int channels, SplittableRandom r, AugmentConfig a) {
        int k = (int) Math.round(gaussian(r) * a.temporalShiftStd());
        k = Math.max(-a.temporalShiftMax(), Math.min(a.temporalShiftMax(), k));
        if (k == 0) {
            return;
        }
        float[] col = new float[bins];
        for (int t = 0; t < bins; t++) {
            col[t] = v[(i * bins + t) * channels + c];
        }
        for (int t = 0; t < bins; t++) {
            int src = Math.max(0, Math.min(bins - 1, t - k));
            v[(i * bins + t) * channels + c] = col[src];
        }
    }

    /** Moves each spike of channel c uniformly within +-width bins, reflecting at the trial's ends. */
    static void jitter(float[] v, int i, int c, int bins, int channels, SplittableRandom r, int width) {
        float[] out = new float[bins];
        for (int t = 0; t < bins; t++) {
            float x = v[(i * bins + t) * channels + c];
            if (Float.isNaN(x) || x <= 0 || x != Math.rint(x)) {
                out[t] += Float.isNaN(x) ? 0 : x; // not a count: left in place
                continue;
            }
            for (int k = 0; k < (int) x; k++) {
                int d = t + r.nextInt(2 * width + 1) - width;
                if (d < 0) {
                    d = -d;
                } else if (d >= bins) {
                    d = 2 * (bins - 1) - d;
                }
                out[Math.max(0, Math.min(bins - 1, d))] += 1;
            }
        }
        for (int t = 0; t < bins; t++) {
            if (!Float.isNaN(v[(i * bins + t) * channels + c])) {
                v[(i * bins + t) * channels + c] = out[t];
            }
        }
    }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}

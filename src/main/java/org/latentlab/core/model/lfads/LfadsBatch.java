package org.latentlab.core.model.lfads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.model.nn.Consts;
import org.latentlab.core.model.nn.Dropout;

/**
 * One batch as tensors with the member axis, with NaN (unobserved) replaced by zero and remembered in a
 * mask (selective backpropagation through time), and coordinated dropout applied when training.
 *
 * @param encod    what the encoders see {@code [M, B, T, N_in]}
 * @param recon    reconstruction targets {@code [M, B, Tr, N]}
 * @param observed 1 where recon was observed, or null when nothing was missing
 * @param ext      external inputs padded to the recon window, or null
 * @param gradMask coordinated dropout's gradient mask, or null
 */
public record LfadsBatch(NDArray encod, NDArray recon, NDArray observed, NDArray ext, NDArray gradMask) {

    /**
     * Gathers trials {@code trials[m][b]} of a split for every member.
     *
     */
    public static LfadsBatch of(NDManager nd, SplitData d, int[][] trials, LfadsShape s) {
        return of(nd, d, trials, s, null);
    }

    /** Changes gathered arrays in place before they become tensors (temporal shift, spike jitter). */
    @FunctionalInterface
    public interface Augmenter {
        void apply(float[] values, int rows, int bins, int channels, boolean isEncod);
    }

    /** As {@link #of(NDManager, SplitData, int[][], LfadsShape)}, with an augmentation of the gathered arrays. */
    public static LfadsBatch of(NDManager nd, SplitData d, int[][] trials, LfadsShape s, Augmenter aug) {
        int members = trials.length;
        int b = trials[0].length;
        Tensor3 encod = d.encod();
        Tensor3 recon = d.recon() != null ? d.recon() : d.encod();
        float[] en = gather(encod, trials, s.encodBins(), s.heldIn(), null);
        boolean[] anyNaN = {false};
        float[] re = gather(recon, trials, s.reconBins(), s.recon(), anyNaN);
        if (aug != null) {
            aug.apply(en, members * b, s.encodBins(), s.heldIn(), true);
            aug.apply(re, members * b, s.reconBins(), s.recon(), false);
        }
        float[] obs = null;
        if (anyNaN[0]) {
            obs = new float[re.length];
            for (int i = 0; i < re.length; i++) {
                obs[i] = Float.isNaN(re[i]) ? 0f : 1f;
            }
        }
        replaceNaN(en);
        replaceNaN(re);
        NDArray ext = null;
        if (d.extInput() != null && s.extInputs() > 0) {
            float[] ex = gather(d.extInput(), trials, s.reconBins(), s.extInputs(), null);
            replaceNaN(ex);
            ext = nd.create(ex, new Shape(members, b, s.reconBins(), s.extInputs()));
        }
        return new LfadsBatch(nd.create(en, new Shape(members, b, s.encodBins(), s.heldIn())),
                nd.create(re, new Shape(members, b, s.reconBins(), s.recon())),
                obs == null ? null : nd.create(obs, new Shape(members, b, s.reconBins(), s.recon())), ext, null);
    }

    /**
     * Coordinated dropout: each held-in entry after the IC-only bins is hidden from the encoder with the
     * member's rate (and the rest scaled up), and the reconstruction gradient flows only through hidden
     * entries (plus a pass-through fraction), always through held-out channels, forward bins and IC-only bins.
     * A member with rate 0 trains without it.
     */
    public LfadsBatch withCoordinatedDropout(float[] cdRate, double passRate, LfadsShape s, Consts c) {
        return withCoordinatedDropout(cdRate, passRate, s, c, org.latentlab.core.model.nn.Noise.ENGINE);
    }

    /** As {@link #withCoordinatedDropout(float[], double, LfadsShape, Consts)}, masks drawn from {@code noise}. */
    public LfadsBatch withCoordinatedDropout(float[] cdRate, double passRate, LfadsShape s, Consts c,
                                             org.latentlab.core.model.nn.Noise noise) {
        NDManager nd = encod.getManager();
        int members = cdRate.length;
        boolean any = false;
        float[] keepProb = new float[members];
        float[] off = new float[members];
        for (int m = 0; m < members; m++) {
            keepProb[m] = 1f - cdRate[m];
            off[m] = cdRate[m] > 0 ? 0f : 1f;
            any |= cdRate[m] > 0;
        }
        if (!any) {
            return this;
        }
        Shape es = encod.getShape();
        NDArray keepP = Dropout.broadcastMember(nd.create(keepProb), 4);
        NDArray keep = noise.uniform(nd, es).lt(keepP).toType(encod.getDataType(), false);
        if (s.icEncSeqLen() > 0) {
            // The IC-only bins are never masked.
            NDArray lead = nd.ones(new Shape(es.get(0), es.get(1), s.icEncSeqLen(), es.get(3)));
            keep = lead.concat(keep.get(":, :, " + s.icEncSeqLen() + ":, :"), 2);
        }
        NDArray offM = Dropout.broadcastMember(nd.create(off), 4);
        keep = keep.maximum(offM); // members without CD keep everything
        NDArray newEncod = encod.mul(keep).div(keepP.maximum(offM));
        NDArray grad = c.one().sub(keep);
        if (passRate > 0) {
            grad = grad.maximum(noise.uniform(nd, es).lt(passRate).toType(grad.getDataType(), false));
        }
        if (s.icEncSeqLen() > 0) {
            NDArray lead = nd.ones(new Shape(es.get(0), es.get(1), s.icEncSeqLen(), es.get(3)));
            grad = lead.concat(grad.get(":, :, " + s.icEncSeqLen() + ":, :"), 2);
        }
        grad = grad.maximum(offM);
        // Held-out channels and forward bins always pass gradients.
        Shape rs = recon.getShape();
        if (rs.get(3) > es.get(3)) {
            grad = grad.concat(nd.ones(new Shape(es.get(0), es.get(1), es.get(2), rs.get(3) - es.get(3))), 3);
        }
        if (rs.get(2) > es.get(2)) {
            grad = grad.concat(nd.ones(new Shape(rs.get(0), rs.get(1), rs.get(2) - es.get(2), rs.get(3))), 2);
        }
        return new LfadsBatch(newEncod, recon, observed, ext, grad);
    }

    private static float[] gather(Tensor3 t, int[][] trials, int bins, int channels, boolean[] anyNaN) {
        int members = trials.length;
        int b = trials[0].length;
        float[] out = new float[members * b * bins * channels];
        java.nio.FloatBuffer src = t.buffer();
        int tBins = Math.min(bins, t.time());
        int stride = t.time() * t.channels();
        for (int m = 0; m < members; m++) {
            for (int k = 0; k < b; k++) {
                int base = ((m * b + k) * bins) * channels;
                for (int j = 0; j < tBins; j++) {
                    src.position(trials[m][k] * stride + j * t.channels());
                    src.get(out, base + j * channels, Math.min(channels, t.channels()));
                }
            }
        }
        if (anyNaN != null) {
            for (float v : out) {
                if (Float.isNaN(v)) {
                    anyNaN[0] = true;
                    break;
                }
            }
        }
        return out;
    }

    private static void replaceNaN(float[] a) {
        for (int i = 0; i < a.length; i++) {
            if (Float.isNaN(a[i])) {
                a[i] = 0f;
            }
        }
    }
}

package org.latentlab.core.model.lfads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.core.Progress;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.model.nn.Consts;
import org.latentlab.core.model.nn.Dropout;

/**
 * Posterior averaging as lfads-torch does it: dropout off, posteriors sampled, every output averaged over
 * {@code samples} passes. The samples of a few trials ride along the batch axis of one pass, so the number
 * of passes (and the memory of each) stays bounded whatever the sample count.
 */
public final class PosteriorSampler {
    /**
     * At most this many rows (trials x samples) in one pass. Every intermediate of a pass lives until the pass
     * ends, so the pass size sets the memory: on the Lorenz sample (400 trials x 50 samples) a whole
     * {@code train} peaked at 6.4 GB resident with 1024 rows, 1.8 GB with 256 and 1.2 GB with 128; sampling
     * took about 29, 15 and 22 s.
     */
    static final int MAX_ROWS = 256;

    private PosteriorSampler() {
    }

    /**
     * Averages for every trial of a split. Arrays are flat, per trial, with the widths of
     * {@link PosteriorOutputs}; member 0 of the model is used.
     */
    public static PosteriorOutputs sample(LfadsModel model, SplitData data, int samples, Consts c, Progress progress) {
        return sample(model, 0, data, samples, c, progress);
    }

    /** As {@link #sample(LfadsModel, SplitData, int, Consts, Progress)} for a split of session {@code session}. */
    public static PosteriorOutputs sample(LfadsModel model, int session, SplitData data, int samples, Consts c,
                                          Progress progress) {
        LfadsShape s = model.shape(session);
        int n = data.trials();
        int perPass = Math.max(1, MAX_ROWS / samples);
        PosteriorOutputs.Builder out = PosteriorOutputs.builder(n, s);
        NDManager nd = model.params().manager();
        Dropout none = new Dropout(nd.create(new float[] {0f}), c);
        for (int from = 0; from < n; from += perPass) {
            int b = Math.min(perPass, n - from);
            int[] rows = new int[b * samples];
            for (int k = 0; k < b; k++) {
                for (int j = 0; j < samples; j++) {
                    rows[k * samples + j] = from + k;
                }
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                LfadsBatch batch = LfadsBatch.of(nd, data, new int[][] {rows}, s);
                LfadsOutput o = model.forward(batch.encod(), batch.ext(), none, false, true, session);
                out.put(from, b, "output_params", average(model.observation(session).mean(o.raw(), c), b, samples));
                out.put(from, b, "factors", average(o.factors(), b, samples));
                out.put(from, b, "gen_states", average(o.genStates(), b, samples));
                out.put(from, b, "gen_init", average(o.genInit(), b, samples));
                out.put(from, b, "ic_mean", average(o.icMean(), b, samples));
                out.put(from, b, "ic_std", average(o.icStd(), b, samples));
                if (o.coMean() != null) {
                    out.put(from, b, "gen_inputs", average(o.inputs(), b, samples));
                    out.put(from, b, "co_means", average(o.coMean(), b, samples));
                    out.put(from, b, "co_stds", average(o.coStd(), b, samples));
                    out.put(from, b, "con_states", average(o.conStates(), b, samples));
                }
            }
            progress.update(from + b, n, "sampling posteriors");
        }
        return out.build();
    }

    /** {@code [1, b * S, ...]} to the per-trial mean over samples, flat {@code [b, ...]}. */
    private static float[] average(NDArray x, int b, int samples) {
        Shape sh = x.getShape();
        long[] dims = new long[sh.dimension()];
        dims[0] = b;
        dims[1] = samples;
        for (int i = 2; i < sh.dimension(); i++) {
            dims[i] = sh.get(i);
        }
        return x.reshape(dims).mean(new int[] {1}).toFloatArray();
    }

    /** Names of every output in lfads-torch's file, with their per-trial shapes. */
    public static Map<String, int[]> layout(LfadsShape s) {
        Map<String, int[]> m = new LinkedHashMap<>();
        int tr = s.reconBins();
        m.put("output_params", new int[] {tr, s.recon()});
        m.put("factors", new int[] {tr, s.facDim()});
        m.put("gen_states", new int[] {tr, s.genDim()});
        m.put("gen_init", new int[] {s.genDim()});
        m.put("ic_mean", new int[] {s.icDim()});
        m.put("ic_std", new int[] {s.icDim()});
        if (s.hasController()) {
            m.put("gen_inputs", new int[] {tr, s.coDim()});
            m.put("co_means", new int[] {tr, s.coDim()});
            m.put("co_stds", new int[] {tr, s.coDim()});
            m.put("con_states", new int[] {tr, s.conDim()});
        }
        return m;
    }
}

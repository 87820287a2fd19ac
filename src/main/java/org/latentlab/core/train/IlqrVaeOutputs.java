package org.latentlab.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.core.Progress;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.model.ilqrvae.ElboGradient;
import org.latentlab.core.model.ilqrvae.Ilqr;
import org.latentlab.core.model.ilqrvae.IlqrVaeModel;
import org.latentlab.core.model.ilqrvae.Recognition;
import org.latentlab.core.model.lfads.PosteriorOutputs;

/**
 * Posterior-mean outputs of an iLQR-VAE on whole trials of any length, under the LFADS output keys:
 * iLQR finds u* on the held-in channels; {@code factors} and {@code gen_states} are the latent states
 * x_b … x_K (one per bin), {@code output_params} the expected observations of every channel (held-out ones
 * and forward bins included: the forward bins continue the dynamics with zero input, the prior mean),
 * {@code gen_inputs} the inputs aligned so u_t drives the step into bin t (bin 0, the initial condition, gets
 * 0), {@code gen_init} the initial state x_b, and with {@code fit_behavior} {@code behavior_params} the
 * predicted behaviour (inferred from the spikes alone, so trials without recorded behaviour get it too).
 * The learned posterior covariance is tied to the training length, so outputs use the mean, which iLQR gives
 * for any length.
 */
public final class IlqrVaeOutputs {
    private static final int BATCH = 32;

    /**
     * Outputs, how many trials' solves failed (their last iterate is used), iterations summed over trials, and
     * the NLL per bin and channel over the encoding window (every reconstructed channel).
     */
    public record Result(PosteriorOutputs outputs, int failed, int iterations, double nll) {
    }

    private IlqrVaeOutputs() {
    }

    /**
     * @param warm per trial the warm start, updated with each new solution; null for cold starts (u = 0)
     */
    public static Result infer(IlqrVaeSession s, SplitData d, int forwardBins, double[][] warm, Progress progress,
                               String what) {
        IlqrVaeModel model = s.model;
        Tensor3 obs = d.reconOrEncod();
        int trials = d.trials();
        int bins = d.encod().time();
        int channels = model.channels();
        int fwd = Math.min(forwardBins, obs.time() - bins);
        int n = model.config().latentDim();
        int m = model.config().inputDim();
        int steps = model.steps(bins);
        int begin = model.beginSteps();
        float[] rates = new float[trials * (bins + fwd) * channels];
        float[] factors = new float[trials * bins * n];
        float[] inputs = new float[trials * bins * m];
        float[] init = new float[trials * n];
        int nb = model.behaviorChannels();
        float[] behavior = new float[trials * (bins + fwd) * nb];
        int failed = 0;
        int iterations = 0;
        double nll = 0;
        Recognition rec;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            rec = model.recognition(model.weights());
        }
        for (int from = 0; from < trials; from += BATCH) {
            int count = Math.min(BATCH, trials - from);
            int[] rows = java.util.stream.IntStream.range(from, from + count).toArray();
            float[] o = obs.selectTrials(rows).sliceTime(0, bins).toFlatArray();  // [count, bins, channels]
            double[][] in = ElboGradient.heldInRows(o, count, bins, channels, model.heldIn());
            double[][] starts = warm == null ? null : java.util.Arrays.copyOfRange(warm, from, from + count);
            Ilqr.Solution[] sol = rec.solve(in, bins, starts, s.pool);
            float[] u = new float[count * steps * m];
            for (int i = 0; i < count; i++) {
                failed += sol[i].status().failed() ? 1 : 0;
                if (warm != null && !sol[i].status().failed()) {
                    warm[from + i] = sol[i].u();
                }
                iterations += sol[i].iterations();
                for (int j = 0; j < steps * m; j++) {
                    u[i * steps * m + j] = (float) sol[i].u()[j];
                }
                for (int t = 1; t < bins; t++) {
                    for (int c = 0; c < m; c++) {
                        inputs[((from + i) * bins + t) * m + c] = u[(i * steps + begin + t - 1) * m + c];
                    }
                }
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                IlqrVaeModel.Weights w = model.weights();
                NDArray states = model.states(w, s.manager.create(u, new Shape(count, steps, m)), fwd);
                NDArray eta = model.eta(w, states);
                float[] r = model.mean(w, eta).toFloatArray();
                NDArray oa = s.manager.create(o, new Shape(count, bins, channels));
                nll += model.nll(w, eta.get(":, :" + bins), oa, oa.add(1).gammaln()).sum().getFloat();
                System.arraycopy(r, 0, rates, from * (bins + fwd) * channels, r.length);
                if (nb > 0) {
                    float[] bh = model.behavior(w, states).toFloatArray();
                    System.arraycopy(bh, 0, behavior, from * (bins + fwd) * nb, bh.length);
                }
                float[] x = states.toFloatArray();
                for (int i = 0; i < count; i++) {
                    System.arraycopy(x, i * (bins + fwd) * n, factors, (from + i) * bins * n, bins * n);
                    System.arraycopy(x, i * (bins + fwd) * n, init, (from + i) * n, n);
                }
            }
            progress.update(from + count, trials, what);
        }
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, float[]> arrays = new LinkedHashMap<>();
        shapes.put("output_params", new int[] {bins + fwd, channels});
        arrays.put("output_params", rates);
        shapes.put("factors", new int[] {bins, n});
        arrays.put("factors", factors);
        shapes.put("gen_states", new int[] {bins, n});
        arrays.put("gen_states", factors);
        shapes.put("gen_inputs", new int[] {bins, m});
        arrays.put("gen_inputs", inputs);
        shapes.put("gen_init", new int[] {n});
        arrays.put("gen_init", init);
        if (nb > 0) {
            shapes.put("behavior_params", new int[] {bins + fwd, nb});
            arrays.put("behavior_params", behavior);
        }
        return new Result(new PosteriorOutputs(trials, shapes, arrays), failed, iterations,
                nll / ((double) trials * bins * channels));
    }
}

package org.latentlab.core.model.ilqrvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.ForkJoinPool;
import org.latentlab.core.engine.Recording;

/**
 * The loss of one batch and its gradient in every parameter, left on the parameters for the optimizer:
 * <ol>
 *   <li>iLQR finds each trial's posterior mean u* under the current weights (on the host, trials in parallel);</li>
 *   <li>the loss {@code L = mean over trials of −ELBO/(T·N) + L2} is evaluated at a sample u = u* + Tᵀξ S and
 *       differentiated by autograd with u* as a leaf: the direct gradient in θ and g = ∂L/∂u*;</li>
 *   <li>implicit differentiation: since ∇_u J(u*, θ) = 0, d(u*)/dθ = −H⁻¹·∂²J/∂u∂θ, so the remaining part of
 *       dL/dθ is −∇_θ[vᵀ∇_u J(u*, θ)] with v = H⁻¹g fixed: one extra LQR solve for v, then autograd through
 *       {@link IlqrVaeModel#directional}. Nothing is unrolled through the solver's iterations.</li>
 * </ol>
 * A trial whose solve failed is left out of the batch, as in the reference.
 */
public final class ElboGradient {
    /**
     * @param loss        the batch loss (mean over the trials used)
     * @param nll         mean −log p(o | u) per trial over the trials used, per bin and channel
     * @param kl          mean KL per trial over the trials used, per bin and channel
     * @param used        trials in the loss
     * @param failed      trials whose iLQR failed (left out)
     * @param noHessian   trials used whose implicit solve failed (their gradient lacks the implicit part)
     * @param iterations  iLQR iterations summed over trials
     * @param solutions   each trial's solution (warm starts for the next epoch)
     * @param solveNanos  wall time of the iLQR solves
     */
    public record Result(double loss, double nll, double kl, int used, int failed, int noHessian, int iterations,
                         Ilqr.Solution[] solutions, long solveNanos) {
    }

    private ElboGradient() {
    }

    /**
     * @param obs      observations {@code [B, T, N]} flat (all reconstructed channels)
     * @param behavior recorded behaviour {@code [B, T, channels]} flat, NaN where unrecorded; null unless the
     *                 model fits behaviour (then its likelihood joins the spikes' in the ELBO)
     * @param warm     per trial the previous solution's inputs, or null
     * @param xi       standard normal noise {@code [B, K, m]} flat for the posterior sample
     * @param klWeight weight of the KL term (warm-up)
     * @param implicit whether to add the implicit part of the gradient (false only to show what it contributes)
     */
    public static Result run(IlqrVaeModel model, NDManager nd, float[] obs, float[] behavior, int batch, int bins,
                             int channels, double[][] warm, float[] xi, double klWeight, double l2Scale,
                             ForkJoinPool pool, boolean implicit) {
        int heldIn = model.heldIn();
        int steps = model.steps(bins);
        int m = model.config().inputDim();
        Recognition rec = model.recognition(model.weights());
        Solved solved = solve(rec, obs, batch, bins, channels, heldIn, steps, m, warm, pool);
        Ilqr.Solution[] sol = solved.sol();
        float[] uFlat = solved.u();
        float[] keep = solved.keep();
        int failed = solved.failed();
        int iterations = solved.iterations();
        long solveNanos = solved.nanos();
        int used = solved.used();
        if (used == 0) {
            return new Result(Double.NaN, Double.NaN, Double.NaN, 0, failed, 0, iterations, sol, solveNanos);
        }
        NDArray obsArr = nd.create(obs, new Shape(batch, bins, channels));
        Observed observed = Observed.of(nd, obsArr, behavior, batch, bins, model.behaviorChannels());
        double perElement = (double) bins * (channels + observed.behaviorChannels());
        NDArray keepArr = nd.create(keep);
        NDArray xiArr = nd.create(xi, new Shape(batch, steps, m));
        NDArray uStar = nd.create(uFlat, new Shape(batch, steps, m));
        uStar.setRequiresGradient(true);
        double lossValue;
        double nllValue;
        double klValue;
        try (Recording grad = Recording.start()) {
            IlqrVaeModel.Weights w = model.weights();
            NDArray sample = model.sample(uStar, xiArr);
            NDArray nll = observed.nll(model, w, model.states(w, sample, 0));
            NDArray kl = model.kl(uStar, sample);
            NDArray perTrial = nll.add(kl.mul(model.consts().of(klWeight))).div(model.consts().of(perElement));
            NDArray loss = perTrial.mul(keepArr).sum().div(model.consts().of(used)).add(model.l2(l2Scale));
            grad.backward(loss);
            lossValue = loss.getFloat();
            nllValue = nll.mul(keepArr).sum().getFloat() / used / perElement;
            klValue = kl.mul(keepArr).sum().getFloat() / used / perElement;
        }
        if (!implicit) {
            return new Result(lossValue, nllValue, klValue, used, failed, 0, iterations, sol, solveNanos);
        }
        float[] g = uStar.getGradient().toFloatArray();
        double[][] gs = new double[batch][];
        for (int i = 0; i < batch; i++) {
            if (keep[i] > 0) {
                gs[i] = new double[steps * m];
                for (int j = 0; j < steps * m; j++) {
                    gs[i][j] = g[i * steps * m + j];
                }
            }
        }
        double[][] v = rec.solveHessians(sol, gs, pool);
        float[] vFlat = new float[batch * steps * m];
        float[] keepV = new float[batch];
        int noHessian = 0;
        for (int i = 0; i < batch; i++) {
            if (keep[i] == 0) {
                continue;
            }
            if (v[i] == null) {
                noHessian++;
                continue;
            }
            keepV[i] = 1;
            for (int j = 0; j < steps * m; j++) {
                vFlat[i * steps * m + j] = (float) v[i][j];
            }
        }
        NDArray uConst = nd.create(uFlat, new Shape(batch, steps, m));
        NDArray vArr = nd.create(vFlat, new Shape(batch, steps, m));
        NDArray obsInArr = obsArr.get(":, :, :" + heldIn);
        try (Recording grad = Recording.start()) {
            IlqrVaeModel.Weights w = model.weights();
            NDArray d = model.directional(w, uConst, vArr, obsInArr);
            grad.backward(d.mul(nd.create(keepV)).sum().neg());
        }
        return new Result(lossValue, nllValue, klValue, used, failed, noHessian, iterations, sol, solveNanos);
    }

    /**
     * The loss of a batch without gradients (validation): the same sample-based −ELBO per bin and channel at
     * KL weight {@code klWeight}, no L2.
     */
    public static Result evaluate(IlqrVaeModel model, NDManager nd, float[] obs, float[] behavior, int batch, int bins,
                                  int channels, double[][] warm, float[] xi, double klWeight, ForkJoinPool pool) {
        int steps = model.steps(bins);
        int m = model.config().inputDim();
        Solved solved = solve(model.recognition(model.weights()), obs, batch, bins, channels, model.heldIn(), steps, m,
                warm, pool);
        int used = solved.used();
        if (used == 0) {
            return new Result(Double.NaN, Double.NaN, Double.NaN, 0, solved.failed(), 0, solved.iterations(),
                    solved.sol(), solved.nanos());
        }
        NDArray obsArr = nd.create(obs, new Shape(batch, bins, channels));
        Observed observed = Observed.of(nd, obsArr, behavior, batch, bins, model.behaviorChannels());
        double perElement = (double) bins * (channels + observed.behaviorChannels());
        NDArray keepArr = nd.create(solved.keep());
        NDArray uStar = nd.create(solved.u(), new Shape(batch, steps, m));
        IlqrVaeModel.Weights w = model.weights();
        NDArray sample = model.sample(uStar, nd.create(xi, new Shape(batch, steps, m)));
        NDArray nll = observed.nll(model, w, model.states(w, sample, 0));
        NDArray kl = model.kl(uStar, sample);
        double nllValue = nll.mul(keepArr).sum().getFloat() / used / perElement;
        double klValue = kl.mul(keepArr).sum().getFloat() / used / perElement;
        return new Result(nllValue + klWeight * klValue, nllValue, klValue, used, solved.failed(), 0,
                solved.iterations(), solved.sol(), solved.nanos());
    }

    /** What the ELBO reconstructs: the spikes, and the behaviour where the model fits it. */
    private record Observed(NDArray obs, NDArray logFactorial, NDArray behavior, NDArray behaviorObserved) {
        static Observed of(NDManager nd, NDArray obs, float[] behavior, int batch, int bins, int behaviorChannels) {
            if (behaviorChannels == 0 || behavior == null) { // a split without behaviour: the spikes alone
                return new Observed(obs, obs.add(1).gammaln(), null, null);
            }
            float[] values = new float[behavior.length];
            float[] seen = new float[behavior.length];
            for (int i = 0; i < behavior.length; i++) {
                boolean ok = !Float.isNaN(behavior[i]);
                values[i] = ok ? behavior[i] : 0;
                seen[i] = ok ? 1 : 0;
            }
            Shape shape = new Shape(batch, bins, behaviorChannels);
            return new Observed(obs, obs.add(1).gammaln(), nd.create(values, shape), nd.create(seen, shape));
        }

        int behaviorChannels() {
            return behavior == null ? 0 : (int) behavior.getShape().get(2);
        }

        /** −log p(o | x) per trial: the spikes' likelihood plus the behaviour's. */
        NDArray nll(IlqrVaeModel model, IlqrVaeModel.Weights w, NDArray states) {
            NDArray nll = model.nll(w, model.eta(w, states), obs, logFactorial);
            return behavior == null ? nll : nll.add(model.behaviorNll(w, states, behavior, behaviorObserved));
        }
    }

    /** A batch's solutions with the successful ones' inputs packed for the engine. */
    private record Solved(Ilqr.Solution[] sol, float[] u, float[] keep, int failed, int iterations, long nanos) {
        int used() {
            return keep.length - failed;
        }
    }

    private static Solved solve(Recognition rec, float[] obs, int batch, int bins, int channels, int heldIn, int steps,
                                int m, double[][] warm, ForkJoinPool pool) {
        long t0 = System.nanoTime();
        Ilqr.Solution[] sol = rec.solve(heldInRows(obs, batch, bins, channels, heldIn), bins, warm, pool);
        long nanos = System.nanoTime() - t0;
        float[] u = new float[batch * steps * m];
        float[] keep = new float[batch];
        int failed = 0;
        int iterations = 0;
        for (int i = 0; i < batch; i++) {
            iterations += sol[i].iterations();
            if (sol[i].status().failed()) {
                failed++;
                continue;
            }
            keep[i] = 1;
            for (int j = 0; j < steps * m; j++) {
                u[i * steps * m + j] = (float) sol[i].u()[j];
            }
        }
        return new Solved(sol, u, keep, failed, iterations, nanos);
    }

    /** Per trial, the held-in channels of each bin as doubles. */
    public static double[][] heldInRows(float[] obs, int batch, int bins, int channels, int heldIn) {
        double[][] out = new double[batch][bins * heldIn];
        for (int i = 0; i < batch; i++) {
            for (int t = 0; t < bins; t++) {
                for (int ch = 0; ch < heldIn; ch++) {
                    out[i][t * heldIn + ch] = obs[(i * bins + t) * channels + ch];
                }
            }
        }
        return out;
    }
}

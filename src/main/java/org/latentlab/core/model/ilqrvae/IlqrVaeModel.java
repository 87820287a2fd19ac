package org.latentlab.core.model.ilqrvae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.latentlab.core.config.IlqrLikelihood;
import org.latentlab.core.config.IlqrVaeModelConfig;
import org.latentlab.core.model.dynamics.Dynamics;
import org.latentlab.core.model.dynamics.Host;
import org.latentlab.core.model.nn.Consts;
import org.latentlab.core.model.nn.MemberParams;

/**
 * The iLQR-VAE generative model on the engine (reference ilqr-vae §1.1–1.2): x_0 = 0, the first b inputs
 * write the initial condition block by block, then x_{k+1} = f(x_k, u_k); bin j is read from x_{b+j} through
 * η = x·C + bias, Poisson (exp or softplus link) or Gaussian. The recognition model is the iLQR solver
 * ({@link Recognition}) plus the shared Kronecker posterior covariance ({@link InputPosterior}).
 *
 * <p>Parameters live in a one-member {@link MemberParams}, so checkpoints and the optimizer are LFADS's.
 */
public final class IlqrVaeModel {
    private static final double VAR_FLOOR = 1e-3;
    private final MemberParams params;
    private final IlqrVaeModelConfig cfg;
    private final Consts c;
    private final Dynamics dyn;
    private final InputPriorTerms prior;
    private final InputPosterior posterior;
    private final HostObservation.Kind kind;
    private final int n;
    private final int m;
    private final int begin;
    private final int heldIn;
    private final int channels;
    /** Behaviour channels read out beside the spikes (0 without {@code fit_behavior}). */
    private final int behaviorChannels;
    /** E_k {@code [m, n]}: where the k-th initial-condition input is written. */
    private final List<NDArray> blocks = new ArrayList<>();

    /**
     * The weights of one step, transforms applied, without the member axis; the behaviour readout
     * ({@code behReadout [n, B]}, {@code behBias}, {@code behVar}) is null without {@code fit_behavior}.
     */
    public record Weights(Map<String, NDArray> dynamics, NDArray readout, NDArray bias, NDArray gain,
                          NDArray behReadout, NDArray behBias, NDArray behVar) {
    }

    /**
     * A model without behaviour channels.
     *
     * @param trainSteps   inputs per training chunk (the posterior covariance's size)
     * @param channelMean  per-channel mean of the training data (bias initialisation)
     * @param channelVar   per-channel variance of the training data (Gaussian variance initialisation)
     */
    public IlqrVaeModel(NDManager nd, IlqrVaeModelConfig cfg, int heldIn, int channels, int trainSteps,
                        double[] channelMean, double[] channelVar, long seed) {
        this(nd, cfg, heldIn, channels, trainSteps, channelMean, channelVar, null, null, seed);
    }

    /**
     * @param behaviorMean per behaviour channel the training mean; with the variance, the standardisation the
     *                     behaviour is modelled in. Null unless the config fits behaviour
     * @param behaviorVar  per behaviour channel the training variance
     */
    public IlqrVaeModel(NDManager nd, IlqrVaeModelConfig cfg, int heldIn, int channels, int trainSteps,
                        double[] channelMean, double[] channelVar, double[] behaviorMean, double[] behaviorVar,
                        long seed) {
        if (cfg.fitBehavior() != (behaviorMean != null)) {
            throw new IllegalArgumentException("behaviour moments must be given exactly when fit_behavior is set");
        }
        this.cfg = cfg;
        this.n = cfg.latentDim();
        this.m = cfg.inputDim();
        this.begin = cfg.beginSteps();
        this.heldIn = heldIn;
        this.channels = channels;
        this.c = new Consts(nd);
        this.params = new MemberParams(nd, 1, seed);
        this.kind = cfg.likelihood() instanceof IlqrLikelihood.Poisson p
                ? HostObservation.kind(true, p.link()) : HostObservation.Kind.GAUSSIAN;
        this.dyn = Dynamics.create(cfg.dynamics(), params, n, m, c);
        params.normal("obs.c", 1 / Math.sqrt(n), n, channels);
        params.fill("obs.b", new long[] {channels}, (r, i) -> (float) biasInit(channelMean[i]), true);
        if (kind == HostObservation.Kind.POISSON_SOFTPLUS) {
            params.constant("obs.log_gain", 0, channels);
        } else if (kind == HostObservation.Kind.GAUSSIAN) {
            double frac = ((IlqrLikelihood.Gaussian) cfg.likelihood()).varInit();
            params.fill("obs.log_var", new long[] {channels},
                    (r, i) -> (float) Math.log(Math.max(frac * channelVar[i], 2 * VAR_FLOOR) - VAR_FLOOR), true);
        }
        this.behaviorChannels = behaviorMean == null ? 0 : behaviorMean.length;
        if (behaviorChannels > 0) {
            // Behaviour is modelled in standardised units (the training moments, kept as frozen tensors so the
            // checkpoint carries them): its scale is arbitrary (nA, cm/s), and the variance floor and the
            // readout's initial scale assume values of order one.
            params.fill("beh.center", new long[] {behaviorChannels}, (r, i) -> (float) behaviorMean[i], false);
            params.fill("beh.spread", new long[] {behaviorChannels},
                    (r, i) -> (float) Math.max(Math.sqrt(behaviorVar[i]), 1e-6), false);
            params.normal("beh.c", 1 / Math.sqrt(n), n, behaviorChannels);
            params.constant("beh.b", 0, behaviorChannels);
            params.constant("beh.log_var", Math.log(1 - VAR_FLOOR), behaviorChannels);
        }
        this.prior = new InputPriorTerms(params, cfg.prior(), begin, m, c);
        this.posterior = new InputPosterior(params, trainSteps, m, cfg.postStdInit(), cfg.diagTimeCov());
        for (int k = 0; k < begin; k++) {
            float[] e = new float[m * n];
            for (int ch = 0; ch < m && k * m + ch < n; ch++) {
                e[ch * n + k * m + ch] = 1;
            }
            NDArray block = nd.create(e, new Shape(m, n));
            NDScope.unregister(block);
            blocks.add(block);
        }
    }

    private double biasInit(double mean) {
        return switch (kind) {
            case POISSON_EXP -> Math.log(Math.max(mean, 1e-3));
            case POISSON_SOFTPLUS -> Math.log(Math.expm1(Math.max(mean, 1e-3)));
            case GAUSSIAN -> mean;
        };
    }

    public MemberParams params() {
        return params;
    }

    public IlqrVaeModelConfig config() {
        return cfg;
    }

    public Consts consts() {
        return c;
    }

    public int heldIn() {
        return heldIn;
    }

    public int channels() {
        return channels;
    }

    public int beginSteps() {
        return begin;
    }

    public int behaviorChannels() {
        return behaviorChannels;
    }

    public boolean counts() {
        return kind != HostObservation.Kind.GAUSSIAN;
    }

    /** Inputs of a trial of {@code bins} bins: b initial-condition inputs, then one per later bin. */
    public int steps(int bins) {
        return begin + bins - 1;
    }

    public Weights weights() {
        NDArray gain = switch (kind) {
            case POISSON_EXP -> null;
            case POISSON_SOFTPLUS -> params.get("obs.log_gain").squeeze(0).exp();
            case GAUSSIAN -> params.get("obs.log_var").squeeze(0).exp().add(c.of(VAR_FLOOR));
        };
        if (behaviorChannels == 0) {
            return new Weights(dyn.weights(), params.get("obs.c").squeeze(0), params.get("obs.b").squeeze(0), gain,
                    null, null, null);
        }
        return new Weights(dyn.weights(), params.get("obs.c").squeeze(0), params.get("obs.b").squeeze(0), gain,
                params.get("beh.c").squeeze(0), params.get("beh.b").squeeze(0),
                params.get("beh.log_var").squeeze(0).exp().add(c.of(VAR_FLOOR)));
    }

    /** A host snapshot of the model for the solver (held-in channels only: what recognition sees). */
    public Recognition recognition(Weights w) {
        double[] cAll = Host.copy(w.readout());
        double[] cIn = new double[n * heldIn];
        for (int i = 0; i < n; i++) {
            System.arraycopy(cAll, i * channels, cIn, i * heldIn, heldIn);
        }
        double[] b = java.util.Arrays.copyOf(Host.copy(w.bias()), heldIn);
        double[] gain = w.gain() == null ? null : java.util.Arrays.copyOf(Host.copy(w.gain()), heldIn);
        return new Recognition(dyn.host(w.dynamics()), begin, prior.host(),
                new HostObservation(n, heldIn, cIn, b, kind, gain), cfg.solver());
    }

    /**
     * The observed states {@code [B, T + extra, n]} for inputs {@code [B, K, m]}: x_b … x_K, then {@code extra}
     * further steps with zero input (the prior mean) for forward prediction.
     */
    public NDArray states(Weights w, NDArray u, int extra) {
        int steps = (int) u.getShape().get(1);
        int batch = (int) u.getShape().get(0);
        NDList inputs = u.split(steps, 1);
        NDArray x = u.getManager().zeros(new Shape(batch, n));
        NDArray zero = u.getManager().zeros(new Shape(batch, m));
        NDList out = new NDList();
        for (int k = 0; k < steps + extra; k++) {
            NDArray uk = k < steps ? inputs.get(k).squeeze(1) : zero;
            x = k < begin ? x.add(uk.matMul(blocks.get(k))) : dyn.step(w.dynamics(), x, uk);
            if (k + 1 >= begin) {
                out.add(x);
            }
        }
        return NDArrays.stack(out, 1);
    }

    /** η = x·C + bias {@code [B, T, N]}. */
    public NDArray eta(Weights w, NDArray states) {
        return states.matMul(w.readout()).add(w.bias());
    }

    /** Expected observations: counts per bin (Poisson) or means (Gaussian). */
    public NDArray mean(Weights w, NDArray eta) {
        return switch (kind) {
            case POISSON_EXP -> eta.exp();
            case POISSON_SOFTPLUS -> Activation.softPlus(eta).mul(w.gain());
            case GAUSSIAN -> eta;
        };
    }

    /** −log p(o | η) summed over bins and channels, per trial {@code [B]}; {@code logFactorial} = lnΓ(o+1). */
    public NDArray nll(Weights w, NDArray eta, NDArray obs, NDArray logFactorial) {
        NDArray per = switch (kind) {
            case POISSON_EXP -> eta.exp().sub(obs.mul(eta)).add(logFactorial);
            case POISSON_SOFTPLUS -> {
                NDArray lam = Activation.softPlus(eta).mul(w.gain()).add(c.of(1e-8));
                yield lam.sub(obs.mul(lam.log())).add(logFactorial);
            }
            case GAUSSIAN -> obs.sub(eta).square().div(w.gain()).add(w.gain().log())
                    .add(c.of(Math.log(2 * Math.PI))).mul(c.of(0.5));
        };
        return per.sum(new int[] {1, 2});
    }

    /** Predicted behaviour {@code [B, T, behaviour channels]} in the recording's units: the readout's means. */
    public NDArray behavior(Weights w, NDArray states) {
        return standardBehavior(w, states).mul(params.get("beh.spread").squeeze(0))
                .add(params.get("beh.center").squeeze(0));
    }

    private NDArray standardBehavior(Weights w, NDArray states) {
        return states.matMul(w.behReadout()).add(w.behBias());
    }

    /**
     * −log p(behaviour | x) per trial {@code [B]}, Gaussian in standardised units (so up to a constant per
     * channel), over the observed entries only.
     *
     * @param beh      recorded behaviour {@code [B, T, channels]} with unobserved entries set to 0
     * @param observed 1 where {@code beh} was recorded, 0 where it was NaN
     */
    public NDArray behaviorNll(Weights w, NDArray states, NDArray beh, NDArray observed) {
        NDArray z = beh.sub(params.get("beh.center").squeeze(0)).div(params.get("beh.spread").squeeze(0));
        NDArray per = z.sub(standardBehavior(w, states)).square().div(w.behVar()).add(w.behVar().log())
                .add(c.of(Math.log(2 * Math.PI))).mul(c.of(0.5));
        return per.mul(observed).sum(new int[] {1, 2});
    }

    /** KL(q ‖ p) per trial {@code [B]} from the means, one sample, and the shared covariance. */
    public NDArray kl(NDArray mean, NDArray sample) {
        return prior.crossEntropy(mean, posterior.variances(), sample).sub(posterior.entropy(c));
    }

    /** A posterior sample u = μ + Tᵀ·ξ·S. */
    public NDArray sample(NDArray mean, NDArray xi) {
        return posterior.sample(mean, xi);
    }

    /** 0.5·l2_scale/n²·Σ‖W‖² over the recurrent weights (a scalar). */
    public NDArray l2(double scale) {
        NDArray sum = c.zero();
        for (String name : dyn.recurrent()) {
            sum = sum.add(params.get(name).square().sum());
        }
        return sum.mul(c.of(0.5 * scale / ((double) n * n)));
    }

    /**
     * vᵀ·∇_u J(u, θ) per trial {@code [B]}: the derivative of the recognition cost at u along v, as a function of
     * the weights. Its gradient in the weights, times −1, is the implicit-function part of the ELBO's gradient
     * through the iLQR solution (v = H⁻¹·∂L/∂u*). The state part runs the tangent dynamics
     * δx_{k+1} = J_x δx_k + J_u v_k alongside the states.
     *
     * @param obsIn held-in observations {@code [B, T, heldIn]}
     */
    public NDArray directional(Weights w, NDArray u, NDArray v, NDArray obsIn) {
        int steps = (int) u.getShape().get(1);
        int batch = (int) u.getShape().get(0);
        NDList us = u.split(steps, 1);
        NDList vs = v.split(steps, 1);
        NDArray x = u.getManager().zeros(new Shape(batch, n));
        NDArray dx = x;
        NDList xsOut = new NDList();
        NDList dxOut = new NDList();
        for (int k = 0; k < steps; k++) {
            NDArray uk = us.get(k).squeeze(1);
            NDArray vk = vs.get(k).squeeze(1);
            if (k < begin) {
                x = x.add(uk.matMul(blocks.get(k)));
                dx = dx.add(vk.matMul(blocks.get(k)));
            } else {
                Dynamics.Tangent next = dyn.tangent(w.dynamics(), x, uk, dx, vk);
                x = next.next();
                dx = next.dNext();
            }
            if (k + 1 >= begin) {
                xsOut.add(x);
                dxOut.add(dx);
            }
        }
        NDArray readIn = w.readout().get(":, :" + heldIn);
        NDArray biasIn = w.bias().get(":" + heldIn);
        NDArray etaIn = NDArrays.stack(xsOut, 1).matMul(readIn).add(biasIn);
        NDArray detaIn = NDArrays.stack(dxOut, 1).matMul(readIn);
        NDArray d1 = switch (kind) {
            case POISSON_EXP -> etaIn.exp().sub(obsIn);
            case POISSON_SOFTPLUS -> {
                NDArray s = Activation.sigmoid(etaIn);
                NDArray sp = Activation.softPlus(etaIn);
                yield s.mul(w.gain().get(":" + heldIn)).sub(obsIn.mul(s).div(sp));
            }
            case GAUSSIAN -> etaIn.sub(obsIn).div(w.gain().get(":" + heldIn));
        };
        return d1.mul(detaIn).sum(new int[] {1, 2}).add(prior.directional(u, v));
    }

    /** Values worth logging: the prior's scales (and ν). */
    public Map<String, Object> describePrior() {
        return prior.describe();
    }
}

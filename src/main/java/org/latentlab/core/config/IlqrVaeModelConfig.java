package org.latentlab.core.config;

/**
 * The iLQR-VAE generative model and its recognition solver (reference ilqr-vae §1.1–1.4).
 *
 * <p>The state x ∈ Rⁿ starts at 0; the first {@code ceil(n/m)} inputs write the initial condition into
 * consecutive m-sized blocks of the state (the reference's {@code n_beg} steps, with the last block cut to
 * fit), then x' = f(x, u) for every further bin. Observations are read from x through a linear readout.
 *
 * @param latentDim        n, the state dimension; 24
 * @param inputDim         m, inputs per step; 4
 * @param dynamics         the dynamics family; MGU2 (control-affine, what the reference fits Lorenz with)
 * @param prior            the input prior; Student-t (sparse inputs) as the reference's examples
 * @param likelihood       the observation model; Poisson with an exp link for spike counts
 * @param postStdInit      initial diagonal of the time factor of the posterior covariance; 0.1
 * @param diagTimeCov      true: the time factor is diagonal (no learned correlations over time)
 * @param solver           the iLQR solver's settings
 * @param fitBehavior      also model the recording's behaviour channels (e.g. hand velocity): Gaussian
 *                         through their own linear readout of the state, a second likelihood summed with the
 *                         spikes' in the ELBO. Recognition (the iLQR cost) sees the spikes only, so behaviour
 *                         is predicted for trials that lack it; false
 */
@TypeName("ilqr-vae")
public record IlqrVaeModelConfig(int latentDim, int inputDim, DynamicsFamily dynamics, InputPrior prior,
                                 IlqrLikelihood likelihood, double postStdInit, boolean diagTimeCov,
                                 IlqrSolverConfig solver, boolean fitBehavior) implements IlqrModel {
    public IlqrVaeModelConfig {
        Check.positive("latent_dim", latentDim);
        Check.positive("input_dim", inputDim);
        Check.notNull("dynamics", dynamics);
        Check.notNull("prior", prior);
        Check.notNull("likelihood", likelihood);
        Check.positive("post_std_init", postStdInit);
        Check.notNull("solver", solver);
        if (inputDim > latentDim) {
            throw new org.latentlab.core.data.DataException("input_dim (" + inputDim + ") may not exceed latent_dim (" + latentDim + ")");
        }
    }

    public static IlqrVaeModelConfig defaults() {
        return new IlqrVaeModelConfig(24, 4, new DynamicsFamily.Mgu2(), InputPrior.StudentT.defaults(),
                new IlqrLikelihood.Poisson(Link.EXP), 0.1, false, IlqrSolverConfig.defaults(), false);
    }

    /** The number of initial-condition steps: inputs that write the state block by block. */
    public int beginSteps() {
        return (latentDim + inputDim - 1) / inputDim;
    }
}

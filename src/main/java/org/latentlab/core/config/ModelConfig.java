package org.latentlab.core.config;

/**
 * The LFADS architecture (reference §1.1–1.4; keys as in lfads-torch's model configs).
 *
 * <p>The defaults are sized for small recordings fitted on a CPU, such as the Lorenz sample (400 trials x
 * 100 bins x 30 neurons, 10 ms bins): lfads-torch's NLB 5 ms configs (ic_enc 100, ci_enc 80, con 80,
 * co 4, ic 100, gen 100, fac 40) with the encoders, controller and IC scaled down to 64, which keeps a
 * CPU epoch short while leaving the generator (the part that must hold the dynamics) at the NLB width.
 *
 * <p>A controller (the CI encoder, controller RNN and inferred inputs) exists iff {@code ciEncDim},
 * {@code conDim} and {@code coDim} are all &gt; 0, as in lfads-torch; setting any one of them to 0 gives
 * an autonomous generator driven only by its initial condition (and external inputs, if any).
 *
 * @param icEncDim        IC encoder GRU width per direction; 64 (NLB 5 ms: 100; mc_maze 20 ms: 64)
 * @param ciEncDim        CI encoder GRU width per direction; 64 (NLB: 80, mc_maze and dmfc_rsg: 64)
 * @param ciLag           bins by which the controller's view of the data lags the generator; 1 as everywhere
 * @param conDim          controller GRU width; 64 (as ci_enc)
 * @param coDim           inferred-input dimension; 4, as in every NLB config (the TF2 default 1 is too few
 *                        for multi-area inputs)
 * @param icDim           initial-condition latent dimension; 64
 * @param genDim          generator GRU width; 100, the NLB 5 ms value (a 3-D Lorenz system needs far fewer
 *                        units, but a wider generator trains more reliably and costs little on 30 channels)
 * @param facDim          factor dimension; 40 as in NLB (the factor layer is a row-normalised projection, so
 *                        more factors than channels is allowed; lower it for very small recordings)
 * @param icEncSeqLen     leading bins seen only by the IC encoder; 0 = both encoders see every bin
 * @param dropoutRate     dropout on encoder inputs, generator states and controller inputs; 0.05, the
 *                        autolfads-tf2 default between NLB 5 ms's 0.02 and mc_maze's 0.3 (PBT explores 0–0.6)
 * @param cellClip        clamp on every GRU state; 5 in every implementation
 * @param icPostVarMin    floor added to the IC posterior variance; 1e-4 everywhere
 * @param icPriorVar      IC prior variance (its log-variance is frozen); 0.1 everywhere
 * @param coPriorTau      initial time constant (bins) of the AR(1) inferred-input prior; 10 everywhere
 * @param coPriorNvar     initial noise variance of that prior; 0.1 everywhere
 * @param reconstruction  observation model; Poisson for spike counts
 * @param reconReduceMean true: NLL averaged over batch, time and channels (lfads-torch's convention, which
 *                        the published KL/L2 ranges assume); false: summed over time and channels
 * @param readinDim       with several sessions, the width of each session's linear read-in (the space the
 *                        shared encoders see); 0 = {@code facDim}, as lfads-torch's multi-session tutorial
 *                        (factors = read-in = principal components). A single session is read in as it is
 * @param trainReadin     with several sessions, whether the read-ins (initialised by principal-component
 *                        regression) are trained; false as lfads-torch (the original LFADS trained them)
 */
public record ModelConfig(
        int icEncDim,
        int ciEncDim,
        int ciLag,
        int conDim,
        int coDim,
        int icDim,
        int genDim,
        int facDim,
        int icEncSeqLen,
        double dropoutRate,
        double cellClip,
        double icPostVarMin,
        double icPriorVar,
        double coPriorTau,
        double coPriorNvar,
        Reconstruction reconstruction,
        boolean reconReduceMean,
        int readinDim,
        boolean trainReadin) {

    public ModelConfig {
        Check.positive("ic_enc_dim", icEncDim);
        Check.nonNegative("ci_enc_dim", ciEncDim);
        Check.nonNegative("ci_lag", ciLag);
        Check.nonNegative("con_dim", conDim);
        Check.nonNegative("co_dim", coDim);
        Check.positive("ic_dim", icDim);
        Check.positive("gen_dim", genDim);
        Check.positive("fac_dim", facDim);
        Check.nonNegative("ic_enc_seq_len", icEncSeqLen);
        Check.halfOpen("dropout_rate", dropoutRate, 0, 1);
        Check.positive("cell_clip", cellClip);
        Check.nonNegative("ic_post_var_min", icPostVarMin);
        Check.positive("ic_prior_var", icPriorVar);
        Check.positive("co_prior_tau", coPriorTau);
        Check.positive("co_prior_nvar", coPriorNvar);
        Check.notNull("reconstruction", reconstruction);
        Check.nonNegative("readin_dim", readinDim);
    }

    public static ModelConfig defaults() {
        return new ModelConfig(64, 64, 1, 64, 4, 64, 100, 40, 0, 0.05, 5.0, 1e-4, 0.1, 10.0, 0.1,
                new Reconstruction.Poisson(), true, 0, false);
    }

    /** The read-in width used when several sessions share the model. */
    public int multiSessionReadinDim() {
        return readinDim > 0 ? readinDim : facDim;
    }

    /** Whether the model has a controller and so infers inputs (lfads-torch's rule). */
    public boolean hasController() {
        return ciEncDim > 0 && conDim > 0 && coDim > 0;
    }
}

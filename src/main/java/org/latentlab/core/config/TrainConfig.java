package org.latentlab.core.config;

/**
 * How LFADS is trained (reference §1.5 loss, §1.8 optimiser and stopping). The loss is lfads-torch's:
 * {@code loss_scale · (mean NLL + ramp_l2·L2 + ramp_kl·KL)} with the NLL averaged over batch, time and
 * channels, the KL summed over latent dimensions (and time, for inferred inputs) and averaged over the
 * batch, and each L2 term {@code 0.5·scale·‖W_hh‖²} divided by the number of penalised weights. Keeping
 * that convention is what lets the published KL/L2 ranges transfer. A ramp is
 * {@code clamp((epoch + 1 − start) / (increase + 1), 0, 1)}.
 *
 * <p>Regularisation defaults: lfads-torch's single-run NLB configs set the "sampled" scales to 0 (or
 * 1e-7) because PBT searches them; a single run without PBT needs real values, so the defaults are the
 * log-space midpoints of lfads-torch's PBT search ranges (reference §2.1): kl_co 1e-6…1e-4 → 1e-5,
 * kl_ic 1e-6…1e-3 → 3e-5, l2_gen and l2_con 1e-4…1 → 1e-2. A PBT run starts from the same point.
 *
 * @param batchSize       trials per step; 64 as lfads-torch's mc_maze_small (the trainer caps it at the
 *                        number of training trials)
 * @param maxEpochs       hard epoch limit; 500, half lfads-torch's 1000, for CPU budgets
 * @param maxMinutes      wall-clock limit in minutes, 0 = none; 12, so a default run on a laptop ends
 * @param lrInit          AdamW learning rate; 4e-3 as lfads-torch (and PBT's fixed initial value)
 * @param lrStop          learning-rate floor of the plateau scheduler; 1e-5 as lfads-torch
 * @param lrDecay         plateau scheduler factor; 0.95 as every implementation
 * @param lrPatience      plateau scheduler patience in epochs; 6 as every implementation
 * @param lrScheduler     whether the plateau scheduler runs; off, as in the mc_maze configs and under PBT
 * @param adamEpsilon     AdamW epsilon; 1e-8 as lfads-torch
 * @param weightDecay     AdamW decoupled weight decay, ramped with the L2 ramp; 0 as lfads-torch
 * @param maxGradNorm     global gradient-norm clip on the scaled loss; 200 everywhere
 * @param lossScale       factor on the whole loss; 1e4 everywhere, which the KL/L2 ranges assume
 * @param l2StartEpoch    epoch at which the L2 ramp starts; 0
 * @param l2IncreaseEpoch epochs over which the L2 ramp rises to 1; 80 as lfads-torch
 * @param klStartEpoch    epoch at which the KL ramp starts; 0
 * @param klIncreaseEpoch epochs over which the KL ramp rises to 1; 80 as lfads-torch
 * @param l2GenScale      L2 on the generator's recurrent weights; 1e-2 (PBT range midpoint)
 * @param l2ConScale      L2 on the controller's recurrent weights; 1e-2 (PBT range midpoint)
 * @param l2IcEncScale    L2 on the IC encoder's recurrent weights; 0 as lfads-torch (not searched)
 * @param l2CiEncScale    L2 on the CI encoder's recurrent weights; 0 as lfads-torch (not searched)
 * @param klIcScale       weight of the initial-condition KL; 3e-5 (PBT range midpoint)
 * @param klCoScale       weight of the inferred-input KL; 1e-5 (PBT range midpoint)
 * @param patience        early stopping: epochs without improvement of the smoothed validation NLL, counted
 *                        only after both ramps end; 50 (lfads-torch 200 with 1000 epochs; shorter for CPU)
 * @param smoothing       weight of the past in the smoothed validation NLL that drives early stopping,
 *                        checkpoints and PBT: {@code smth_t = smoothing·smth_(t−1) + (1 − smoothing)·nll_t},
 *                        {@code smth} starting at the first value; 0.3 as lfads-torch's {@code valid/recon_smth}
 * @param validEvery      epochs between validation passes; 1
 * @param threads         CPU threads for the engine; 0 = all cores
 */
public record TrainConfig(
        int batchSize,
        int maxEpochs,
        double maxMinutes,
        double lrInit,
        double lrStop,
        double lrDecay,
        int lrPatience,
        boolean lrScheduler,
        double adamEpsilon,
        double weightDecay,
        double maxGradNorm,
        double lossScale,
        int l2StartEpoch,
        int l2IncreaseEpoch,
        int klStartEpoch,
        int klIncreaseEpoch,
        double l2GenScale,
        double l2ConScale,
        double l2IcEncScale,
        double l2CiEncScale,
        double klIcScale,
        double klCoScale,
        int patience,
        double smoothing,
        int validEvery,
        int threads) {

    public TrainConfig {
        Check.positive("batch_size", batchSize);
        Check.positive("max_epochs", maxEpochs);
        Check.nonNegative("max_minutes", maxMinutes);
        Check.positive("lr_init", lrInit);
        Check.nonNegative("lr_stop", lrStop);
        Check.positive("lr_decay", lrDecay);
        Check.closed("lr_decay", lrDecay, 0, 1);
        Check.nonNegative("lr_patience", lrPatience);
        Check.positive("adam_epsilon", adamEpsilon);
        Check.nonNegative("weight_decay", weightDecay);
        Check.positive("max_grad_norm", maxGradNorm);
        Check.positive("loss_scale", lossScale);
        Check.nonNegative("l2_start_epoch", l2StartEpoch);
        Check.nonNegative("l2_increase_epoch", l2IncreaseEpoch);
        Check.nonNegative("kl_start_epoch", klStartEpoch);
        Check.nonNegative("kl_increase_epoch", klIncreaseEpoch);
        Check.nonNegative("l2_gen_scale", l2GenScale);
        Check.nonNegative("l2_con_scale", l2ConScale);
        Check.nonNegative("l2_ic_enc_scale", l2IcEncScale);
        Check.nonNegative("l2_ci_enc_scale", l2CiEncScale);
        Check.nonNegative("kl_ic_scale", klIcScale);
        Check.nonNegative("kl_co_scale", klCoScale);
        Check.positive("patience", patience);
        Check.halfOpen("smoothing", smoothing, 0, 1);
        Check.positive("valid_every", validEvery);
        Check.nonNegative("threads", threads);
    }

    public static TrainConfig defaults() {
        return new TrainConfig(64, 500, 12.0, 4e-3, 1e-5, 0.95, 6, false, 1e-8, 0.0, 200.0, 1e4,
                0, 80, 0, 80, 1e-2, 1e-2, 0.0, 0.0, 3e-5, 1e-5, 50, 0.3, 1, 0);
    }

    /**
     * The last epoch of the longer ramp; early stopping and "best" checkpoints only count from here, as
     * lfads-torch's {@code EarlyStoppingWithBurnInPeriod} ({@code max(l2_start+l2_inc, kl_start+kl_inc)}).
     */
    public int burnInEpochs() {
        return Math.max(l2StartEpoch + l2IncreaseEpoch, klStartEpoch + klIncreaseEpoch);
    }
}

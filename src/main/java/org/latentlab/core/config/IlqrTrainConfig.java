package org.latentlab.core.config;

/**
 * How an iLQR-VAE is trained. The loss is the reference's: {@code −ELBO / (bins × channels)} averaged over
 * the trials of a batch, plus an L2 penalty on the recurrent weights; the KL term warms up linearly.
 *
 * @param batchSize       trials (chunks) per step; 32
 * @param chunkBins       training trials are cut into chunks of this many bins (the posterior covariance is
 *                        tied to this length); 0 = whole trials; 50
 * @param maxEpochs       epoch limit; 1000 (the time limit usually ends a CPU run first)
 * @param maxMinutes      wall-clock limit in minutes, 0 = none; 25
 * @param lrInit          Adam learning rate at step 0; 4e-3 as the reference
 * @param lrHalfSteps     the rate follows {@code lr_init / (1 + sqrt(step / lr_half_steps))}; the reference's
 *                        schedule is this with 1 step, which is too fast for small data; 200
 * @param adamEpsilon     Adam epsilon; 1e-8
 * @param maxGradNorm     global gradient-norm clip; 10
 * @param klWarmupEpochs  epochs over which the KL weight rises from 0 to 1; 20
 * @param l2Scale         L2 on the recurrent (state-to-state) weights, divided by n²; 1e-5 as the reference
 * @param patience        early stopping: epochs without improvement of the smoothed validation loss; 40
 * @param smoothing       weight of the past in the smoothed validation loss; 0.3
 * @param threads         CPU threads for the solver and the engine; 0 = all cores
 */
public record IlqrTrainConfig(int batchSize, int chunkBins, int maxEpochs, double maxMinutes, double lrInit,
                              double lrHalfSteps, double adamEpsilon, double maxGradNorm, int klWarmupEpochs,
                              double l2Scale, int patience, double smoothing, int threads) {
    public IlqrTrainConfig {
        Check.positive("batch_size", batchSize);
        Check.nonNegative("chunk_bins", chunkBins);
        Check.positive("max_epochs", maxEpochs);
        Check.nonNegative("max_minutes", maxMinutes);
        Check.positive("lr_init", lrInit);
        Check.positive("lr_half_steps", lrHalfSteps);
        Check.positive("adam_epsilon", adamEpsilon);
        Check.positive("max_grad_norm", maxGradNorm);
        Check.nonNegative("kl_warmup_epochs", klWarmupEpochs);
        Check.nonNegative("l2_scale", l2Scale);
        Check.positive("patience", patience);
        Check.halfOpen("smoothing", smoothing, 0, 1);
        Check.nonNegative("threads", threads);
    }

    public static IlqrTrainConfig defaults() {
        return new IlqrTrainConfig(32, 50, 1000, 25, 4e-3, 200, 1e-8, 10, 20, 1e-5, 40, 0.3, 0);
    }

    /** The learning rate at optimisation step {@code step} (counted from 0). */
    public double lr(long step) {
        return lrInit / (1 + Math.sqrt(step / lrHalfSteps));
    }
}

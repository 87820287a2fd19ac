package org.latentlab.core.config;

/**
 * Everything that defines an iLQR-VAE run apart from the data and the seed: chosen on the command line with
 * {@code train --set model=ilqr-vae} or in a file whose {@code model} section has {@code type: ilqr-vae}.
 * {@code resources/configs/ilqr-vae-default.yaml} is {@link #defaults()} as written by {@link ConfigIO#write}.
 */
public record IlqrVaeConfig(IlqrModel model, IlqrTrainConfig train) {
    public IlqrVaeConfig {
        Check.notNull("model", model);
        Check.notNull("train", train);
    }

    public static IlqrVaeConfig defaults() {
        return new IlqrVaeConfig(IlqrVaeModelConfig.defaults(), IlqrTrainConfig.defaults());
    }

    /** The model section; a sealed type so that {@code model=ilqr-vae} names it. */
    public IlqrVaeModelConfig modelConfig() {
        return (IlqrVaeModelConfig) model;
    }
}

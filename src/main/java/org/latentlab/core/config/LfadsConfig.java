package org.latentlab.core.config;

/**
 * Everything that defines an LFADS run apart from the data and the seed (which come from the command
 * line): {@code train --config C.yaml --set model.gen_dim=128}. Load it with
 * {@link ConfigIO#load(Class, java.nio.file.Path, java.util.List)}; {@code resources/configs/lfads-default.yaml}
 * is {@link #defaults()} as written by {@link ConfigIO#write}.
 */
public record LfadsConfig(ModelConfig model, TrainConfig train, AugmentConfig augment) {
    public LfadsConfig {
        Check.notNull("model", model);
        Check.notNull("train", train);
        Check.notNull("augment", augment);
    }

    public static LfadsConfig defaults() {
        return new LfadsConfig(ModelConfig.defaults(), TrainConfig.defaults(), AugmentConfig.defaults());
    }
}

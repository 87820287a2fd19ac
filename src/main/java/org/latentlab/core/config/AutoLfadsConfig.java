package org.latentlab.core.config;

/**
 * An AutoLFADS run: the LFADS sections that every member shares, plus the population's {@code pbt} section
 * ({@code pbt --set pbt.population=4 --set train.batch_size=32}).
 *
 * <p>Defaults differ from {@link LfadsConfig#defaults()} in two places. Coordinated dropout starts at 0.5, the
 * fixed initial value of lfads-torch's search space. The KL and L2 ramps take 40 epochs, not 80: on two CPU
 * cores a 16-member population of the sample's size trains about 3 epochs a minute, and burn-in (the ramps)
 * plus 25-epoch generations must leave room for exploiting within half an hour.
 */
public record AutoLfadsConfig(ModelConfig model, TrainConfig train, AugmentConfig augment, PbtConfig pbt) {

    public AutoLfadsConfig {
        Check.notNull("model", model);
        Check.notNull("train", train);
        Check.notNull("augment", augment);
        Check.notNull("pbt", pbt);
        if (!(pbt.search() instanceof LfadsSearch)) {
            throw new org.latentlab.core.data.DataException("pbt.search must be lfads for an AutoLFADS population");
        }
    }

    public static AutoLfadsConfig defaults() {
        LfadsConfig base = LfadsConfig.defaults();
        TrainConfig t = Overrides.apply(base.train(), java.util.List.of("l2_increase_epoch=40", "kl_increase_epoch=40"));
        AugmentConfig a = Overrides.apply(base.augment(), java.util.List.of("cd_rate=0.5"));
        return new AutoLfadsConfig(base.model(), t, a, PbtConfig.defaults());
    }

    public LfadsSearch search() {
        return (LfadsSearch) pbt.search();
    }

    /** The shared LFADS config (before any member's hyperparameters). */
    public LfadsConfig lfads() {
        return new LfadsConfig(model, train, augment);
    }
}

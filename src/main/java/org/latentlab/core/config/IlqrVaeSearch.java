package org.latentlab.core.config;

import static org.latentlab.core.config.InitDistribution.LOG_UNIFORM;

/**
 * The search space of a population of iLQR-VAEs: the learning rate, the L2 weight on the recurrent weights
 * (the regularisation), and the input prior's scale. The prior's scale is a learned parameter: PBT draws
 * each member's starting value ({@code model.prior.scale_init}) and selection keeps the good ones, but
 * explore never perturbs it (the member's weights already hold the learned value). Explore perturbs the
 * other two at every exploit.
 *
 * @param lrInit    the learning rate, constant within a generation (as for AutoLFADS); drawn log-uniform in
 *                  [1e-3, 1e-2] around the default 4e-3
 * @param l2Scale   {@code train.l2_scale}; drawn log-uniform in [1e-6, 1e-3] (the default is 1e-5)
 * @param priorScale {@code model.prior.scale_init}; drawn log-uniform in [0.3, 3] (the default is 1); its
 *                  {@code explore_weight} and {@code enforce_limits} are unused, since explore leaves it alone
 */
@TypeName("ilqr-vae")
public record IlqrVaeSearch(HyperRange lrInit, HyperRange l2Scale, HyperRange priorScale) implements SearchSpace {
    public IlqrVaeSearch {
        Check.notNull("lr_init", lrInit);
        Check.notNull("l2_scale", l2Scale);
        Check.notNull("prior_scale", priorScale);
    }

    public static IlqrVaeSearch defaults() {
        return new IlqrVaeSearch(
                HyperRange.searched(1e-3, 1e-2, LOG_UNIFORM, 0.3, true),
                HyperRange.searched(1e-6, 1e-3, LOG_UNIFORM, 0.8, false),
                HyperRange.searched(0.3, 3, LOG_UNIFORM, 0.3, false));
    }
}

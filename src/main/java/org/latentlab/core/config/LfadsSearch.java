package org.latentlab.core.config;

import static org.latentlab.core.config.InitDistribution.FIXED;
import static org.latentlab.core.config.InitDistribution.LOG_UNIFORM;
import static org.latentlab.core.config.InitDistribution.UNIFORM;

/**
 * The AutoLFADS search space: one range per hyperparameter that a member can hold apart from the others. These
 * are the ones the vectorised population keeps as per-member tensors (learning rate, dropout, coordinated
 * dropout, KL and L2 weights, weight decay); structural fields (sizes, batch size) are shared by the
 * population. Defaults are lfads-torch's table (reference §2.1); the encoder L2 weights and weight decay
 * are available but not searched, as there.
 */
@TypeName("lfads")
public record LfadsSearch(HyperRange lrInit, HyperRange dropoutRate, HyperRange cdRate, HyperRange klCoScale,
                          HyperRange klIcScale, HyperRange l2GenScale, HyperRange l2ConScale,
                          HyperRange l2IcEncScale, HyperRange l2CiEncScale, HyperRange weightDecay)
        implements SearchSpace {

    public LfadsSearch {
        Check.notNull("lr_init", lrInit);
        Check.notNull("dropout_rate", dropoutRate);
        Check.notNull("cd_rate", cdRate);
        Check.notNull("kl_co_scale", klCoScale);
        Check.notNull("kl_ic_scale", klIcScale);
        Check.notNull("l2_gen_scale", l2GenScale);
        Check.notNull("l2_con_scale", l2ConScale);
        Check.notNull("l2_ic_enc_scale", l2IcEncScale);
        Check.notNull("l2_ci_enc_scale", l2CiEncScale);
        Check.notNull("weight_decay", weightDecay);
    }

    public static LfadsSearch defaults() {
        return new LfadsSearch(
                HyperRange.searched(1e-5, 5e-3, FIXED, 0.3, true),
                HyperRange.searched(0.0, 0.6, UNIFORM, 0.3, true),
                HyperRange.searched(0.01, 0.7, FIXED, 0.3, true),
                HyperRange.searched(1e-6, 1e-4, LOG_UNIFORM, 0.8, false),
                HyperRange.searched(1e-6, 1e-3, LOG_UNIFORM, 0.8, false),
                HyperRange.searched(1e-4, 1.0, LOG_UNIFORM, 0.8, false),
                HyperRange.searched(1e-4, 1.0, LOG_UNIFORM, 0.8, false),
                HyperRange.notSearched(1e-5, 1.0),
                HyperRange.notSearched(1e-5, 1.0),
                HyperRange.notSearched(1e-6, 1e-1));
    }
}

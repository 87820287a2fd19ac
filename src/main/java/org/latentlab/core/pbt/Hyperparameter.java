package org.latentlab.core.pbt;

import java.util.function.Function;
import org.latentlab.core.config.HyperRange;
import org.latentlab.core.config.LfadsSearch;

/**
 * The hyperparameters an AutoLFADS member holds apart from the rest of the population, each tied to its
 * config key and its search-space range. A member's values are a {@code double[]} indexed by
 * {@link #ordinal()} (the order of {@link HyperSpace#of} for an LFADS search space).
 */
public enum Hyperparameter {
    LR_INIT("train.lr_init", LfadsSearch::lrInit),
    DROPOUT_RATE("model.dropout_rate", LfadsSearch::dropoutRate),
    CD_RATE("augment.cd_rate", LfadsSearch::cdRate),
    KL_CO_SCALE("train.kl_co_scale", LfadsSearch::klCoScale),
    KL_IC_SCALE("train.kl_ic_scale", LfadsSearch::klIcScale),
    L2_GEN_SCALE("train.l2_gen_scale", LfadsSearch::l2GenScale),
    L2_CON_SCALE("train.l2_con_scale", LfadsSearch::l2ConScale),
    L2_IC_ENC_SCALE("train.l2_ic_enc_scale", LfadsSearch::l2IcEncScale),
    L2_CI_ENC_SCALE("train.l2_ci_enc_scale", LfadsSearch::l2CiEncScale),
    WEIGHT_DECAY("train.weight_decay", LfadsSearch::weightDecay);

    private final String key;
    private final Function<LfadsSearch, HyperRange> range;

    Hyperparameter(String key, Function<LfadsSearch, HyperRange> range) {
        this.key = key;
        this.range = range;
    }

    /** The dotted config key, e.g. {@code train.lr_init}. */
    public String key() {
        return key;
    }

    /** The column name in {@code pbt.csv}: the key without its section. */
    public String column() {
        return HyperSpace.column(key);
    }

    public HyperRange range(LfadsSearch space) {
        return range.apply(space);
    }
}

package org.latentlab.core.pbt;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.latentlab.core.config.HyperRange;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.config.SearchSpace;

/**
 * The hyperparameters a member holds apart from the rest of the population, each tied to its config key,
 * its search-space range and its value in an LFADS config. A member's values are a {@code double[]} indexed
 * by {@link #ordinal()}.
 */
public enum Hyperparameter {
    LR_INIT("train.lr_init", SearchSpace::lrInit, c -> c.train().lrInit()),
    DROPOUT_RATE("model.dropout_rate", SearchSpace::dropoutRate, c -> c.model().dropoutRate()),
    CD_RATE("augment.cd_rate", SearchSpace::cdRate, c -> c.augment().cdRate()),
    KL_CO_SCALE("train.kl_co_scale", SearchSpace::klCoScale, c -> c.train().klCoScale()),
    KL_IC_SCALE("train.kl_ic_scale", SearchSpace::klIcScale, c -> c.train().klIcScale()),
    L2_GEN_SCALE("train.l2_gen_scale", SearchSpace::l2GenScale, c -> c.train().l2GenScale()),
    L2_CON_SCALE("train.l2_con_scale", SearchSpace::l2ConScale, c -> c.train().l2ConScale()),
    L2_IC_ENC_SCALE("train.l2_ic_enc_scale", SearchSpace::l2IcEncScale, c -> c.train().l2IcEncScale()),
    L2_CI_ENC_SCALE("train.l2_ci_enc_scale", SearchSpace::l2CiEncScale, c -> c.train().l2CiEncScale()),
    WEIGHT_DECAY("train.weight_decay", SearchSpace::weightDecay, c -> c.train().weightDecay());

    private final String key;
    private final Function<SearchSpace, HyperRange> range;
    private final ToDoubleFunction<LfadsConfig> value;

    Hyperparameter(String key, Function<SearchSpace, HyperRange> range, ToDoubleFunction<LfadsConfig> value) {
        this.key = key;
        this.range = range;
        this.value = value;
    }

    /** The dotted config key, e.g. {@code train.lr_init}. */
    public String key() {
        return key;
    }

    /** The column name in {@code pbt.csv}: the key without its section. */
    public String column() {
        return key.substring(key.indexOf('.') + 1);
    }

    public HyperRange range(SearchSpace space) {
        return range.apply(space);
    }

    public double valueIn(LfadsConfig config) {
        return value.applyAsDouble(config);
    }

    /** Every hyperparameter's value in a config, indexed by ordinal. */
    public static double[] valuesIn(LfadsConfig config) {
        double[] v = new double[values().length];
        for (Hyperparameter h : values()) {
            v[h.ordinal()] = h.valueIn(config);
        }
        return v;
    }
}

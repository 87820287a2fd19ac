package org.latentlab.core.pbt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.core.config.Config;
import org.latentlab.core.config.HyperRange;
import org.latentlab.core.config.IlqrVaeSearch;
import org.latentlab.core.config.LfadsSearch;
import org.latentlab.core.config.Overrides;
import org.latentlab.core.config.SearchSpace;

/**
 * The hyperparameters a population holds per member, in the order of a member's values ({@code double[]}):
 * each with its config key, its range, and whether explore perturbs it. AutoLFADS's are {@link Hyperparameter}'s,
 * in its order (the batched model reads them by ordinal); an iLQR-VAE population's are the learning rate,
 * the L2 weight and the input prior's initial scale ({@link #ILQR_LR}, {@link #ILQR_L2},
 * {@link #ILQR_PRIOR_SCALE}).
 */
public record HyperSpace(List<Entry> entries) {
    public static final int ILQR_LR = 0;
    public static final int ILQR_L2 = 1;
    public static final int ILQR_PRIOR_SCALE = 2;

    /**
     * One hyperparameter.
     *
     * @param explored whether explore perturbs it; a value that only seeds a learned parameter is drawn once
     *                 and then inherited
     */
    public record Entry(String key, HyperRange range, boolean explored) {
        /** The column name in {@code pbt.csv}: the key without its section. */
        public String column() {
            return HyperSpace.column(key);
        }
    }

    /** A key's column name in {@code pbt.csv}: the key without its section. */
    static String column(String key) {
        return key.substring(key.indexOf('.') + 1);
    }

    public HyperSpace {
        entries = List.copyOf(entries);
    }

    /** The hyperparameters of a search space. */
    public static HyperSpace of(SearchSpace search) {
        List<Entry> e = new ArrayList<>();
        if (search instanceof LfadsSearch l) {
            for (Hyperparameter h : Hyperparameter.values()) {
                e.add(new Entry(h.key(), h.range(l), true));
            }
        } else {
            IlqrVaeSearch s = (IlqrVaeSearch) search;
            e.add(new Entry("train.lr_init", s.lrInit(), true));
            e.add(new Entry("train.l2_scale", s.l2Scale(), true));
            e.add(new Entry("model.prior.scale_init", s.priorScale(), false));
        }
        return new HyperSpace(e);
    }

    public int size() {
        return entries.size();
    }

    public Entry get(int i) {
        return entries.get(i);
    }

    public List<String> columns() {
        return entries.stream().map(Entry::column).toList();
    }

    /** The values a run config sets, read from its keys. */
    public double[] configured(Record config) {
        Map<String, String> flat = Config.flatten(config);
        double[] v = new double[size()];
        for (int i = 0; i < v.length; i++) {
            String text = flat.get(get(i).key());
            if (text == null) {
                throw new IllegalArgumentException(get(i).key() + " is not a key of " + config.getClass().getSimpleName());
            }
            v[i] = Double.parseDouble(text);
        }
        return v;
    }

    /** {@code base} with one member's values set. */
    public <T extends Record> T apply(T base, double[] values) {
        List<String> set = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            set.add(get(i).key() + "=" + values[i]);
        }
        return Overrides.apply(base, set);
    }

    /** One member's values by key. */
    public Map<String, Double> named(double[] values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < size(); i++) {
            m.put(get(i).key(), values[i]);
        }
        return m;
    }
}

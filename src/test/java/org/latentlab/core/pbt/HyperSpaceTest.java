package org.latentlab.core.pbt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.core.config.AutoLfadsConfig;
import org.latentlab.core.config.IlqrVaeConfig;
import org.latentlab.core.config.IlqrVaePbtConfig;
import org.latentlab.core.config.InputPrior;
import org.latentlab.core.config.LfadsConfig;

/** A population's hyperparameters: their order, the values a config sets, and a member's config. */
class HyperSpaceTest {
    @Test
    void autoLfadsKeepsTheOrderTheBatchedModelReadsByOrdinal() {
        AutoLfadsConfig c = AutoLfadsConfig.defaults();
        HyperSpace s = HyperSpace.of(c.search());
        assertEquals(Hyperparameter.values().length, s.size());
        for (Hyperparameter h : Hyperparameter.values()) {
            assertEquals(h.key(), s.get(h.ordinal()).key());
            assertEquals(h.column(), s.get(h.ordinal()).column());
            assertTrue(s.get(h.ordinal()).explored());
        }
        double[] v = s.configured(c);
        assertEquals(c.train().lrInit(), v[Hyperparameter.LR_INIT.ordinal()]);
        assertEquals(c.augment().cdRate(), v[Hyperparameter.CD_RATE.ordinal()]);
        v[Hyperparameter.DROPOUT_RATE.ordinal()] = 0.25;
        LfadsConfig member = s.apply(c.lfads(), v);
        assertEquals(0.25, member.model().dropoutRate());
        assertArrayEquals(v, s.configured(new AutoLfadsConfig(member.model(), member.train(), member.augment(), c.pbt())));
    }

    @Test
    void anIlqrVaePopulationSearchesItsOwnThreeAndDrawsThePriorScaleOnce() {
        IlqrVaePbtConfig c = IlqrVaePbtConfig.defaults();
        HyperSpace s = HyperSpace.of(c.search());
        assertEquals(List.of("lr_init", "l2_scale", "prior.scale_init"), s.columns());
        assertTrue(s.get(HyperSpace.ILQR_LR).explored());
        assertTrue(s.get(HyperSpace.ILQR_L2).explored());
        assertFalse(s.get(HyperSpace.ILQR_PRIOR_SCALE).explored(), "a learned parameter's start is not perturbed");
        assertArrayEquals(new double[] {4e-3, 1e-5, 1}, s.configured(c));
        IlqrVaeConfig member = s.apply(c.ilqrVae(), new double[] {2e-3, 1e-4, 0.5});
        assertEquals(2e-3, member.train().lrInit());
        assertEquals(1e-4, member.train().l2Scale());
        assertEquals(0.5, ((InputPrior.StudentT) member.modelConfig().prior()).scaleInit());
        assertEquals(List.of("train.lr_init", "train.l2_scale", "model.prior.scale_init"),
                List.copyOf(s.named(new double[] {2e-3, 1e-4, 0.5}).keySet()));
    }
}

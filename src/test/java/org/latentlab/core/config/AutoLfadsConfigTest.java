package org.latentlab.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.core.data.DataException;

class AutoLfadsConfigTest {
    private static final Path GOLDEN = Path.of("resources/configs/autolfads-default.yaml");

    @Test
    void goldenDefaultFileIsWhatTheWriterProducesAndLoadsBackToTheDefaults() throws Exception {
        assertEquals(ConfigIO.toYaml(AutoLfadsConfig.defaults()), Files.readString(GOLDEN),
                "regenerate with ConfigIO.write(AutoLfadsConfig.defaults(), " + GOLDEN + ") if the change is intended");
        assertEquals(AutoLfadsConfig.defaults(), ConfigIO.read(AutoLfadsConfig.class, GOLDEN));
    }

    @Test
    void defaultsAreLfadsTorchsSearchSpaceWithShorterRamps() {
        AutoLfadsConfig d = AutoLfadsConfig.defaults();
        assertEquals(16, d.pbt().population());
        assertEquals(25, d.pbt().epochsPerGeneration());
        assertEquals(40, d.pbt().burnIn(d.train()), "burn-in ends with the ramps");
        assertEquals(ExploitMethod.TOURNAMENT, d.pbt().exploit());
        LfadsSearch s = d.search();
        assertEquals(new HyperRange(true, 1e-5, 5e-3, InitDistribution.FIXED, 0.3, true), s.lrInit());
        assertEquals(new HyperRange(true, 1e-6, 1e-3, InitDistribution.LOG_UNIFORM, 0.8, false), s.klIcScale());
        assertFalse(s.l2IcEncScale().search());
        assertEquals(0.5, d.augment().cdRate(), "lfads-torch's fixed initial CD rate");
        assertEquals(4e-3, d.lfads().train().lrInit());
    }

    @Test
    void searchSpaceKeysAreSetLikeAnyOtherAndCheckedWithTheirPath() {
        AutoLfadsConfig c = Overrides.apply(AutoLfadsConfig.defaults(),
                List.of("pbt.population=4", "pbt.search.kl_co_scale.max=1e-3", "pbt.exploit=truncation"));
        assertEquals(4, c.pbt().population());
        assertEquals(1e-3, c.search().klCoScale().max());
        assertEquals(ExploitMethod.TRUNCATION, c.pbt().exploit());
        DataException e = assertThrows(DataException.class, () -> Overrides.apply(AutoLfadsConfig.defaults(),
                List.of("pbt.search.lr_init.min=1")));
        assertTrue(e.getMessage().startsWith("pbt.search.lr_init"), e.getMessage());
        DataException one = assertThrows(DataException.class, () -> Overrides.apply(AutoLfadsConfig.defaults(),
                List.of("pbt.population=1")));
        assertTrue(one.getMessage().contains("pbt.population"), one.getMessage());
        DataException typo = assertThrows(DataException.class, () -> Overrides.apply(AutoLfadsConfig.defaults(),
                List.of("pbt.populaton=4")));
        assertTrue(typo.getMessage().contains("pbt.population"), typo.getMessage());
    }

    @Test
    void workersAreAutomaticByDefaultAndNeverNegative() {
        assertEquals(0, AutoLfadsConfig.defaults().pbt().workers());
        assertEquals(2, Overrides.apply(AutoLfadsConfig.defaults(), List.of("pbt.executor=per_member", "pbt.workers=2"))
                .pbt().workers());
        DataException negative = assertThrows(DataException.class, () -> Overrides.apply(AutoLfadsConfig.defaults(),
                List.of("pbt.workers=-1")));
        assertTrue(negative.getMessage().contains("pbt.workers"), negative.getMessage());
    }
}

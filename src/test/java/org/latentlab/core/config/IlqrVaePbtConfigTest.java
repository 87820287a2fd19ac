package org.latentlab.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.core.data.DataException;

/** The config of a population of iLQR-VAEs, and the search space's choice by model. */
class IlqrVaePbtConfigTest {
    private static final Path GOLDEN = Path.of("resources/configs/ilqr-vae-pbt-default.yaml");

    @Test
    void goldenDefaultFileIsWhatTheWriterProducesAndLoadsBackToTheDefaults() throws Exception {
        assertEquals(ConfigIO.toYaml(IlqrVaePbtConfig.defaults()), Files.readString(GOLDEN),
                "regenerate with ConfigIO.write(IlqrVaePbtConfig.defaults(), " + GOLDEN + ") if the change is intended");
        assertEquals(IlqrVaePbtConfig.defaults(), ConfigIO.read(IlqrVaePbtConfig.class, GOLDEN));
        assertEquals(ModelFamily.ILQR_VAE, ModelFamily.of(GOLDEN, List.of()), "pbt --config finds the model in the file");
    }

    @Test
    void defaultsAreASmallerPopulationWithTheIlqrVaeSearchSpace() {
        IlqrVaePbtConfig d = IlqrVaePbtConfig.defaults();
        assertEquals(8, d.pbt().population());
        assertEquals(10, d.pbt().epochsPerGeneration());
        assertEquals(20, d.pbt().burnIn(d.train().klWarmupEpochs()), "burn-in ends with the KL warm-up");
        assertEquals(IlqrVaeConfig.defaults(), d.ilqrVae());
        IlqrVaeConfig set = ConfigIO.load(IlqrVaePbtConfig.class, null, List.of("model=ilqr-vae",
                "pbt.search.l2_scale.max=1e-2", "model.latent_dim=8")).ilqrVae();
        assertEquals(8, set.modelConfig().latentDim());
    }

    @Test
    void theSearchSpaceMustBeTheModels() throws Exception {
        DataException ilqr = assertThrows(DataException.class, () -> ConfigIO.load(IlqrVaePbtConfig.class, null,
                List.of("pbt.search=lfads")));
        assertEquals("pbt.search must be ilqr-vae for a population of iLQR-VAEs", ilqr.getMessage());
        DataException lfads = assertThrows(DataException.class, () -> ConfigIO.load(AutoLfadsConfig.class, null,
                List.of("pbt.search=ilqr-vae")));
        assertEquals("pbt.search must be lfads for an AutoLFADS population", lfads.getMessage());
        // An AutoLFADS file written before the search space named its type still loads as AutoLFADS's.
        String old = Files.readString(Path.of("resources/configs/autolfads-default.yaml")).replace("    type: lfads\n", "");
        assertEquals(AutoLfadsConfig.defaults(), ConfigIO.parse(AutoLfadsConfig.class, old, ConfigIO.Format.YAML, "old.yaml"));
    }

    @Test
    void membersTrainOneAtATime() {
        DataException e = assertThrows(DataException.class, () -> ConfigIO.load(IlqrVaePbtConfig.class, null,
                List.of("pbt.workers=2")));
        assertTrue(e.getMessage().startsWith("pbt.workers must be 0 or 1"), e.getMessage());
        assertEquals(1, ConfigIO.load(IlqrVaePbtConfig.class, null, List.of("pbt.workers=1")).pbt().workers());
    }
}

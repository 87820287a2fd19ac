package org.latentlab.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.data.DataException;

class IlqrVaeConfigTest {
    private static final Path GOLDEN = Path.of("resources/configs/ilqr-vae-default.yaml");

    @Test
    void goldenDefaultFileIsWhatTheWriterProducesAndLoadsBackToTheDefaults() throws Exception {
        assertEquals(ConfigIO.toYaml(IlqrVaeConfig.defaults()), Files.readString(GOLDEN),
                "regenerate with ConfigIO.write(IlqrVaeConfig.defaults(), " + GOLDEN + ") if the change is intended");
        assertEquals(IlqrVaeConfig.defaults(), ConfigIO.read(IlqrVaeConfig.class, GOLDEN));
    }

    @Test
    void theModelIsChosenByTypeInAFileOrBySetAndTheLastSetWins(@TempDir Path dir) throws Exception {
        assertEquals(ModelFamily.LFADS, ModelFamily.of(null, List.of("model.gen_dim=8")));
        assertEquals(ModelFamily.ILQR_VAE, ModelFamily.of(null, List.of("model=ilqr_vae")));
        assertEquals(ModelFamily.ILQR_VAE, ModelFamily.of(GOLDEN, List.of()));
        assertEquals(ModelFamily.LFADS, ModelFamily.of(GOLDEN, List.of("model=lfads")));
        assertEquals(List.of("train.max_epochs=3"), ModelFamily.overridesFor(ModelFamily.LFADS,
                List.of("model=lfads", "train.max_epochs=3")));
        DataException e = assertThrows(DataException.class, () -> ModelFamily.of(null, List.of("model=gru")));
        assertEquals("--set model must be one of lfads, ilqr-vae, got 'gru'", e.getMessage());
        // every key of the iLQR-VAE config is reachable on the command line, variants included
        IlqrVaeConfig c = ConfigIO.load(IlqrVaeConfig.class, null, List.of("model=ilqr-vae", "model.dynamics=linear",
                "model.dynamics.tau_bins=5", "model.prior=gaussian", "model.likelihood.link=softplus",
                "model.solver.max_iterations=3", "train.chunk_bins=0"));
        assertEquals(new DynamicsFamily.Linear(5, 0.5), c.modelConfig().dynamics());
        assertEquals(InputPrior.Gaussian.defaults(), c.modelConfig().prior());
        assertEquals(new IlqrLikelihood.Poisson(Link.SOFTPLUS), c.modelConfig().likelihood());
        assertEquals(3, c.modelConfig().solver().maxIterations());
        DataException bad = assertThrows(DataException.class, () -> ConfigIO.load(IlqrVaeConfig.class, null,
                List.of("model.input_dim=30")));
        assertTrue(bad.getMessage().contains("input_dim (30) may not exceed latent_dim (24)"), bad.getMessage());
    }

    @Test
    void initialConditionStepsFillTheStateBlockByBlock() {
        assertEquals(6, IlqrVaeModelConfig.defaults().beginSteps()); // 24 / 4
        IlqrVaeConfig c = ConfigIO.load(IlqrVaeConfig.class, null, List.of("model.latent_dim=10", "model.input_dim=3"));
        assertEquals(4, c.modelConfig().beginSteps()); // blocks of 3, 3, 3 and 1
    }
}

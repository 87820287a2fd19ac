package org.latentlab.core.model.ilqrvae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.core.config.DynamicsFamily;
import org.latentlab.core.config.IlqrLikelihood;
import org.latentlab.core.config.IlqrSolverConfig;
import org.latentlab.core.config.IlqrVaeModelConfig;
import org.latentlab.core.config.InputPrior;
import org.latentlab.core.config.Link;
import org.latentlab.core.engine.TorchEngine;

/** The Student-t degrees of freedom are a trained parameter unless {@code learn_dof=false} holds them. */
class InputPriorTermsTest {
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void learnDofDecidesWhetherTheDegreesOfFreedomTrain(boolean learn) {
        TorchEngine.prepareThread();
        IlqrVaeModelConfig cfg = new IlqrVaeModelConfig(4, 2, new DynamicsFamily.Mgu2(),
                new InputPrior.StudentT(3.5, 1, learn), new IlqrLikelihood.Poisson(Link.EXP), 0.1, false,
                IlqrSolverConfig.defaults(), false);
        try (NDManager nd = NDManager.newBaseManager()) {
            IlqrVaeModel model = new IlqrVaeModel(nd, cfg, 3, 3, cfg.beginSteps() + 5,
                    IlqrSolverTest.constant(3, 1.0), IlqrSolverTest.constant(3, 1.0), 1);
            assertEquals(learn, model.params().trainable().containsKey("prior.log_dof_m2"));
            assertTrue(model.params().all().containsKey("prior.log_dof_m2"), "checkpoints keep it either way");
            assertEquals(3.5, ((Number) model.describePrior().get("dof")).doubleValue(), 1e-5);
        }
    }
}

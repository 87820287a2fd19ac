package org.latentlab.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** libtorch must load from the native jar on the class path with no network, and compute gradients. */
class TorchEngineOfflineTest {
    @Test
    void pytorchEngineLoadsOfflineAndDifferentiates() {
        assertEquals("true", System.getProperty("ai.djl.offline"), "tests must run with DJL offline");
        Engine engine = TorchEngine.get();
        assertEquals("PyTorch", engine.getEngineName());
        assertTrue(engine.getVersion().startsWith("2.5.1"), engine.getVersion());
        try (NDManager m = NDManager.newBaseManager(TorchEngine.device())) {
            NDArray x = m.create(new float[] {1f, 2f, 3f});
            x.setRequiresGradient(true);
            try (Recording rec = Recording.start()) {
                NDArray y = x.mul(x).sum(); // d/dx sum(x^2) = 2x
                rec.backward(y);
            }
            assertArrayEquals(new float[] {2f, 4f, 6f}, x.getGradient().toFloatArray(), 1e-6f);
        }
        assertTrue(TorchEngine.describe().startsWith("PyTorch 2.5.1 on "), TorchEngine.describe());
    }
}

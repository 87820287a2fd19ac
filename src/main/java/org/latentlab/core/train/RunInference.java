package org.latentlab.core.train;

import java.nio.file.Path;
import org.latentlab.core.Progress;
import org.latentlab.core.config.ModelFamily;
import org.latentlab.core.data.Session;

/** Inference with whatever model a run directory holds: LFADS posterior sampling or iLQR-VAE posterior means. */
public final class RunInference {
    private RunInference() {
    }

    /** @param samples posterior samples for LFADS (an iLQR-VAE run's outputs are posterior means) */
    public static LfadsInference.Outputs infer(Path runDir, Session data, int samples, Progress progress) {
        return ModelFamily.ofRun(runDir) == ModelFamily.ILQR_VAE
                ? IlqrVaeInference.infer(runDir, data, progress)
                : LfadsInference.infer(runDir, data, samples, progress);
    }
}

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
        return infer(runDir, data, null, samples, progress);
    }

    /** @param session of a multi-session LFADS run, the session the data belong to (null: named like the file) */
    public static LfadsInference.Outputs infer(Path runDir, Session data, String session, int samples,
                                               Progress progress) {
        if (ModelFamily.ofRun(runDir) == ModelFamily.ILQR_VAE) {
            if (session != null) {
                throw new org.latentlab.core.data.DataException("--session " + session + ": " + runDir
                        + " is a single-session (iLQR-VAE) run");
            }
            return IlqrVaeInference.infer(runDir, data, progress);
        }
        return LfadsInference.infer(runDir, data, session, samples, progress);
    }
}

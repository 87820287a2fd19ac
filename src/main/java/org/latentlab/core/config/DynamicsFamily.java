package org.latentlab.core.config;

/**
 * The latent dynamics family of an iLQR-VAE model (reference dynamics-families §5). Each has hand-written
 * Jacobians, which the iLQR solver linearises with.
 */
public sealed interface DynamicsFamily {
    /** Minimal gated unit: the input enters the gate and the candidate state. */
    @TypeName("mgu")
    record Mgu() implements DynamicsFamily {
    }

    /** iLQR-VAE's MGU2: the gate sees only the state and the input is added outside φ (control-affine). */
    @TypeName("mgu2")
    record Mgu2() implements DynamicsFamily {
    }

    /**
     * x' = A x + B u with A parameterised to have spectral radius below 1 for every parameter value.
     *
     * @param tauBins decay time constant of the initial modes in bins, 20
     * @param rotation radius of the random rotation of the initial A, 0.5
     */
    @TypeName("linear")
    record Linear(double tauBins, double rotation) implements DynamicsFamily {
        public Linear {
            Check.positive("tau_bins", tauBins);
            Check.nonNegative("rotation", rotation);
        }

        public static Linear defaults() {
            return new Linear(20, 0.5);
        }
    }

    /**
     * The LFADS generator cell (lfads-torch's ClippedGRUCell): update and reset gates, the reset applied
     * before the recurrent matmul, no recurrent bias, the state clamped to ±cell_clip.
     *
     * @param cellClip clamp on every state; 5
     */
    @TypeName("clipped-gru")
    record ClippedGru(double cellClip) implements DynamicsFamily {
        public ClippedGru {
            Check.positive("cell_clip", cellClip);
        }

        public static ClippedGru defaults() {
            return new ClippedGru(5);
        }
    }
}

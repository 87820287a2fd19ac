package org.latentlab.core.config;

/**
 * The observation model (lfads-torch {@code modules/recons.py}, reference §1.4), chosen in files as
 * {@code reconstruction: {type: zig, ...}} and on the command line as {@code model.reconstruction=zig}.
 * The readout emits {@link #paramsPerChannel()} numbers per reconstructed channel: getting this width wrong
 * is lfads-torch issue #23, so the model code should take it from here.
 */
public sealed interface Reconstruction {
    /** How many distribution parameters the readout produces per channel. */
    int paramsPerChannel();

    /** Spike counts: one log-rate per channel; full Poisson NLL (with the Stirling term). The LFADS default. */
    @TypeName("poisson")
    record Poisson() implements Reconstruction {
        @Override
        public int paramsPerChannel() {
            return 1;
        }
    }

    /** Continuous signals: mean and log-variance per channel. */
    @TypeName("gaussian")
    record Gaussian() implements Reconstruction {
        @Override
        public int paramsPerChannel() {
            return 2;
        }
    }

    /** Positive continuous signals such as rectified EMG: log shape and log rate per channel. */
    @TypeName("gamma")
    record Gamma() implements Reconstruction {
        @Override
        public int paramsPerChannel() {
            return 2;
        }
    }

    /**
     * Zero-inflated gamma for deconvolved calcium (RADICaL): a probability of a non-zero sample and a gamma
     * shifted by {@code gammaLoc}, with learnable per-channel scales pulled towards {@code scalePrior}.
     * The defaults are the lfads-torch maintainer's RADICaL settings (issue #23; the GCP RADICaL runs
     * used the same {@code s_min 0.1}, gamma prior 20 and distance scale 1e-4).
     *
     * @param gammaLoc     the smallest non-zero value the data can take (lfadslite {@code s_min}), 0.1
     * @param scaleInit    initial value of the learnable gamma scales, 20
     * @param scalePrior   the value the scale penalty pulls the scales towards, 20
     * @param scalePenalty weight of {@code 0.5·Σ(scale−scale_prior)²}, added to (and ramped with) the L2 term, 1e-4
     */
    @TypeName("zig")
    record ZeroInflatedGamma(double gammaLoc, double scaleInit, double scalePrior, double scalePenalty)
            implements Reconstruction {
        public ZeroInflatedGamma {
            Check.nonNegative("gamma_loc", gammaLoc);
            Check.positive("scale_init", scaleInit);
            Check.positive("scale_prior", scalePrior);
            Check.nonNegative("scale_penalty", scalePenalty);
        }

        public static ZeroInflatedGamma defaults() {
            return new ZeroInflatedGamma(0.1, 20.0, 20.0, 1e-4);
        }

        @Override
        public int paramsPerChannel() {
            return 3;
        }
    }
}

package org.latentlab.core.config;

/** The observation model of an iLQR-VAE (reference ilqr-vae §1.1, {@code likelihoods.ml}). */
public sealed interface IlqrLikelihood {
    /**
     * Spike counts: o ~ Poisson(gain ⊙ g(C x + b)); the per-neuron gain is learned for the softplus link
     * (with exp it would only duplicate the bias).
     */
    @TypeName("poisson")
    record Poisson(Link link) implements IlqrLikelihood {
        public Poisson {
            Check.notNull("link", link);
        }

        public static Poisson defaults() {
            return new Poisson(Link.EXP);
        }
    }

    /**
     * Continuous signals: o ~ N(C x + b, diag(v)) with v learned per channel and floored at 1e-3.
     *
     * @param varInit initial v as a fraction of each channel's variance, 0.1
     */
    @TypeName("gaussian")
    record Gaussian(double varInit) implements IlqrLikelihood {
        public Gaussian {
            Check.positive("var_init", varInit);
        }

        public static Gaussian defaults() {
            return new Gaussian(0.1);
        }
    }
}

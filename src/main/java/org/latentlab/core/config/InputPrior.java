package org.latentlab.core.config;

/** The prior over iLQR-VAE inputs (reference ilqr-vae §1.1, {@code priors.ml}). */
public sealed interface InputPrior {
    /**
     * u ~ N(0, diag(s²)), s learned per channel; the initial-condition steps use std {@code first_bin·s}.
     *
     * @param scaleInit initial s, 1
     */
    @TypeName("gaussian")
    record Gaussian(double scaleInit) implements InputPrior {
        public Gaussian {
            Check.positive("scale_init", scaleInit);
        }

        public static Gaussian defaults() {
            return new Gaussian(1);
        }
    }

    /**
     * Multivariate Student-t with learned degrees of freedom ν (> 2) and per-channel scale, parameterised so
     * the covariance is s²I; it favours sparse inputs. The initial-condition steps are Gaussian with a learned
     * std per channel.
     *
     * @param dofInit   initial ν, 20 as in the reference
     * @param scaleInit initial s, 1
     * @param learnDof  whether ν is learned (true) or held at {@code dof_init}: a learned ν follows the
     *                  inferred inputs and rises when they are dense, which weakens the sparsity it stands for
     */
    @TypeName("student")
    record StudentT(double dofInit, double scaleInit, boolean learnDof) implements InputPrior {
        public StudentT {
            if (!(dofInit > 2) || !Double.isFinite(dofInit)) {
                throw new org.latentlab.core.data.DataException("dof_init must be a finite number above 2, got " + dofInit);
            }
            Check.positive("scale_init", scaleInit);
        }

        public static StudentT defaults() {
            return new StudentT(20, 1, true);
        }
    }
}

package org.latentlab.core.config;

/**
 * The model section of an iLQR-VAE config. It is a sealed type with one variant so that files say
 * {@code model: {type: ilqr-vae, ...}} and the command line {@code --set model=ilqr-vae}, the names by
 * which {@code train} tells an iLQR-VAE config from an LFADS one.
 */
public sealed interface IlqrModel permits IlqrVaeModelConfig {
}

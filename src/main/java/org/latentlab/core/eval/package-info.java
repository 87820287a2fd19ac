/**
 * Evaluation metrics shared by every report: rate R², Poisson bits per spike (NLB co-bps / fp-bps), input
 * recovery, cross-validated latent R², and PCA of trajectories. Pure functions on
 * {@link org.latentlab.core.data.Tensor3} arrays, computed in double precision; see {@code DESIGN.md}
 * "Metrics" for the definitions.
 */
package org.latentlab.core.eval;

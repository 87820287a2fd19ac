package org.latentlab.core.config;

/**
 * What a population searches: a range per hyperparameter that a member holds apart from the others. The
 * hyperparameters depend on the model, so the search space is a choice ({@code pbt.search: {type: lfads}}
 * for AutoLFADS, {@code ilqr-vae} for a population of iLQR-VAEs), made by the model a run trains.
 */
public sealed interface SearchSpace permits LfadsSearch, IlqrVaeSearch {
}

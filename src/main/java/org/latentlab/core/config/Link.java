package org.latentlab.core.config;

/** The link from the readout to Poisson rates. */
public enum Link { EXP, SOFTPLUS }

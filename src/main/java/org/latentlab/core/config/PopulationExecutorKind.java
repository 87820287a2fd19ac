package org.latentlab.core.config;

/** How a PBT population is trained on one machine. */
public enum PopulationExecutorKind {
    /** The whole population as one batched model (fastest when it fits in memory). */
    VECTORISED,
    /** Members on one-member models ({@code pbt.workers} side by side); the others wait in host memory. */
    PER_MEMBER
}

package org.latentlab.core.model.dynamics;

/**
 * One step x' = f(x, u) of a dynamics family on plain double arrays, with its Jacobians: what the iLQR solver
 * rolls out and linearises. An instance is a snapshot of the family's weights at one training step, so it is
 * immutable and safe to share between solver threads.
 */
public interface HostDynamics {
    int stateDim();

    int inputDim();

    /** {@code out = f(x, u)}; {@code out} is not {@code x}. */
    void step(double[] x, double[] u, double[] out);

    /**
     * The Jacobians at (x, u), row-major with column-vector convention: {@code a[i*n + j] = ∂x'_i/∂x_j}
     * (n×n) and {@code b[i*m + k] = ∂x'_i/∂u_k} (n×m).
     */
    void jacobians(double[] x, double[] u, double[] a, double[] b);
}

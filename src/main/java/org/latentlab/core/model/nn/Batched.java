package org.latentlab.core.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Operations over the member axis: one matmul applies every member's own weights to its own batch.
 * Activations are {@code [M, B, features]} or {@code [M, B, T, features]}; weights {@code [M, in, out]};
 * biases {@code [M, 1, out]}.
 */
public final class Batched {
    private Batched() {
    }

    /** {@code x W + b} per member; x may carry a time axis ({@code [M, B, T, in]}). */
    public static NDArray linear(NDArray x, NDArray w, NDArray b) {
        Shape s = x.getShape();
        if (s.dimension() == 4) {
            NDArray flat = x.reshape(s.get(0), s.get(1) * s.get(2), s.get(3));
            NDArray y = linear(flat, w, b);
            return y.reshape(s.get(0), s.get(1), s.get(2), w.getShape().get(2));
        }
        NDArray y = mm(x, w);
        return b == null ? y : y.add(b);
    }

    /**
     * {@code x w} per member. With a single member the member axis is dropped for the product: libtorch's
     * batched matmul costs about twice a plain one at these sizes.
     */
    private static NDArray mm(NDArray x, NDArray w) {
        if (x.getShape().get(0) == 1 && w.getShape().get(0) == 1) {
            return x.squeeze(0).matMul(w.squeeze(0)).expandDims(0);
        }
        return x.matMul(w);
    }

    /** Splits the last axis into equal chunks (e.g. gates, or mean and log-variance). */
    public static NDArray[] chunks(NDArray x, int n) {
        return x.split(n, x.getShape().dimension() - 1).toArray(new NDArray[0]);
    }
}

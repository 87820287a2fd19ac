package org.latentlab.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Autograd recording on the calling thread, for one forward and backward pass:
 * <pre>
 *   try (Recording r = Recording.start()) {
 *       r.backward(loss(model.forward(x)));
 *   }
 * </pre>
 * DJL's {@code GradientCollector} does the same but allows only one open collector in the whole JVM, so two
 * threads that each train their own model (the sharded population executor) cannot both use it. libtorch's
 * grad mode is per thread, so recording on one thread never leaks into another's graph.
 */
public final class Recording implements AutoCloseable {
    private final boolean before;

    private Recording(boolean before) {
        this.before = before;
    }

    /** Turns recording on for this thread until {@link #close()}. */
    public static Recording start() {
        boolean before = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        return new Recording(before);
    }

    /** Back-propagates from a scalar: parameter gradients accumulate into their gradient arrays. */
    public void backward(NDArray scalar) {
        try (NDArray ones = scalar.onesLike()) {
            JniUtils.backward((PtNDArray) scalar, (PtNDArray) ones, false, false);
        }
    }

    @Override
    public void close() {
        JniUtils.setGradMode(before);
    }
}

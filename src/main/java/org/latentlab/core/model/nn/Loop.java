package org.latentlab.core.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of tensors inside a recurrent loop. A loop runs T steps of a dozen small ops each, so every op
 * and every backward node it saves counts T times. With one member the member axis is dropped for the whole
 * loop: products are then plain 2-D matmuls that add their bias (or any other addend of the same shape) in
 * the same op ({@code addmm}), where the batched form needs a batched matmul (about twice as slow at these
 * sizes), a separate add, and a squeeze and an unsqueeze around each product. With several members the
 * loop keeps the member axis and uses batched matmuls.
 */
public final class Loop {
    private final boolean flat;

    private Loop(boolean flat) {
        this.flat = flat;
    }

    /** The layout for a loop over {@code members} members (or stacked chains). */
    public static Loop of(long members) {
        return new Loop(members == 1);
    }

    /** A tensor with a leading member axis {@code [M, ...]} in loop layout. */
    public NDArray enter(NDArray a) {
        return flat ? a.squeeze(0) : a;
    }

    /** A loop-layout tensor back with its member axis. */
    public NDArray leave(NDArray a) {
        return flat ? a.expandDims(0) : a;
    }

    /**
     * The steps of a sequence {@code [M, B, T, F]}, each in loop layout. The time axis is split once: indexing one
     * step at a time would make backward quadratic in T.
     */
    public List<NDArray> steps(NDArray x) {
        NDArray in = enter(x);
        int axis = flat ? 1 : 2;
        long t = in.getShape().get(axis);
        NDList parts = in.split(t, axis);
        List<NDArray> out = new ArrayList<>((int) t);
        for (NDArray a : parts) {
            out.add(a.squeeze(axis));
        }
        return out;
    }

    /** Loop-layout steps stacked back into a sequence {@code [M, B, T, F]}. */
    public NDArray stack(List<NDArray> xs) {
        return leave(NDArrays.stack(new NDList(xs), flat ? 1 : 2));
    }

    /** A weight {@code [M, in, out]} bound for the loop. */
    public Weight weight(NDArray w) {
        return flat ? new Weight(w.squeeze(0), w.squeeze(0).transpose(), true) : new Weight(w, null, false);
    }

    /**
     * A weight ready for products inside a loop.
     *
     * @param w  {@code [M, in, out]}, or {@code [in, out]} in the flat layout
     * @param wT the flat layout's {@code [out, in]} view, the form {@code linear} takes; null otherwise
     */
    public record Weight(NDArray w, NDArray wT, boolean flat) {
        /** {@code x W}. */
        public NDArray times(NDArray x) {
            return x.matMul(w);
        }

        /** {@code x W + plus}, in one op in the flat layout; {@code plus} broadcasts against the product. */
        public NDArray times(NDArray x, NDArray plus) {
            return flat ? Linear.linear(x, wT, plus).singletonOrThrow() : x.matMul(w).add(plus);
        }
    }
}

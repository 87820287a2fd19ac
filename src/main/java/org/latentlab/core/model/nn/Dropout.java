package org.latentlab.core.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Inverted dropout with a rate per member ({@code rate} is {@code [M]}, so PBT can tune it per member):
 * keep each entry with probability {@code 1 - rate_m} and scale it by {@code 1 / (1 - rate_m)}.
 */
public final class Dropout {
    private final NDArray keepProb;
    private final NDArray scale;
    private final Noise noise;

    /** @param rate per-member dropout rates, shape {@code [M]}, each in [0, 1) */
    public Dropout(NDArray rate, Consts c) {
        this(rate, c, Noise.ENGINE);
    }

    /**
     * @param noise the step's noise source; the model also draws its posterior samples from it, so one object
     *              carries all of a step's randomness
     */
    public Dropout(NDArray rate, Consts c, Noise noise) {
        this.keepProb = c.one().sub(rate);
        this.scale = c.one().div(keepProb);
        this.noise = noise;
    }

    public Noise noise() {
        return noise;
    }

    public NDArray apply(NDArray x, boolean training) {
        return training ? x.mul(mask(x.getManager(), x.getShape())) : x;
    }

    /**
     * A scaled keep-mask of the given shape ({@code 0} or {@code 1 / (1 - rate_m)}); drawing a whole sequence's
     * masks at once keeps the random draws out of recurrent loops.
     */
    public NDArray mask(ai.djl.ndarray.NDManager nd, Shape s) {
        NDArray u = noise.uniform(nd, s);
        NDArray keep = broadcastMember(keepProb, s.dimension());
        return u.lt(keep).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).mul(broadcastMember(scale, s.dimension()));
    }

    /** {@code [M]} reshaped to {@code [M, 1, ..., 1]} with the given rank. */
    public static NDArray broadcastMember(NDArray perMember, int rank) {
        long[] shape = new long[rank];
        java.util.Arrays.fill(shape, 1);
        shape[0] = perMember.getShape().get(0);
        return perMember.reshape(shape);
    }
}

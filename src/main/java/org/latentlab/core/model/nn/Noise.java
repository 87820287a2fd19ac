package org.latentlab.core.model.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Where a step's random tensors come from (dropout and coordinated-dropout masks, posterior samples). Shapes
 * lead with the member axis.
 */
public interface Noise {
    /** Entries uniform on [0, 1). */
    NDArray uniform(NDManager nd, Shape shape);

    /** Entries standard normal. */
    NDArray normal(NDManager nd, Shape shape);

    /** Held while the engine's generator is seeded and drawn from. */
    Object GENERATOR = new Object();

    /** The engine's generator (seeded once per epoch): one draw for all members. */
    Noise ENGINE = new Noise() {
        @Override
        public NDArray uniform(NDManager nd, Shape shape) {
            return nd.randomUniform(0f, 1f, shape);
        }

        @Override
        public NDArray normal(NDManager nd, Shape shape) {
            return nd.randomNormal(shape);
        }
    };

    /**
     * A stream per member: the k-th draw of member m is seeded from {@code (seeds[m], k)} and drawn at the
     * member's own shape {@code [1, ...]}, so a member's noise is the same whether it trains inside a
     * population or alone (PBT's per-member executor reproduces the vectorised one).
     */
    static Noise perMember(long... seeds) {
        return new Noise() {
            private int draws;

            @Override
            public NDArray uniform(NDManager nd, Shape shape) {
                return draw(nd, shape, false);
            }

            @Override
            public NDArray normal(NDManager nd, Shape shape) {
                return draw(nd, shape, true);
            }

            private NDArray draw(NDManager nd, Shape shape, boolean normal) {
                if (shape.get(0) != seeds.length) {
                    throw new IllegalArgumentException("noise for " + seeds.length + " members, asked for " + shape);
                }
                int k = draws++;
                Shape one = new Shape(1).addAll(shape.slice(1));
                Engine engine = Engine.getEngine(nd.getEngine().getEngineName());
                NDList parts = new NDList(seeds.length);
                for (long seed : seeds) {
                    // libtorch has one CPU generator per process: shards training side by side must not seed
                    // it between another's seeding and drawing.
                    synchronized (GENERATOR) {
                        engine.setRandomSeed(Long.hashCode(seed * 0x9E3779B97F4A7C15L + k));
                        parts.add(normal ? nd.randomNormal(one) : nd.randomUniform(0f, 1f, one));
                    }
                }
                return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
            }
        };
    }
}

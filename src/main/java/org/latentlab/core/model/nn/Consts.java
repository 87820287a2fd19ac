package org.latentlab.core.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.HashMap;
import java.util.Map;

/**
 * Scalar constants as 0-d arrays that live for the whole run. DJL's scalar overloads
 * ({@code x.mul(2)}) create a temporary that backward may read after it was freed (djl-notes trap 1),
 * so graph code multiplies by these instead: {@code x.mul(c.of(2))}.
 */
public final class Consts {
    private final NDManager manager;
    private final Map<Float, NDArray> cache = new HashMap<>();

    public Consts(NDManager manager) {
        this.manager = manager;
    }

    /** The constant {@code v}, created once per run. */
    public synchronized NDArray of(double v) {
        return cache.computeIfAbsent((float) v, k -> {
            NDArray a = manager.create(k);
            // A constant first needed inside a step's scope must outlive that scope.
            NDScope.unregister(a);
            return a;
        });
    }

    public NDArray one() {
        return of(1);
    }

    public NDArray zero() {
        return of(0);
    }
}

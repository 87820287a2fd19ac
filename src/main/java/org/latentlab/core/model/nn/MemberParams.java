package org.latentlab.core.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The trainable tensors of a model. Every parameter has a leading member axis of size M (1 for plain
 * training, the population size for vectorised PBT), so members train side by side as one batched model.
 * Parameters live on the run's manager, outside any per-step scope. Initial values are drawn in Java from
 * a seeded generator per member, so a member's initial weights do not depend on the population size.
 */
public final class MemberParams {
    private final NDManager manager;
    private final int members;
    private final SplittableRandom[] rngs;
    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final Map<String, Boolean> trainable = new LinkedHashMap<>();

    public MemberParams(NDManager manager, int members, long seed) {
        this.manager = manager;
        this.members = members;
        this.rngs = new SplittableRandom[members];
        SplittableRandom root = new SplittableRandom(seed);
        for (int m = 0; m < members; m++) {
            rngs[m] = root.split();
        }
    }

    public int members() {
        return members;
    }

    public NDManager manager() {
        return manager;
    }

    /** A parameter of per-member shape {@code shape}, entries ~ N(0, std^2). */
    public NDArray normal(String name, double std, long... shape) {
        return fill(name, shape, (r, i) -> (float) (gaussian(r) * std), true);
    }

    /** A parameter of per-member shape {@code shape}, every entry {@code value}. */
    public NDArray constant(String name, double value, long... shape) {
        return fill(name, shape, (r, i) -> (float) value, true);
    }

    /** A fixed (untrained) tensor with the member axis, e.g. lfads-torch's frozen recurrent bias. */
    public NDArray frozen(String name, double value, long... shape) {
        return fill(name, shape, (r, i) -> (float) value, false);
    }

    /** A parameter whose per-member values are given by a function of the flat index. */
    public NDArray fill(String name, long[] shape, Init init, boolean train) {
        if (params.containsKey(name)) {
            throw new IllegalArgumentException("parameter '" + name + "' defined twice");
        }
        long per = new Shape(shape).size();
        float[] v = new float[Math.toIntExact(per * members)];
        for (int m = 0; m < members; m++) {
            for (int i = 0; i < per; i++) {
                v[(int) (m * per + i)] = init.value(rngs[m], i);
            }
        }
        long[] full = new long[shape.length + 1];
        full[0] = members;
        System.arraycopy(shape, 0, full, 1, shape.length);
        NDArray a = manager.create(v, new Shape(full));
        a.setName(name);
        if (train) {
            a.setRequiresGradient(true);
        }
        params.put(name, a);
        trainable.put(name, train);
        return a;
    }

    /** Every tensor, trainable or not, in definition order (checkpoints save them all). */
    public Map<String, NDArray> all() {
        return Collections.unmodifiableMap(params);
    }

    /** The trainable parameters in definition order. */
    public Map<String, NDArray> trainable() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (trainable.get(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    public NDArray get(String name) {
        NDArray a = params.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'");
        }
        return a;
    }

    /** Overwrites a tensor's values in place (checkpoint restore, PBT exploit), keeping its identity. */
    public void assign(String name, NDArray values) {
        NDArray p = get(name);
        if (!p.getShape().equals(values.getShape())) {
            throw new IllegalArgumentException("parameter '" + name + "' is " + p.getShape() + ", got " + values.getShape());
        }
        p.set(values.toType(DataType.FLOAT32, false).toFloatArray());
    }

    /** Copies member {@code from}'s values of every tensor onto member {@code to} (PBT exploit). */
    public void copyMember(int from, int to) {
        copySlice(params, from, to);
    }

    /** Member {@code m}'s values of every tensor, flat, by name (to build a one-member model from it). */
    public Map<String, float[]> memberValues(int m) {
        return slice(params, m);
    }

    /** Sets member {@code m}'s values of every tensor (the inverse of {@link #memberValues(int)}). */
    public void setMemberValues(int m, Map<String, float[]> values) {
        setSlice(params, m, values);
    }

    /** Slice {@code m} of the leading (member) axis of every tensor in the map, flat, by name. */
    public static Map<String, float[]> slice(Map<String, NDArray> tensors, int m) {
        Map<String, float[]> out = new LinkedHashMap<>();
        tensors.forEach((name, a) -> {
            float[] all = a.toFloatArray();
            int per = (int) (all.length / a.getShape().get(0));
            out.put(name, java.util.Arrays.copyOfRange(all, m * per, (m + 1) * per));
        });
        return out;
    }

    /** Sets slice {@code m} of every tensor in the map from flat values by name. */
    public static void setSlice(Map<String, NDArray> tensors, int m, Map<String, float[]> values) {
        tensors.forEach((name, a) -> {
            float[] v = values.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no values for '" + name + "'");
            }
            float[] all = a.toFloatArray();
            int per = (int) (all.length / a.getShape().get(0));
            if (v.length != per) {
                throw new IllegalArgumentException("'" + name + "' has " + per + " values per member, got " + v.length);
            }
            System.arraycopy(v, 0, all, m * per, per);
            a.set(all);
        });
    }

    /**
     * Copies slice {@code from} of the leading (member) axis onto slice {@code to} in every tensor of the map,
     * in place. Goes through Java arrays: in-place indexing on a tensor that requires gradients is refused by
     * autograd, and this runs once per generation.
     */
    public static void copySlice(Map<String, NDArray> tensors, int from, int to) {
        for (NDArray a : tensors.values()) {
            float[] all = a.toFloatArray();
            int per = (int) (all.length / a.getShape().get(0));
            System.arraycopy(all, from * per, all, to * per, per);
            a.set(all);
        }
    }

    /** Number of trainable scalars per member. */
    public long countPerMember() {
        long n = 0;
        for (NDArray a : trainable().values()) {
            n += a.size() / members;
        }
        return n;
    }

    /** A standard normal draw (Box-Muller on the member's own stream, so it is reproducible). */
    public static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** The initial value of flat entry {@code i} for one member. */
    @FunctionalInterface
    public interface Init {
        float value(SplittableRandom rng, int i);
    }
}

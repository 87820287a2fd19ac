package org.latentlab.core.model.lfads;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.core.data.Tensor3;

/**
 * Posterior-averaged outputs of one split under lfads-torch's names ({@code output_params}, {@code factors},
 * {@code gen_states}, {@code gen_inputs}, {@code ic_mean}, ...). Each array is flat per trial with the shape
 * {@link PosteriorSampler#layout} gives: {@code [trials, time, dim]} for sequences, {@code [trials, dim]} otherwise.
 */
public record PosteriorOutputs(int trials, Map<String, int[]> shapes, Map<String, float[]> arrays) {

    /** A sequence output as a tensor (e.g. {@code output_params}: expected counts per bin). */
    public Tensor3 tensor(String name) {
        int[] sh = shapes.get(name);
        if (sh == null || sh.length != 2) {
            throw new IllegalArgumentException("no sequence output '" + name + "'");
        }
        return Tensor3.of(trials, sh[0], sh[1], arrays.get(name));
    }

    public boolean has(String name) {
        return arrays.containsKey(name);
    }

    static Builder builder(int trials, LfadsShape s) {
        return new Builder(trials, PosteriorSampler.layout(s));
    }

    static final class Builder {
        private final int trials;
        private final Map<String, int[]> shapes;
        private final Map<String, float[]> arrays = new LinkedHashMap<>();

        Builder(int trials, Map<String, int[]> shapes) {
            this.trials = trials;
            this.shapes = shapes;
        }

        void put(int from, int count, String name, float[] values) {
            int per = 1;
            for (int d : shapes.get(name)) {
                per *= d;
            }
            int size = trials * per;
            float[] a = arrays.computeIfAbsent(name, k -> new float[size]);
            System.arraycopy(values, 0, a, from * per, count * per);
        }

        PosteriorOutputs build() {
            Map<String, int[]> present = new LinkedHashMap<>();
            shapes.forEach((k, v) -> {
                if (arrays.containsKey(k)) {
                    present.put(k, v);
                }
            });
            return new PosteriorOutputs(trials, Collections.unmodifiableMap(present), Collections.unmodifiableMap(arrays));
        }
    }
}

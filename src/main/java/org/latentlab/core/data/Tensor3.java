package org.latentlab.core.data;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * An immutable float32 array shaped {@code [trials, time, channels]}, stored row-major.
 * NaN marks an unobserved sample. The array is copied on the way in and never handed out mutable.
 */
public final class Tensor3 {
    private final int trials;
    private final int time;
    private final int channels;
    private final float[] data;

    private Tensor3(int trials, int time, int channels, float[] data, boolean copy) {
        if (trials < 0 || time < 0 || channels < 0) {
            throw new IllegalArgumentException("negative shape [" + trials + ", " + time + ", " + channels + "]");
        }
        long n = (long) trials * time * channels;
        if (n != data.length) {
            throw new IllegalArgumentException("shape [" + trials + ", " + time + ", " + channels + "] needs "
                    + n + " values, got " + data.length);
        }
        this.trials = trials;
        this.time = time;
        this.channels = channels;
        this.data = copy ? data.clone() : data;
    }

    /** Wraps a copy of a flat row-major array. */
    public static Tensor3 of(int trials, int time, int channels, float[] flat) {
        return new Tensor3(trials, time, channels, flat, true);
    }

    /** Takes ownership of a freshly built flat array; callers must not keep a reference to it. */
    static Tensor3 adopt(int trials, int time, int channels, float[] flat) {
        return new Tensor3(trials, time, channels, flat, false);
    }

    /** Copies a nested {@code [trials][time][channels]} array. */
    public static Tensor3 of(float[][][] nested) {
        int n = nested.length;
        int t = n == 0 ? 0 : nested[0].length;
        int c = t == 0 ? 0 : nested[0][0].length;
        float[] flat = new float[n * t * c];
        for (int i = 0; i < n; i++) {
            if (nested[i].length != t) {
                throw new IllegalArgumentException("ragged time axis at trial " + i);
            }
            for (int j = 0; j < t; j++) {
                if (nested[i][j].length != c) {
                    throw new IllegalArgumentException("ragged channel axis at trial " + i + ", bin " + j);
                }
                System.arraycopy(nested[i][j], 0, flat, (i * t + j) * c, c);
            }
        }
        return new Tensor3(n, t, c, flat, false);
    }

    /** A builder for generators and readers that fill an array once, then freeze it. */
    public static Builder builder(int trials, int time, int channels) {
        return new Builder(trials, time, channels);
    }

    public int trials() {
        return trials;
    }

    public int time() {
        return time;
    }

    public int channels() {
        return channels;
    }

    public int[] shape() {
        return new int[] {trials, time, channels};
    }

    public String shapeString() {
        return "[" + trials + ", " + time + ", " + channels + "]";
    }

    public float get(int trial, int bin, int channel) {
        return data[(trial * time + bin) * channels + channel];
    }

    /** A read-only view of the flat row-major values (no copy). */
    public FloatBuffer buffer() {
        return FloatBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** A copy of the flat row-major values. */
    public float[] toFlatArray() {
        return data.clone();
    }

    /** A copy as a nested {@code [trials][time][channels]} array (the shape HDF5 writers want). */
    public float[][][] toNested() {
        float[][][] out = new float[trials][time][channels];
        for (int i = 0; i < trials; i++) {
            for (int j = 0; j < time; j++) {
                System.arraycopy(data, (i * time + j) * channels, out[i][j], 0, channels);
            }
        }
        return out;
    }

    /** The trials at the given indices, in that order. */
    public Tensor3 selectTrials(int[] indices) {
        int stride = time * channels;
        float[] out = new float[indices.length * stride];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(data, indices[k] * stride, out, k * stride, stride);
        }
        return new Tensor3(indices.length, time, channels, out, false);
    }

    /** The channels at the given indices, in that order, for every trial and bin. */
    public Tensor3 selectChannels(int[] indices) {
        float[] out = new float[trials * time * indices.length];
        int k = 0;
        for (int r = 0; r < trials * time; r++) {
            for (int c : indices) {
                out[k++] = data[r * channels + c];
            }
        }
        return new Tensor3(trials, time, indices.length, out, false);
    }

    /** Bins {@code [from, to)} of every trial. */
    public Tensor3 sliceTime(int from, int to) {
        int t = to - from;
        float[] out = new float[trials * t * channels];
        for (int i = 0; i < trials; i++) {
            System.arraycopy(data, (i * time + from) * channels, out, i * t * channels, t * channels);
        }
        return new Tensor3(trials, t, channels, out, false);
    }

    /** Sum over every observed (non-NaN) value. */
    public double sum() {
        double s = 0;
        for (float v : data) {
            if (!Float.isNaN(v)) {
                s += v;
            }
        }
        return s;
    }

    /** Number of NaN (unobserved) values. */
    public long countNaN() {
        long n = 0;
        for (float v : data) {
            if (Float.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /** The first value that is infinite, negative or not an integer, or null when every observed value is a count. */
    public String firstNonCount() {
        for (int k = 0; k < data.length; k++) {
            float v = data[k];
            if (!Float.isNaN(v) && (v < 0 || Float.isInfinite(v) || v != Math.rint(v))) {
                int c = k % channels;
                int j = (k / channels) % time;
                int i = k / (channels * time);
                return "value " + v + " at [" + i + ", " + j + ", " + c + "]";
            }
        }
        return null;
    }

    /** The first infinite value, or null when all values are finite or NaN. */
    public String firstInfinite() {
        for (int k = 0; k < data.length; k++) {
            if (Float.isInfinite(data[k])) {
                return "value " + data[k] + " at flat index " + k;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor3 other && trials == other.trials && time == other.time
                && channels == other.channels && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape()) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor3" + shapeString();
    }

    /** Fills a fresh array, then freezes it with {@link #build()}; the builder cannot be reused. */
    public static final class Builder {
        private final int trials;
        private final int time;
        private final int channels;
        private float[] data;

        private Builder(int trials, int time, int channels) {
            this.trials = trials;
            this.time = time;
            this.channels = channels;
            this.data = new float[Math.multiplyExact(Math.multiplyExact(trials, time), channels)];
        }

        public Builder set(int trial, int bin, int channel, float value) {
            data[(trial * time + bin) * channels + channel] = value;
            return this;
        }

        public Builder add(int trial, int bin, int channel, float value) {
            data[(trial * time + bin) * channels + channel] += value;
            return this;
        }

        public float get(int trial, int bin, int channel) {
            return data[(trial * time + bin) * channels + channel];
        }

        public Tensor3 build() {
            if (data == null) {
                throw new IllegalStateException("builder already used");
            }
            Tensor3 t = new Tensor3(trials, time, channels, data, false);
            data = null;
            return t;
        }
    }
}

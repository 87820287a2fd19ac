package org.latentlab.core.data;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads jhdf datasets of any numeric element type into float or long arrays, turning every jhdf failure
 * into a one-line {@link DataException} that names the file and the key.
 */
public final class H5Arrays {
    private H5Arrays() {
    }

    /** A rank-3 numeric dataset as a tensor. */
    public static Tensor3 tensor3(Path file, Node node, String key) {
        Dataset ds = dataset(file, node, key);
        int[] dims = ds.getDimensions();
        if (dims.length != 3) {
            throw DataException.inFile(file, "key '" + key + "' has rank " + dims.length + " (shape "
                    + Arrays.toString(dims) + "); expected [trials, time, channels]");
        }
        float[] flat = floats(file, ds, key);
        return Tensor3.adopt(dims[0], dims[1], dims[2], flat);
    }

    /** A dataset's values flattened to float, whatever its numeric type. */
    public static float[] floats(Path file, Dataset ds, String key) {
        return toFloats(file, ds, key, flat(file, ds, key));
    }

    private static float[] toFloats(Path file, Dataset ds, String key, Object data) {
        int n = Array.getLength(data);
        float[] out = new float[n];
        if (data instanceof float[] f) {
            return f;
        } else if (data instanceof double[] d) {
            for (int i = 0; i < n; i++) {
                out[i] = (float) d[i];
            }
        } else if (data instanceof long[] l) {
            for (int i = 0; i < n; i++) {
                out[i] = l[i];
            }
        } else if (data instanceof int[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i];
            }
        } else if (data instanceof short[] s) {
            for (int i = 0; i < n; i++) {
                out[i] = s[i];
            }
        } else if (data instanceof byte[] b) {
            for (int i = 0; i < n; i++) {
                out[i] = b[i];
            }
        } else if (data instanceof boolean[] b) {
            for (int i = 0; i < n; i++) {
                out[i] = b[i] ? 1f : 0f;
            }
        } else {
            throw DataException.inFile(file, "key '" + key + "' holds " + ds.getJavaType().getSimpleName()
                    + " values; expected numbers");
        }
        return out;
    }

    /** A dataset's values flattened to double. */
    public static double[] doubles(Path file, Dataset ds, String key) {
        Object data = flat(file, ds, key);
        if (data instanceof double[] d) {
            return d;
        }
        if (data instanceof long[] l) {
            double[] out = new double[l.length];
            for (int i = 0; i < l.length; i++) {
                out[i] = l[i]; // exact for ids and indices that float would round
            }
            return out;
        }
        float[] f = toFloats(file, ds, key, data);
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i];
        }
        return out;
    }

    /** A 1-D (or scalar) integer dataset, e.g. condition or trial indices. */
    public static int[] ints(Path file, Node node, String key) {
        Dataset ds = dataset(file, node, key);
        double[] d = doubles(file, ds, key);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            if (d[i] != Math.rint(d[i]) || Math.abs(d[i]) > Integer.MAX_VALUE) {
                throw DataException.inFile(file, "key '" + key + "' holds " + d[i] + " at index " + i
                        + "; expected integers");
            }
            out[i] = (int) d[i];
        }
        return out;
    }

    /** A scalar numeric dataset (or a one-element array). */
    public static double scalar(Path file, Node node, String key) {
        Dataset ds = dataset(file, node, key);
        double[] d = doubles(file, ds, key);
        if (d.length != 1) {
            throw DataException.inFile(file, "key '" + key + "' has " + d.length + " values; expected one number");
        }
        return d[0];
    }

    /** A numeric attribute as a double, or NaN when it is absent or not a number. */
    public static double numberAttribute(Node node, String name) {
        Attribute a = node.getAttribute(name);
        if (a == null) {
            return Double.NaN;
        }
        Object v = a.getData();
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v != null && v.getClass().isArray() && Array.getLength(v) == 1 && Array.get(v, 0) instanceof Number n) {
            return n.doubleValue();
        }
        return Double.NaN;
    }

    /** An attribute as text (a string, a one-element string array, or a number printed). */
    public static String textAttribute(Attribute a) {
        Object v;
        try {
            v = a.getData();
        } catch (RuntimeException e) {
            return null;
        }
        if (v == null) {
            return null;
        }
        if (v.getClass().isArray()) {
            if (Array.getLength(v) != 1) {
                return null;
            }
            v = Array.get(v, 0);
        }
        return v instanceof String || v instanceof Number ? v.toString() : null;
    }

    /** The dataset under key, or a DataException naming what is there instead. */
    public static Dataset dataset(Path file, Node node, String key) {
        if (node instanceof Dataset ds) {
            return ds;
        }
        throw DataException.inFile(file, "key '" + key + "' is a group; expected a dataset");
    }

    private static Object flat(Path file, Dataset ds, String key) {
        try {
            if (ds.isScalar()) {
                Object v = ds.getData();
                if (v instanceof Number n) {
                    return new double[] {n.doubleValue()};
                }
                return v;
            }
            if (ds.isEmpty()) {
                return new float[0];
            }
            return ds.getDataFlat();
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError e) {
            throw DataException.inFile(file, "key '" + key + "' cannot be read (file truncated or corrupt: "
                    + oneLine(e) + ")");
        }
    }

    /** The first line of an exception's message, for one-line error reports. */
    public static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }
}

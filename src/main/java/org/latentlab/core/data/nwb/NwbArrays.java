package org.latentlab.core.data.nwb;

import io.jhdf.api.Dataset;
import java.lang.reflect.Array;
import java.util.Locale;

/**
 * Turns whatever jhdf returns for a column (any numeric width, bools as int8 / uint8 / enum names,
 * strings) into the plain arrays the reader wants. Returns null when the values are not of the asked kind,
 * so the caller can say which column is wrong.
 */
final class NwbArrays {
    private NwbArrays() {
    }

    /** A dataset's values, flattened; a scalar comes back as a one-element array. */
    static Object flat(Dataset ds) {
        if (ds.isScalar()) {
            Object v = ds.getData();
            if (v instanceof Number n) {
                return new double[] {n.doubleValue()};
            }
            return v instanceof String s ? new String[] {s} : v;
        }
        return ds.getDataFlat();
    }

    static double[] doubles(Object data) {
        if (data instanceof double[] d) {
            return d;
        }
        if (data == null || !data.getClass().isArray() || !data.getClass().getComponentType().isPrimitive()
                || data instanceof boolean[] || data instanceof char[]) {
            return null;
        }
        int n = Array.getLength(data);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((Number) Array.get(data, i)).doubleValue();
        }
        return out;
    }

    /** Integer values as long; null when they are not integers (ids and indices must be exact). */
    static long[] longs(Object data) {
        if (data instanceof long[] l) {
            return l;
        }
        if (data instanceof int[] || data instanceof short[] || data instanceof byte[]) {
            int n = Array.getLength(data);
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = ((Number) Array.get(data, i)).longValue();
            }
            return out;
        }
        return null;
    }

    /** NWB writes bools as HDF5 enums (names FALSE / TRUE), or as int8 / uint8; all mean the same. */
    static boolean[] booleans(Object data) {
        if (data instanceof boolean[] b) {
            return b;
        }
        if (data instanceof String[] s) {
            boolean[] out = new boolean[s.length];
            for (int i = 0; i < s.length; i++) {
                String v = s[i] == null ? "" : s[i].trim().toLowerCase(Locale.ROOT);
                if (v.equals("true") || v.equals("1")) {
                    out[i] = true;
                } else if (!v.equals("false") && !v.equals("0")) {
                    return null;
                }
            }
            return out;
        }
        long[] l = longs(data);
        if (l == null) {
            return null;
        }
        boolean[] out = new boolean[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = l[i] != 0;
        }
        return out;
    }

    static String[] strings(Object data) {
        return data instanceof String[] s ? s : null;
    }
}

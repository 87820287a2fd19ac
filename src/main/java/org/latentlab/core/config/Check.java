package org.latentlab.core.config;

import org.latentlab.core.data.DataException;

/**
 * One-line checks for the compact constructors of config records. Each message starts with the
 * snake_case field name and shows the bad value ({@code gen_dim must be > 0, got -3}); the config
 * machinery then puts the dotted path in front ({@code model.gen_dim must be > 0, got -3}).
 */
public final class Check {
    private Check() {
    }

    public static void positive(String field, int v) {
        if (v <= 0) {
            throw new DataException(field + " must be > 0, got " + v);
        }
    }

    public static void positive(String field, double v) {
        finite(field, v);
        if (v <= 0) {
            throw new DataException(field + " must be > 0, got " + Names.formatDouble(v));
        }
    }

    public static void nonNegative(String field, int v) {
        if (v < 0) {
            throw new DataException(field + " must be >= 0, got " + v);
        }
    }

    public static void nonNegative(String field, double v) {
        finite(field, v);
        if (v < 0) {
            throw new DataException(field + " must be >= 0, got " + Names.formatDouble(v));
        }
    }

    /** {@code lo <= v < hi}: rates such as dropout, where 1 would drop everything. */
    public static void halfOpen(String field, double v, double lo, double hi) {
        finite(field, v);
        if (v < lo || v >= hi) {
            throw new DataException(field + " must be in [" + Names.formatDouble(lo) + ", " + Names.formatDouble(hi)
                    + "), got " + Names.formatDouble(v));
        }
    }

    /** {@code lo < v < hi}: fractions such as a line search's shrink factor, where both ends break it. */
    public static void open(String field, double v, double lo, double hi) {
        finite(field, v);
        if (v <= lo || v >= hi) {
            throw new DataException(field + " must be in (" + Names.formatDouble(lo) + ", " + Names.formatDouble(hi)
                    + "), got " + Names.formatDouble(v));
        }
    }

    /** {@code lo <= v <= hi}. */
    public static void closed(String field, double v, double lo, double hi) {
        finite(field, v);
        if (v < lo || v > hi) {
            throw new DataException(field + " must be in [" + Names.formatDouble(lo) + ", " + Names.formatDouble(hi)
                    + "], got " + Names.formatDouble(v));
        }
    }

    public static <T> T notNull(String field, T v) {
        if (v == null) {
            throw new DataException(field + " must be given");
        }
        return v;
    }

    private static void finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new DataException(field + " must be a finite number, got " + v);
        }
    }
}

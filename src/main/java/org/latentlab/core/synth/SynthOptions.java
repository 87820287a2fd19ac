package org.latentlab.core.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.latentlab.core.data.DataException;

/**
 * Reading and writing generator options as strings (the command line's {@code --time 500}, a config's
 * {@code time: 500}), and the validation checks the generator records share. Every failure is a
 * {@link DataException} with a one-line message naming the kind, the option and the bad value.
 */
final class SynthOptions {
    private final String kind;
    private final Map<String, String> values;

    private SynthOptions(String kind, Map<String, String> values) {
        this.kind = kind;
        this.values = values;
    }

    /** Applies {@code changes} on top of {@code g}'s current options and rebuilds (and so re-validates) it. */
    static SyntheticGenerator apply(SyntheticGenerator g, Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>(g.options());
        for (Map.Entry<String, String> e : changes.entrySet()) {
            String key = e.getKey() == null ? "" : e.getKey().trim().toLowerCase(Locale.ROOT);
            if (!merged.containsKey(key)) {
                throw new DataException("unknown option '" + e.getKey() + "' for synthetic kind " + g.kind()
                        + "; valid options: " + String.join(", ", merged.keySet()));
            }
            if (e.getValue() == null) {
                throw new DataException("option '" + key + "' of " + g.kind() + " needs a value");
            }
            merged.put(key, e.getValue().trim());
        }
        SynthOptions o = new SynthOptions(g.kind(), merged);
        if (g instanceof LorenzGenerator) {
            return LorenzGenerator.fromOptions(o);
        } else if (g instanceof ChaoticRnnGenerator) {
            return ChaoticRnnGenerator.fromOptions(o);
        } else if (g instanceof TwoAreaGenerator) {
            return TwoAreaGenerator.fromOptions(o);
        }
        throw new IllegalStateException("no option parser for " + g.getClass());
    }

    int integer(String key) {
        String v = raw(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad(key, v, "an integer");
        }
    }

    double real(String key) {
        String v = raw(key);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw bad(key, v, "a finite number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw bad(key, v, "a number");
        }
    }

    String text(String key) {
        return raw(key);
    }

    /** A comma-separated list of numbers, e.g. {@code 4,8,12}. */
    List<Double> reals(String key) {
        String v = raw(key);
        List<Double> out = new ArrayList<>();
        for (String part : v.split(",")) {
            try {
                double d = Double.parseDouble(part.trim());
                if (!Double.isFinite(d)) {
                    throw bad(key, v, "a comma-separated list of finite numbers");
                }
                out.add(d);
            } catch (NumberFormatException e) {
                throw bad(key, v, "a comma-separated list of numbers");
            }
        }
        return out;
    }

    private String raw(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("option map of " + kind + " lacks '" + key + "'");
        }
        return v;
    }

    private DataException bad(String key, String value, String what) {
        return new DataException("option '" + key + "' of " + kind + " must be " + what + ", got '" + value + "'");
    }

    // ---- formatting --------------------------------------------------------------------------------

    /** Shortest round-trip text of a double: {@code 10} rather than {@code 10.0}, else Java's repr. */
    static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    static String nums(List<Double> ds) {
        List<String> parts = new ArrayList<>();
        for (double d : ds) {
            parts.add(num(d));
        }
        return String.join(",", parts);
    }

    /** A compact JSON object of the options, numbers bare and everything else quoted, in map order. */
    static String json(Map<String, String> options) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(e.getKey()).append("\":");
            String v = e.getValue();
            if (isNumber(v) || v.equals("true") || v.equals("false")) {
                sb.append(v);
            } else {
                sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return sb.append('}').toString();
    }

    private static boolean isNumber(String v) {
        return v.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    }

    // ---- validation used by the records' compact constructors ----------------------------------------

    static void atLeast(String kind, String option, long value, long min) {
        if (value < min) {
            throw new DataException(kind + " option '" + option + "' must be at least " + min + ", got " + value);
        }
    }

    static void positive(String kind, String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new DataException(kind + " option '" + option + "' must be a positive number, got " + num(value));
        }
    }

    static void finite(String kind, String option, double value) {
        if (!Double.isFinite(value)) {
            throw new DataException(kind + " option '" + option + "' must be finite, got " + value);
        }
    }

    static void nonNegative(String kind, String option, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new DataException(kind + " option '" + option + "' must be >= 0, got " + num(value));
        }
    }

    /** Valid and test fractions: each in [0, 1) and together below 1, so train keeps trials. */
    static void fractions(String kind, double valid, double test) {
        fraction(kind, "valid-fraction", valid);
        fraction(kind, "test-fraction", test);
        if (valid + test >= 1) {
            throw new DataException(kind + " options 'valid-fraction' + 'test-fraction' must be below 1, got "
                    + num(valid) + " + " + num(test));
        }
    }

    private static void fraction(String kind, String option, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new DataException(kind + " option '" + option + "' must be in [0, 1), got " + num(v));
        }
    }

    static void fail(String kind, String option, String message) {
        throw new DataException(kind + " option '" + option + "' " + message);
    }
}

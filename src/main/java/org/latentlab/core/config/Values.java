package org.latentlab.core.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.latentlab.core.data.DataException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Parses and prints leaf values. Text from the command line and scalars from files go through the same
 * parser, so {@code gen_dim: "128"} in a file and {@code --set model.gen_dim=128} behave alike, and every
 * failure names the dotted key and the bad value.
 */
final class Values {
    private Values() {
    }

    /** A leaf from a file: a scalar is parsed like command-line text; a list may also be a YAML/JSON array. */
    static Object fromJson(Schema.Component c, JsonNode n, String path) {
        if (c.kind() == Schema.Kind.LIST && n.isArray()) {
            List<Object> out = new ArrayList<>();
            for (JsonNode e : n) {
                if (!e.isValueNode() || e.isNull()) {
                    throw new DataException(path + " must be a list of " + what(c.element()) + ", got "
                            + describe(e) + " in it");
                }
                out.add(scalar(c.element(), e.asText(), path, true));
            }
            return List.copyOf(out);
        }
        if (n.isNull() || n.isMissingNode()) {
            throw new DataException(path + " must be " + what(c) + ", got nothing");
        }
        if (!n.isValueNode()) {
            throw new DataException(path + " must be " + what(c) + ", got " + describe(n));
        }
        // YAML 1.1 reads an unquoted on/off/yes/no as a boolean; for an enum with ON/OFF mean those.
        if (n.isBoolean() && c.type().isEnum()) {
            return booleanEnum(c.type(), n.asBoolean(), path);
        }
        return parse(c, n.asText(), path);
    }

    /** A leaf from text: {@code 128}, {@code 1e-3}, {@code true}, {@code lfads-clipped}, {@code 1,2,3}. */
    static Object parse(Schema.Component c, String text, String path) {
        if (c.kind() == Schema.Kind.LIST) {
            String t = text.trim();
            if (t.startsWith("[") && t.endsWith("]")) {
                t = t.substring(1, t.length() - 1);
            }
            if (t.isBlank()) {
                return List.of();
            }
            List<Object> out = new ArrayList<>();
            for (String part : t.split(",", -1)) {
                out.add(scalar(c.element(), part.trim(), path, true));
            }
            return List.copyOf(out);
        }
        return scalar(c.type(), text, path, false);
    }

    private static Object scalar(Class<?> t, String text, String path, boolean inList) {
        String s = t == String.class ? text : text.trim();
        if (t == String.class) {
            return s;
        }
        if (t.isEnum()) {
            for (Object e : t.getEnumConstants()) {
                if (((Enum<?>) e).name().equals(Names.enumKey(s))) {
                    return e;
                }
            }
            throw bad(path, t, s, inList);
        }
        try {
            if (t == int.class || t == Integer.class) {
                return Math.toIntExact(integral(s));
            }
            if (t == long.class || t == Long.class) {
                return integral(s);
            }
            if (t == double.class || t == Double.class) {
                return finite(s);
            }
            if (t == float.class || t == Float.class) {
                return (float) finite(s);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw bad(path, t, s, inList);
        }
        if (t == boolean.class || t == Boolean.class) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> {
                    return true;
                }
                case "false", "no", "off" -> {
                    return false;
                }
                default -> throw bad(path, t, s, inList);
            }
        }
        throw new IllegalStateException("no parser for " + t);
    }

    /** Integers may be written {@code 1000}, {@code 1_000} (YAML) or {@code 1e3}, never {@code 1.5}. */
    private static long integral(String s) {
        String t = s.replace("_", "");
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            double d = Double.parseDouble(t);
            if (d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) {
                throw new NumberFormatException(s);
            }
            return (long) d;
        }
    }

    /** NaN and infinities are refused here, as range checks such as {@code x < 0} would let NaN through. */
    private static double finite(String s) {
        double d = Double.parseDouble(s.replace("_", ""));
        if (!Double.isFinite(d)) {
            throw new NumberFormatException(s);
        }
        return d;
    }

    private static Object booleanEnum(Class<?> t, boolean b, String path) {
        for (Object e : t.getEnumConstants()) {
            String n = ((Enum<?>) e).name();
            if (b ? n.equals("ON") || n.equals("TRUE") || n.equals("YES") : n.equals("OFF") || n.equals("FALSE")
                    || n.equals("NO")) {
                return e;
            }
        }
        throw bad(path, t, Boolean.toString(b), false);
    }

    private static DataException bad(String path, Class<?> t, String value, boolean inList) {
        String kind = inList ? "a comma-separated list of " + plural(t) : what(t);
        return new DataException(path + " must be " + kind + ", got '" + value + "'");
    }

    /** The expected value in words, for messages and the UI. */
    static String what(Schema.Component c) {
        return c.kind() == Schema.Kind.LIST ? "a comma-separated list of " + plural(c.element()) : what(c.type());
    }

    static String what(Class<?> t) {
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "an integer";
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return "a finite number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t.isEnum()) {
            return "one of " + String.join(", ", choices(t));
        }
        return "text";
    }

    private static String plural(Class<?> t) {
        if (t.isEnum()) {
            return "values from " + String.join(", ", choices(t));
        }
        return switch (what(t)) {
            case "an integer" -> "integers";
            case "a finite number" -> "numbers";
            case "true or false" -> "true/false values";
            default -> "texts";
        };
    }

    /** An enum's constants as they are written, e.g. {@code lfads-clipped}. */
    static List<String> choices(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(e -> Names.enumText((Enum<?>) e)).toList();
    }

    /** The text of a leaf as files, flattened keys and the UI show it; {@link #parse} reads it back. */
    static String format(Object v) {
        if (v instanceof List<?> list) {
            return list.stream().map(Values::format).collect(Collectors.joining(","));
        }
        if (v instanceof Double d) {
            return Names.formatDouble(d);
        }
        if (v instanceof Float f) {
            return Names.formatDouble(Double.parseDouble(Float.toString(f)));
        }
        if (v instanceof Enum<?> e) {
            return Names.enumText(e);
        }
        return String.valueOf(v);
    }

    private static String describe(JsonNode n) {
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        return n.isNull() ? "nothing" : "'" + n.asText() + "'";
    }
}

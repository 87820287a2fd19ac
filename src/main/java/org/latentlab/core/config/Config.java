package org.latentlab.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Generic views of a config record: every key with its value as text (for {@code --set} messages, forms
 * and run provenance), the inverse, and the keys in which two configs differ (for resume checks).
 */
public final class Config {
    private Config() {
    }

    /** {@code type.defaults()}, the starting point of every file and override. */
    public static <T extends Record> T defaults(Class<T> type) {
        return type.cast(Schema.of(type).defaults());
    }

    /**
     * Every key as a dotted snake_case path with its value as text, in declaration order. A sealed
     * component appears as its type name ({@code model.reconstruction=zig}) followed by its fields
     * ({@code model.reconstruction.scale_init=20.0}); records themselves do not appear, only leaves.
     */
    public static LinkedHashMap<String, String> flatten(Record config) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (ConfigKey k : describe(config)) {
            out.put(k.key(), k.value());
        }
        return out;
    }

    /**
     * The inverse of {@link #flatten}: {@code type}'s defaults with each entry applied as an override in map
     * order (type keys come before their fields in a flattened map, so fields survive the type switch).
     */
    public static <T extends Record> T fromFlat(Class<T> type, Map<String, String> flat) {
        List<String> assignments = new ArrayList<>();
        flat.forEach((k, v) -> assignments.add(k + "=" + v));
        return Overrides.apply(defaults(type), assignments);
    }

    /** The keys whose values differ between two configs of the same type, in declaration order. */
    public static List<String> differences(Record a, Record b) {
        Map<String, String> fa = flatten(a);
        Map<String, String> fb = flatten(b);
        Set<String> keys = new LinkedHashSet<>(fa.keySet());
        keys.addAll(fb.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (!Objects.equals(fa.get(k), fb.get(k))) {
                out.add(k);
            }
        }
        return out;
    }

    /** Every key with its value, kind and choices, in declaration order; what a form is built from. */
    public static List<ConfigKey> describe(Record config) {
        List<ConfigKey> out = new ArrayList<>();
        describe(Node.of(config), "", out);
        return out;
    }

    private static void describe(Node node, String path, List<ConfigKey> out) {
        for (Schema.Component c : node.schema.components) {
            String p = Node.join(path, c.key());
            Object v = node.values.get(c.key());
            if (c.kind() == Schema.Kind.SEALED) {
                List<String> names = List.copyOf(Schema.variants(c.type()).keySet());
                out.add(new ConfigKey(p, ((Node) v).schema.typeName(), ConfigKey.Kind.TYPE,
                        "one of " + String.join(", ", names), names));
            }
            if (v instanceof Node child) {
                describe(child, p, out);
            } else {
                out.add(leaf(c, p, v));
            }
        }
    }

    private static ConfigKey leaf(Schema.Component c, String path, Object v) {
        String expects = Values.what(c);
        if (c.kind() == Schema.Kind.LIST) {
            return new ConfigKey(path, Values.format(v), ConfigKey.Kind.LIST, expects, List.of());
        }
        Class<?> t = c.type();
        if (t.isEnum()) {
            return new ConfigKey(path, Values.format(v), ConfigKey.Kind.CHOICE, expects, Values.choices(t));
        }
        ConfigKey.Kind kind = switch (expects) {
            case "an integer" -> ConfigKey.Kind.INTEGER;
            case "a finite number" -> ConfigKey.Kind.NUMBER;
            case "true or false" -> ConfigKey.Kind.BOOLEAN;
            default -> ConfigKey.Kind.TEXT;
        };
        return new ConfigKey(path, Values.format(v), kind, expects, List.of());
    }
}

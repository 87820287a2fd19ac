package org.latentlab.core.config;

import java.util.ArrayList;
import java.util.List;

import org.latentlab.core.data.DataException;

/**
 * Command-line overrides: {@code --set key=value} with dotted snake_case keys at any depth
 * ({@code model.gen_dim=128}, {@code train.lr_init=1e-3}, {@code augment.cd_rate=0.3}). A sealed component
 * takes a type name ({@code model.reconstruction=zig}, which resets it to that type's defaults when the
 * type changes) and its fields take values ({@code model.reconstruction.scale_init=30}). Assignments apply
 * in order; the records are rebuilt, and so validated, once after the last one.
 */
public final class Overrides {
    /** Above this many keys a misspelt key lists only the keys of the deepest level that matched. */
    private static final int MAX_LISTED = 40;

    private Overrides() {
    }

    /** {@code config} with the assignments applied; a bad key or value is a one-line {@link DataException}. */
    public static <T extends Record> T apply(T config, List<String> assignments) {
        Node root = Node.of(config);
        applyTo(root, assignments);
        @SuppressWarnings("unchecked")
        T out = (T) root.build("");
        return out;
    }

    static void applyTo(Node root, List<String> assignments) {
        for (String a : assignments) {
            int eq = a == null ? -1 : a.indexOf('=');
            if (eq <= 0) {
                throw new DataException("--set expects key=value, got '" + a + "'");
            }
            assign(root, a.substring(0, eq).trim(), a.substring(eq + 1));
        }
    }

    /** Sets one dotted key; the value is parsed by the type of the component it names. */
    static void assign(Node root, String key, String value) {
        String[] segs = key.split("\\.", -1);
        Node node = root;
        String path = "";
        for (int i = 0; i < segs.length; i++) {
            Schema.Component c = node.schema.component(segs[i]);
            if (c == null) {
                throw unknown(root, key, path, node);
            }
            String p = Node.join(path, segs[i]);
            boolean last = i == segs.length - 1;
            boolean sealedTypeKey = c.kind() == Schema.Kind.SEALED && i == segs.length - 2
                    && segs[i + 1].equals(Schema.TYPE_KEY);
            if (last || sealedTypeKey) {
                set(node, c, p, value);
                return;
            }
            if (c.kind() == Schema.Kind.SCALAR || c.kind() == Schema.Kind.LIST) {
                throw new DataException("unknown key '" + key + "' in --set: " + p + " is a value, not a group of keys");
            }
            node = (Node) node.values.get(c.key());
            path = p;
        }
    }

    private static void set(Node node, Schema.Component c, String path, String value) {
        switch (c.kind()) {
            case RECORD -> {
                List<String> keys = new ArrayList<>();
                ((Node) node.values.get(c.key())).leafKeys(path, keys);
                throw new DataException(path + " is a group of keys, not a value; set one of them, e.g. "
                        + (keys.isEmpty() ? path : keys.get(0)) + "=...");
            }
            case SEALED -> Variants.select(node, c, value, path);
            default -> node.values.put(c.key(), Values.parse(c, value, path));
        }
    }

    /**
     * All keys, sorted, when there are few; otherwise those under the deepest level that matched (and
     * only its direct keys if even those are too many), so the message stays readable.
     */
    private static DataException unknown(Node root, String key, String path, Node level) {
        List<String> valid = new ArrayList<>();
        root.leafKeys("", valid);
        if (valid.size() > MAX_LISTED) {
            valid.clear();
            if (level.isVariant()) {
                valid.add(path);
            }
            level.leafKeys(path, valid);
            if (valid.size() > MAX_LISTED) {
                valid.clear();
                level.schema.keys().forEach(k -> valid.add(Node.join(path, k)));
            }
        }
        valid.sort(null);
        return KeyErrors.unknown(key, path, level, " in --set", valid);
    }
}

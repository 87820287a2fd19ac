package org.latentlab.core.config;

import java.lang.reflect.InvocationTargetException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.latentlab.core.data.DataException;

/**
 * A mutable copy of a config record tree, keyed by snake_case component names. Files and {@code --set}
 * assignments are applied to this tree, and the records are built from it once at the end, so a
 * constructor check that relates two fields sees both new values, never a half-applied state.
 */
final class Node {
    final Schema schema;
    /** The declared type of the component holding this node: a sealed interface for a variant. */
    final Class<?> declared;
    /** Leaf values (boxed, enum, immutable list) and child nodes, in declaration order. */
    final Map<String, Object> values = new LinkedHashMap<>();

    private Node(Schema schema, Class<?> declared) {
        this.schema = schema;
        this.declared = declared;
    }

    /** The tree of an existing record. */
    static Node of(Record r) {
        return of(r, r.getClass());
    }

    private static Node of(Object r, Class<?> declared) {
        Node n = new Node(Schema.of(r.getClass()), declared);
        for (Schema.Component c : n.schema.components) {
            Object v;
            try {
                v = c.accessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.key() + " of " + r.getClass().getName(), e);
            }
            if (v == null) {
                throw new IllegalStateException(r.getClass().getName() + "." + c.key() + " is null");
            }
            boolean child = c.kind() == Schema.Kind.RECORD || c.kind() == Schema.Kind.SEALED;
            n.values.put(c.key(), child ? of(v, c.type()) : v);
        }
        return n;
    }

    /** The tree of a record type's {@code defaults()}; {@code declared} is the component type holding it. */
    static Node defaults(Class<?> recordType, Class<?> declared) {
        return of(Schema.of(recordType).defaults(), declared);
    }

    boolean isVariant() {
        return declared.isSealed() && declared != schema.type;
    }

    /**
     * Builds the record bottom-up. A constructor's {@link DataException} is re-thrown with the dotted path
     * of the failing field ({@code gen_dim must be > 0} becomes {@code model.gen_dim must be > 0}).
     */
    Object build(String path) {
        Object[] args = new Object[schema.components.size()];
        int i = 0;
        for (Schema.Component c : schema.components) {
            Object v = values.get(c.key());
            args[i++] = v instanceof Node child ? child.build(join(path, c.key())) : v;
        }
        try {
            return schema.construct(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DataException || cause instanceof IllegalArgumentException) {
                throw new DataException(qualify(path, cause.getMessage()), cause);
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("cannot construct " + schema.type.getName(), cause);
        }
    }

    /** Puts the dotted path in front of a message that names a field of this record, or of the record. */
    private String qualify(String path, String message) {
        String msg = message == null ? "invalid value" : message;
        if (path.isEmpty() || msg.startsWith(path + ".") || msg.startsWith(path + " ") || msg.startsWith(path + ":")) {
            return msg;
        }
        List<String> keys = schema.keys().stream().sorted(Comparator.comparing(String::length).reversed()).toList();
        for (String k : keys) {
            if (msg.startsWith(k) && (msg.length() == k.length() || !isKeyChar(msg.charAt(k.length())))) {
                return path + "." + msg;
            }
        }
        return path + ": " + msg;
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** A dotted path: {@code join("model", "gen_dim")} is {@code model.gen_dim}; the root path is empty. */
    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Every leaf key under this node (and the type key of each sealed child), in declaration order. */
    void leafKeys(String path, List<String> out) {
        for (Schema.Component c : schema.components) {
            String p = join(path, c.key());
            Object v = values.get(c.key());
            if (c.kind() == Schema.Kind.SEALED) {
                out.add(p);
            }
            if (v instanceof Node child) {
                child.leafKeys(p, out);
            } else {
                out.add(p);
            }
        }
    }
}

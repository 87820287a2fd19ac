package org.latentlab.core.config;

import java.util.Map;

import org.latentlab.core.data.DataException;

/** Choosing the variant of a sealed component by its {@link TypeName}. */
final class Variants {
    private Variants() {
    }

    /**
     * Sets {@code parent}'s sealed component {@code c} to the variant named {@code name}. A different type
     * starts from that type's {@code defaults()}; naming the current type keeps its values, so re-selecting
     * the same choice in a form (or repeating it on the command line) loses nothing.
     */
    static void select(Node parent, Schema.Component c, String name, String path) {
        Class<?> chosen = find(c.type(), name);
        if (chosen == null) {
            throw new DataException(path + " must be one of " + String.join(", ", Schema.variants(c.type()).keySet())
                    + ", got '" + name.trim() + "'");
        }
        Node current = (Node) parent.values.get(c.key());
        if (current.schema.type != chosen) {
            parent.values.put(c.key(), Node.defaults(chosen, c.type()));
        }
    }

    /** Type names match in any case, with {@code -} and {@code _} alike ({@code ilqr_vae} finds {@code ilqr-vae}). */
    private static Class<?> find(Class<?> sealedType, String name) {
        String want = Names.enumKey(name);
        for (Map.Entry<String, Class<?>> e : Schema.variants(sealedType).entrySet()) {
            if (Names.enumKey(e.getKey()).equals(want)) {
                return e.getValue();
            }
        }
        return null;
    }
}

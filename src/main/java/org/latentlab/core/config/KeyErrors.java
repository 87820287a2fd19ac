package org.latentlab.core.config;

import java.util.Collection;
import java.util.Map;

import org.latentlab.core.data.DataException;

/** The one-line message for a key that does not exist, shared by files and {@code --set}. */
final class KeyErrors {
    private KeyErrors() {
    }

    /**
     * @param fullKey   the dotted key the user wrote
     * @param levelPath the dotted path of the deepest record that exists ({@code ""} at the top)
     * @param level     that record's node
     * @param where     e.g. {@code " in --set"}, or empty
     * @param valid     the keys to list
     */
    static DataException unknown(String fullKey, String levelPath, Node level, String where,
            Collection<String> valid) {
        StringBuilder sb = new StringBuilder("unknown key '").append(fullKey).append('\'').append(where);
        String hint = level.isVariant() ? otherVariant(fullKey, levelPath, level) : null;
        if (hint != null) {
            sb.append("; ").append(hint);
        } else {
            // Compare only up to the misspelt segment: in 'trian.lr_init' the typo is 'trian'.
            String rest = fullKey.substring(Math.min(fullKey.length(), levelPath.isEmpty() ? 0 : levelPath.length() + 1));
            String seg = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
            // More than a third of the letters wrong is a different word, not a typo.
            String near = Names.closest(Node.join(levelPath, seg), valid, Math.max(1, seg.length() / 3));
            if (near != null) {
                sb.append("; did you mean '").append(near).append("'?");
            }
        }
        if (valid.isEmpty() && !level.isVariant()) {
            sb.append(" (no keys are valid there)");
        } else if (valid.isEmpty()) {
            sb.append(" (").append(levelPath).append(" of type '").append(level.schema.typeName())
                    .append("' has no keys)");
        } else {
            sb.append(" (valid: ").append(String.join(", ", valid)).append(')');
        }
        return new DataException(sb.toString());
    }

    /** {@code scale_init belongs to type 'zig' of model.reconstruction, which is 'gamma'}, when so. */
    private static String otherVariant(String fullKey, String levelPath, Node level) {
        String rest = fullKey.substring(Math.min(fullKey.length(), levelPath.length() + 1));
        String field = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        for (Map.Entry<String, Class<?>> v : Schema.variants(level.declared).entrySet()) {
            if (v.getValue() != level.schema.type && Schema.of(v.getValue()).component(field) != null) {
                return field + " belongs to type '" + v.getKey() + "' of " + levelPath + ", which is '"
                        + level.schema.typeName() + "'";
            }
        }
        return null;
    }
}

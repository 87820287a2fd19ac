package org.latentlab.core.config;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.latentlab.core.data.DataException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Applies the keys of a parsed YAML/JSON document onto a config tree that starts as the defaults, so a
 * partial file changes only what it names. Unknown keys are errors listing the valid keys at that level.
 */
final class JsonOverlay {
    private JsonOverlay() {
    }

    /** Overlays a document's top-level mapping; an empty document leaves the defaults. */
    static void apply(Node root, JsonNode doc) {
        if (doc == null || doc.isMissingNode() || doc.isNull()) {
            return;
        }
        if (!doc.isObject()) {
            throw new DataException("the top level must be a mapping of keys, got " + kind(doc));
        }
        overlay(root, doc, "");
    }

    private static void overlay(Node node, JsonNode json, String path) {
        Iterator<Map.Entry<String, JsonNode>> it = json.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String p = Node.join(path, key);
            if (node.isVariant() && key.equals(Schema.TYPE_KEY)) {
                continue; // handled by the parent before it descended
            }
            Schema.Component c = node.schema.component(key);
            if (c == null) {
                throw KeyErrors.unknown(p, path, node, "", levelKeys(node, path));
            }
            JsonNode v = e.getValue();
            switch (c.kind()) {
                case RECORD -> {
                    if (v.isNull()) {
                        continue; // "model:" with every line below commented out
                    }
                    if (!v.isObject()) {
                        throw new DataException(p + " must be a mapping of keys, got " + kind(v));
                    }
                    overlay((Node) node.values.get(key), v, p);
                }
                case SEALED -> overlaySealed(node, c, v, p);
                default -> node.values.put(key, Values.fromJson(c, v, p));
            }
        }
    }

    /** {@code reconstruction: zig} or {@code reconstruction: {type: zig, scale_init: 30}}. */
    private static void overlaySealed(Node parent, Schema.Component c, JsonNode v, String p) {
        if (v.isNull()) {
            return;
        }
        JsonNode type = v.isObject() ? v.get(Schema.TYPE_KEY) : v;
        if (type != null && !type.isNull()) {
            if (!type.isValueNode()) {
                throw new DataException(Node.join(p, Schema.TYPE_KEY) + " must be one of "
                        + String.join(", ", Schema.variants(c.type()).keySet()) + ", got " + kind(type));
            }
            Variants.select(parent, c, type.asText(), v.isObject() ? Node.join(p, Schema.TYPE_KEY) : p);
        }
        if (v.isObject()) {
            overlay((Node) parent.values.get(c.key()), v, p);
        }
    }

    /** The keys allowed at one level, as full dotted paths in declaration order. */
    private static List<String> levelKeys(Node node, String path) {
        List<String> out = new ArrayList<>();
        if (node.isVariant()) {
            out.add(Node.join(path, Schema.TYPE_KEY));
        }
        for (String k : node.schema.keys()) {
            out.add(Node.join(path, k));
        }
        return out;
    }

    private static String kind(JsonNode n) {
        if (n.isObject()) {
            return "a mapping";
        }
        return n.isArray() ? "a list" : "'" + n.asText() + "'";
    }
}

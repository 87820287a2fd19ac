package org.latentlab.core.config;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Streams a config tree to a YAML or JSON generator in record component order (stable, so written configs
 * diff cleanly), a sealed component as {@code {type: name, ...fields}} with the type first.
 */
final class TreeWriter {
    private TreeWriter() {
    }

    static void write(Node node, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (node.isVariant()) {
            g.writeStringField(Schema.TYPE_KEY, node.schema.typeName());
        }
        for (Schema.Component c : node.schema.components) {
            g.writeFieldName(c.key());
            Object v = node.values.get(c.key());
            if (v instanceof Node child) {
                write(child, g);
            } else if (v instanceof List<?> list) {
                g.writeStartArray();
                for (Object e : list) {
                    leaf(e, g);
                }
                g.writeEndArray();
            } else {
                leaf(v, g);
            }
        }
        g.writeEndObject();
    }

    private static void leaf(Object v, JsonGenerator g) throws IOException {
        if (v instanceof Integer || v instanceof Long) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            // Our own text (1.0e-4), which YAML 1.1 readers also take as a number; see Names.formatDouble.
            g.writeNumber(Values.format(v));
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(Values.format(v));
        }
    }
}

package org.latentlab.core.config;

import java.util.List;

/**
 * One settable key of a config, for forms and listings: {@code key} as {@code --set} takes it, the current
 * {@code value} as text ({@link Overrides} reads it back), what it {@code expects} in words, and for
 * enum and sealed-type keys the {@code choices}.
 */
public record ConfigKey(String key, String value, Kind kind, String expects, List<String> choices) {
    /** What sort of editor a form needs. */
    public enum Kind { INTEGER, NUMBER, BOOLEAN, TEXT, CHOICE, TYPE, LIST }

    public ConfigKey {
        choices = List.copyOf(choices);
    }
}

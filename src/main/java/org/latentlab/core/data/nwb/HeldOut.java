package org.latentlab.core.data.nwb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.latentlab.core.data.DataException;

/**
 * Which units are held out (reconstructed but never shown to the encoder). The file's {@code heldout} column
 * is used only under {@link FromFile}; every other choice replaces it entirely, so a user who asks for
 * 45 random units gets exactly 45, not 45 plus whatever the file marked.
 */
public sealed interface HeldOut {

    /** The file's {@code heldout} column decides (no units held out when the file has none). The default. */
    FromFile FROM_FILE = new FromFile();

    /** No unit is held out, whatever the file says. */
    None NONE = new None();

    record FromFile() implements HeldOut {
    }

    record None() implements HeldOut {
    }

    /** {@code count} units drawn at random (seeded by the import seed). */
    record RandomCount(int count) implements HeldOut {
        public RandomCount {
            if (count < 0) {
                throw new DataException("heldout count must be 0 or more, got " + count);
            }
        }
    }

    /** These unit ids (the units table's {@code id} column). */
    record UnitIds(List<Long> ids) implements HeldOut {
        public UnitIds {
            if (ids == null || ids.isEmpty()) {
                throw new DataException("heldout unit ids: the list is empty");
            }
            Set<Long> seen = new HashSet<>();
            for (Long id : ids) {
                if (id == null || !seen.add(id)) {
                    throw new DataException("heldout unit ids: " + id + " is listed twice");
                }
            }
            ids = List.copyOf(ids);
        }
    }

    /**
     * Parses the command line's {@code --heldout} value: {@code file} or empty (the file's column),
     * {@code none}, a plain integer N (N random units), or a comma-separated list of unit ids
     * ({@code 1011,2045}; a single id needs a trailing comma, {@code 1011,}, to tell it from a count).
     */
    static HeldOut parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("file")) {
            return FROM_FILE;
        }
        if (t.equalsIgnoreCase("none")) {
            return NONE;
        }
        if (!t.contains(",")) {
            try {
                return new RandomCount(Integer.parseInt(t));
            } catch (NumberFormatException e) {
                throw new DataException("--heldout: '" + t + "' is not a count, a list of unit ids, 'none' or 'file'");
            }
        }
        List<Long> ids = new ArrayList<>();
        for (String part : t.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(part.trim()));
            } catch (NumberFormatException e) {
                throw new DataException("--heldout: '" + part.trim() + "' is not a unit id");
            }
        }
        return new UnitIds(ids);
    }

    /** A short description for provenance: {@code file}, {@code none}, {@code random 45}, {@code ids}. */
    default String describe() {
        if (this instanceof RandomCount r) {
            return "random " + r.count();
        }
        return this instanceof None ? "none" : this instanceof UnitIds ? "ids" : "file";
    }
}

package org.latentlab.core.data;

import java.util.Locale;

/** The three trial partitions of a recording; the key prefix is the one lfads-torch files use. */
public enum Split {
    TRAIN, VALID, TEST;

    /** The prefix of this split's HDF5 keys: {@code train}, {@code valid}, {@code test}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

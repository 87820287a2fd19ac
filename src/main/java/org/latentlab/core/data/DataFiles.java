package org.latentlab.core.data;

import java.nio.file.Path;
import java.util.List;

/**
 * One door for every data file LatentLab reads: tells LFADS-style HDF5 from NWB by content, and
 * reads or summarises either.
 */
public final class DataFiles {
    private DataFiles() {
    }

    /** True when the file is an NWB file (an HDF5 file with an {@code nwb_version} attribute or a units table). */
    public static boolean isNwb(Path file) {
        try (var h5 = H5Files.open(file)) {
            return h5.getAttribute("nwb_version") != null || H5Files.children(file, h5).containsKey("units");
        }
    }

    /** A summary record (LFADS-style or NWB) for {@code inspect}. */
    public static Object summarize(Path file) {
        return DatasetSummary.of(file.toString(), LfadsH5Reader.read(file));
    }

    /** The terminal lines of a summary made by {@link #summarize}. */
    public static List<String> summaryLines(Object summary) {
        if (summary instanceof DatasetSummary d) {
            return d.lines();
        }
        throw new IllegalArgumentException("not a summary: " + summary);
    }
}

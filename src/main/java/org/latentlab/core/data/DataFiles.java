package org.latentlab.core.data;

import java.nio.file.Path;
import java.util.List;
import org.latentlab.core.Progress;
import org.latentlab.core.data.nwb.NwbImportOptions;
import org.latentlab.core.data.nwb.NwbImporter;
import org.latentlab.core.data.nwb.NwbReader;
import org.latentlab.core.data.nwb.NwbSummary;

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
        if (isNwb(file)) {
            return NwbSummary.of(file.toString(), NwbReader.read(file));
        }
        return DatasetSummary.of(file.toString(), LfadsH5Reader.read(file));
    }

    /**
     * The session a model trains on: an LFADS-style file as it is, or an NWB file binned with the import
     * options (required for NWB; the message says which options are missing).
     */
    public static Session load(Path file, NwbImportOptions nwbOptions, Progress progress) {
        if (isNwb(file)) {
            if (nwbOptions == null) {
                throw DataException.inFile(file, "an NWB file needs --align, --window and --bin to be binned into trials");
            }
            return NwbImporter.importSession(file, nwbOptions, progress);
        }
        return LfadsH5Reader.read(file);
    }

    /** The terminal lines of a summary made by {@link #summarize}. */
    public static List<String> summaryLines(Object summary) {
        if (summary instanceof DatasetSummary d) {
            return d.lines();
        }
        if (summary instanceof NwbSummary n) {
            return n.lines();
        }
        throw new IllegalArgumentException("not a summary: " + summary);
    }
}

package org.latentlab.cli;

import org.latentlab.core.data.DataException;
import org.latentlab.core.data.nwb.HeldOut;
import org.latentlab.core.data.nwb.NwbImportOptions;
import picocli.CommandLine.Option;

/**
 * The options that bin an NWB recording into trials, shared by {@code import} and by the commands that
 * accept an NWB file as {@code --data}.
 */
final class NwbOptions {
    @Option(names = "--align", paramLabel = "COLUMN",
            description = "Trials-table column each trial is aligned to (e.g. move_onset_time).")
    String align;

    @Option(names = "--window", paramLabel = "START:END",
            description = "Window around the alignment time in ms, e.g. -250:450.")
    String window;

    @Option(names = "--bin", paramLabel = "MS", description = "Bin width in ms.")
    Double binMs;

    @Option(names = "--heldout", paramLabel = "N|IDS",
            description = "Held-out units: a count drawn at random (seeded), a comma-separated list of unit ids, "
                    + "'none', or 'file' (the file's heldout column; the default).")
    String heldOut;

    @Option(names = "--valid-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Share of trials in the valid split (default: ${DEFAULT-VALUE}).")
    double validFraction;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.0",
            description = "Share of trials in the test split (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--use-split-column",
            description = "Take train/valid/test from the trials table's split column instead of a random split.")
    boolean useSplitColumn;

    /** True when any binning option was given. */
    boolean given() {
        return align != null || window != null || binMs != null;
    }

    /** The session in {@code data}: an LFADS-style file as it is, an NWB file binned with these options. */
    org.latentlab.core.data.Session load(java.nio.file.Path data, long seed) {
        return org.latentlab.core.data.DataFiles.load(data, given() ? toOptions(seed) : null,
                org.latentlab.core.Progress.NONE);
    }

    /** The import options, or a one-line error naming the missing option. */
    NwbImportOptions toOptions(long seed) {
        if (align == null || window == null || binMs == null) {
            String missing = align == null ? "--align" : window == null ? "--window" : "--bin";
            throw new DataException("an NWB file needs --align, --window and --bin; " + missing + " is missing");
        }
        double[] w = NwbImportOptions.parseWindow(window);
        HeldOut h = heldOut == null ? HeldOut.FROM_FILE : HeldOut.parse(heldOut);
        return NwbImportOptions.of(align, w[0], w[1], binMs).withHeldOut(h)
                .withFractions(validFraction, testFraction).withSplitColumn(useSplitColumn).withSeed(seed);
    }
}

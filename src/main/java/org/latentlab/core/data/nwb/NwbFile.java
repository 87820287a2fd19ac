package org.latentlab.core.data.nwb;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What LatentLab reads from an NWB file: units, trials and behaviour. Made by {@link NwbReader#read(Path)}.
 *
 * @param path     the file it came from (error messages name it)
 * @param units    the units table
 * @param trials   the trials table
 * @param behavior the TimeSeries found under {@code /processing/behavior}, by name (may be empty)
 */
public record NwbFile(Path path, NwbUnits units, NwbTrials trials, Map<String, NwbTimeSeries> behavior) {

    public NwbFile {
        // Sorted by name so every run lists (and picks) series in the same order.
        behavior = Collections.unmodifiableMap(new TreeMap<>(behavior));
    }
}

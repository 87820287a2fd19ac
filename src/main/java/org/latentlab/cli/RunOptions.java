package org.latentlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.core.Progress;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.DataFiles;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.nwb.NwbImportOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code train} and {@code pbt} share: data (with NWB import options), run directory, config, seed. */
final class RunOptions {
    @Option(names = "--data", required = true, paramLabel = "F", description = "Dataset (.h5, or .nwb with --align/--window/--bin).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run directory.")
    Path out;

    @Option(names = "--config", paramLabel = "C.yaml", description = "Config file (YAML or JSON); defaults otherwise.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key, e.g. model.gen_dim=64 (repeatable).")
    List<String> set = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--samples", defaultValue = "50", paramLabel = "S",
            description = "Posterior samples averaged for the outputs (default: ${DEFAULT-VALUE}).")
    int samples;

    @Mixin
    NwbOptions nwb;

    private NwbImportOptions imported;

    /** Reads the dataset (importing an NWB file with the options given); checks --samples first. */
    Session load() {
        if (samples < 1) {
            throw new DataException("--samples must be at least 1, got " + samples);
        }
        imported = nwb.given() ? nwb.toOptions(seed) : null;
        return DataFiles.load(data, imported, Progress.NONE);
    }

    /** How the file became the session, for the run's identity: the NWB import options, or nothing. */
    Map<String, String> dataOptions() {
        Map<String, String> m = new LinkedHashMap<>();
        if (imported != null) {
            m.put("nwb_import", imported.toString());
        }
        return m;
    }
}

package org.latentlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.core.Progress;
import org.latentlab.core.data.Checksums;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.data.DataFiles;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.nwb.NwbImportOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code train} and {@code pbt} share: data (with NWB import options), run directory, config, seed. */
final class RunOptions {
    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "F",
            description = {"Dataset (.h5, or .nwb with --align/--window/--bin). Several files (one session each, e.g.",
                "--data day1.h5 day2.h5) are fitted by one LFADS model with a read-in and readout per session."})
    List<Path> data;

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

    /** The one data file, for commands that fit a single session; {@code what} names the command. */
    Path file(String what) {
        if (data.size() != 1) {
            throw new DataException(what + " takes one --data file, got " + data.size()
                    + " (several sessions are fitted together by LFADS and AutoLFADS only)");
        }
        return data.get(0);
    }

    /** Reads the one dataset (importing an NWB file with the options given); checks --samples first. */
    Session load(String what) {
        file(what);
        return loadAll().first();
    }

    /** Reads every --data file as a session of one dataset (sessions are named by their file stems). */
    Dataset loadAll() {
        if (samples < 1) {
            throw new DataException("--samples must be at least 1, got " + samples);
        }
        imported = nwb.given() ? nwb.toOptions(seed) : null;
        List<Session> sessions = new ArrayList<>();
        Map<String, Path> names = new LinkedHashMap<>();
        for (Path f : data) {
            Session s = DataFiles.load(f, imported, Progress.NONE);
            Path before = names.put(s.name(), f);
            if (before != null) {
                throw new DataException(f + ": its session is named '" + s.name() + "' like that of " + before
                        + " (sessions are named by file stem: rename one file)");
            }
            sessions.add(s);
        }
        return new Dataset(sessions);
    }

    /** The data's checksum: the file's, or for several files the checksum of their checksums. */
    String sha256() {
        return Checksums.sha256(data);
    }

    /**
     * How the files became sessions, for the run's identity: the NWB import options, and with several files
     * each session's name and checksum.
     */
    Map<String, String> dataOptions() {
        Map<String, String> m = new LinkedHashMap<>();
        if (imported != null) {
            m.put("nwb_import", imported.toString());
        }
        if (data.size() > 1) {
            List<String> each = new ArrayList<>();
            for (Path f : data) {
                each.add(f.getFileName() + " " + Checksums.sha256(f));
            }
            m.put("sessions", String.join(", ", each));
        }
        return m;
    }
}

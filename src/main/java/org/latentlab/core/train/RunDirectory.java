package org.latentlab.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.core.data.AtomicFiles;
import org.latentlab.core.data.DataException;

/**
 * A run directory: {@code run.json} (what the run is: resolved config, data file and SHA-256, seed),
 * {@code config.yaml}, {@code checkpoints/last.ckpt} and {@code best.ckpt}, {@code metrics.csv},
 * {@code summary.json} once finished, and the output file. Re-running on it resumes when the identity
 * matches, reports a finished run, and otherwise names the key that differs.
 */
public final class RunDirectory {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;

    /** What a run directory holds when a run starts. */
    public enum Status { NEW, RESUME, FINISHED }

    public RunDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    public Path lastCheckpoint() {
        return dir.resolve("checkpoints/last.ckpt");
    }

    public Path bestCheckpoint() {
        return dir.resolve("checkpoints/best.ckpt");
    }

    public Path metrics() {
        return dir.resolve("metrics.csv");
    }

    public Path summary() {
        return dir.resolve("summary.json");
    }

    /**
     * Checks the directory against this run's identity (flat key/value map) and claims it for a new run.
     *
     * @throws DataException when the directory belongs to a different run (names the first differing key)
     */
    public Status prepare(Map<String, String> identity, String configYaml) {
        return prepare(identity, configYaml, "config.yaml", Map.of());
    }

    /**
     * As {@link #prepare(Map, String)}, writing the config under {@code configFileName} (a PBT run's own
     * config). {@code defaults} are the flattened default config: a key a run made by an earlier release
     * lacks (added since) matches when this run has it at its default, so older runs still resume and
     * report as finished.
     */
    public Status prepare(Map<String, String> identity, String configYaml, String configFileName,
                          Map<String, String> defaults) {
        Path runJson = dir.resolve("run.json");
        if (Files.exists(runJson)) {
            Map<String, String> old = readIdentity(runJson);
            List<String> keys = new ArrayList<>(identity.keySet());
            old.keySet().stream().filter(k -> !identity.containsKey(k)).forEach(keys::add);
            for (String k : keys) {
                String a = old.get(k);
                String b = identity.get(k);
                if (a == null && b != null && b.equals(defaults.get(k))) {
                    continue; // added by a later release, at its default
                }
                if (a == null || !a.equals(b)) {
                    throw new DataException(dir + ": this run directory holds a different run: '" + k + "' was "
                            + (a == null ? "absent" : "'" + a + "'") + ", now " + (b == null ? "absent" : "'" + b + "'")
                            + " (use a new --out, or delete the directory)");
                }
            }
            if (Files.exists(summary())) {
                return Status.FINISHED;
            }
            return Files.exists(lastCheckpoint()) ? Status.RESUME : Status.NEW;
        }
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new DataException(dir + ": exists and is not a directory");
            }
            if (Files.isDirectory(dir)) {
                try (var s = Files.list(dir)) {
                    if (s.findAny().isPresent()) {
                        throw new DataException(dir + ": is not empty and is not a LatentLab run directory (no run.json)");
                    }
                }
            }
            Files.createDirectories(dir.resolve("checkpoints"));
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot create (" + e.getMessage() + ")", e);
        }
        AtomicFiles.writeString(dir.resolve(configFileName), configYaml);
        writeJson(runJson, identity);
        return Status.NEW;
    }

    private static Map<String, String> readIdentity(Path runJson) {
        try {
            JsonNode n = JSON.readTree(runJson.toFile());
            Map<String, String> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
            return m;
        } catch (IOException e) {
            throw DataException.inFile(runJson, "unreadable (" + e.getMessage() + ")");
        }
    }

    public void writeJson(Path file, Object value) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(value) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends a metrics row, keeping only rows up to {@code epoch - 1} from before (a resumed run redoes later ones). */
    public void appendMetrics(EpochMetrics m) {
        List<String> lines = new ArrayList<>();
        try {
            if (Files.exists(metrics())) {
                for (String line : Files.readAllLines(metrics())) {
                    if (lines.isEmpty() || epochOf(line) < m.epoch()) {
                        lines.add(line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty()) {
            lines.add(m.csvHeader());
        }
        lines.add(m.csvRow());
        AtomicFiles.writeString(metrics(), String.join("\n", lines) + "\n");
    }

    /** Drops metrics rows of epochs at or after {@code epoch} (work a killed run must redo). */
    public void truncateMetrics(int epoch) {
        if (!Files.exists(metrics())) {
            return;
        }
        List<String> kept = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(metrics())) {
                if (kept.isEmpty() || epochOf(line) < epoch) {
                    kept.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeString(metrics(), String.join("\n", kept) + "\n");
    }

    private static int epochOf(String csvLine) {
        int comma = csvLine.indexOf(',');
        try {
            return Integer.parseInt(comma < 0 ? csvLine : csvLine.substring(0, comma));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    public JsonNode readSummary() {
        try {
            return JSON.readTree(summary().toFile());
        } catch (IOException e) {
            throw DataException.inFile(summary(), "unreadable (" + e.getMessage() + ")");
        }
    }
}

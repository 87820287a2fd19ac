package org.latentlab.ui.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.H5Arrays;
import org.latentlab.core.data.H5Files;
import org.latentlab.core.data.LfadsH5Reader;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.Tensor3;

/**
 * A finished run directory read into memory: the input session (copied into the output file), the model's
 * outputs per split and the scores from {@code summary.json}. Pure reading, no JavaFX: it runs in the
 * background and its failures are one-line {@link DataException}s.
 *
 * @param scores split → metric → value (NaN where the run could not score it), in file order
 */
public record InspectRun(Path dir, Path outputFile, Session session, Map<Split, Outputs> outputs,
                         Map<String, Map<String, Double>> scores) {

    /**
     * One split's model outputs.
     *
     * @param rates     {@code output_params}: expected counts per bin, {@code [trials, time, recon channels]}
     * @param factors   {@code [trials, time, factors]}
     * @param genInputs inferred inputs {@code [trials, time, co_dim]}, or null without a controller
     * @param behavior  predicted behaviour {@code [trials, time, channels]} (an iLQR-VAE fitted with
     *                  {@code fit_behavior}), or null
     */
    public record Outputs(Tensor3 rates, Tensor3 factors, Tensor3 genInputs, Tensor3 behavior) {
    }

    /** Reads {@code dir}; throws a DataException naming what is missing when it is not a finished run. */
    public static InspectRun load(Path dir) {
        return load(dir, 0);
    }

    /** The names of a multi-session run's sessions, in order; empty for a single-session run. */
    public static List<String> sessionNames(Path dir) {
        JsonNode summary = readSummary(dir);
        List<String> names = new ArrayList<>();
        if (summary != null) {
            summary.path("sessions").forEach(s -> names.add(s.path("name").asText()));
        }
        return names;
    }

    /** As {@link #load(Path)}, for session {@code session} of a multi-session run (its outputs and scores). */
    public static InspectRun load(Path dir, int sessionIndex) {
        if (!Files.isDirectory(dir)) {
            throw DataException.inFile(dir, "not a run directory");
        }
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        JsonNode summary = readSummary(dir);
        JsonNode own = summary != null && summary.has("sessions") ? summary.path("sessions").path(sessionIndex) : null;
        if (own != null && own.isMissingNode()) {
            throw DataException.inFile(dir, "has no session " + sessionIndex);
        }
        Path out = own != null ? dir.resolve(own.path("output_file").asText()) : outputFile(dir, summary);
        if (!Files.isRegularFile(out)) {
            throw DataException.inFile(dir, "summary.json names " + out.getFileName() + ", which is missing");
        }
        if (summary != null) {
            readScores(own != null ? own.path("scores") : summary.path("scores"), scores);
        }
        Session session = LfadsH5Reader.read(out);
        Map<Split, Outputs> outputs = new EnumMap<>(Split.class);
        try (HdfFile h5 = H5Files.open(out)) {
            Map<String, Node> keys = H5Files.children(out, h5);
            for (Split s : session.splits().keySet()) {
                String p = s.key() + "_";
                if (!keys.containsKey(p + "output_params") || !keys.containsKey(p + "factors")) {
                    continue;
                }
                outputs.put(s, new Outputs(read(out, keys, p + "output_params"), read(out, keys, p + "factors"),
                        keys.containsKey(p + "gen_inputs") ? read(out, keys, p + "gen_inputs") : null,
                        keys.containsKey(p + "behavior_params") ? read(out, keys, p + "behavior_params") : null));
            }
        }
        if (outputs.isEmpty()) {
            throw DataException.inFile(out, "has no model outputs ({split}_output_params, {split}_factors)");
        }
        return new InspectRun(dir, out, session, outputs, scores);
    }

    private static Tensor3 read(Path file, Map<String, Node> keys, String key) {
        return H5Arrays.tensor3(file, keys.get(key), key);
    }

    private static JsonNode readSummary(Path dir) {
        Path f = dir.resolve("summary.json");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return new ObjectMapper().readTree(f.toFile());
        } catch (IOException e) {
            throw DataException.inFile(f, "is not valid JSON (" + H5Arrays.oneLine(e) + ")");
        }
    }

    /** The summary's {@code output_file}, else the only {@code lfads_output_*.h5} in the directory. */
    private static Path outputFile(Path dir, JsonNode summary) {
        if (summary != null && summary.hasNonNull("output_file")) {
            Path f = dir.resolve(summary.get("output_file").asText());
            if (!Files.isRegularFile(f)) {
                throw DataException.inFile(dir, "summary.json names " + f.getFileName() + ", which is missing");
            }
            return f;
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().matches("lfads_output_.*\\.h5")).sorted().forEach(found::add);
        } catch (IOException e) {
            throw DataException.inFile(dir, "cannot be listed (" + H5Arrays.oneLine(e) + ")");
        }
        if (found.isEmpty()) {
            throw DataException.inFile(dir, "has no lfads_output_*.h5 (not a run directory, or training did not finish)");
        }
        return found.get(0);
    }

    private static void readScores(JsonNode node, Map<String, Map<String, Double>> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> split = it.next();
            Map<String, Double> row = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> m = split.getValue().fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> e = m.next();
                // Jackson writes NaN as the string "NaN"; anything unparsable is shown as missing too.
                row.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : parse(e.getValue().asText()));
            }
            into.put(split.getKey(), row);
        }
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}

package org.latentlab.core.config;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.latentlab.core.data.AtomicFiles;
import org.latentlab.core.data.DataException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Reads and writes config records as YAML or JSON, chosen by the file extension ({@code .yaml}, {@code .yml},
 * {@code .json}). A file may name any subset of the keys: it is overlaid onto the record type's
 * {@code defaults()}. Unknown keys, type errors and failed validation are one-line {@link DataException}s
 * that start with the file name and name the dotted key, e.g.
 * {@code cfg.yaml: unknown key 'model.gen_dm'; did you mean 'model.gen_dim'? (valid: model.ic_enc_dim, ...)}.
 */
public final class ConfigIO {
    /** The two file formats; YAML is what LatentLab writes unless asked for JSON. */
    public enum Format {
        YAML, JSON;

        /** The format of a file, by its extension. */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return YAML;
            }
            if (name.endsWith(".json")) {
                return JSON;
            }
            throw DataException.inFile(file, "unknown config format (use .yaml, .yml or .json)");
        }
    }

    private static final ObjectMapper YAML_READER = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper JSON_READER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final YAMLFactory YAML_WRITER = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();
    private static final JsonFactory JSON_WRITER = new JsonFactory();

    private ConfigIO() {
    }

    /** The record in {@code file}, overlaid onto {@code type}'s defaults. */
    public static <T extends Record> T read(Class<T> type, Path file) {
        return load(type, file, List.of());
    }

    /**
     * What {@code train --config C.yaml --set k=v ...} means: the defaults, then the file (when not null),
     * then each assignment in order; validated once at the end.
     */
    public static <T extends Record> T load(Class<T> type, Path file, List<String> overrides) {
        Node root = Node.defaults(type, type);
        if (file != null) {
            JsonNode tree = readTree(file);
            try {
                JsonOverlay.apply(root, tree);
            } catch (DataException e) {
                throw DataException.inFile(file, e.getMessage());
            }
        }
        List<String> sets = overrides == null ? List.of() : overrides;
        Overrides.applyTo(root, sets);
        try {
            return type.cast(root.build(""));
        } catch (DataException e) {
            // With --set in play the culprit may be either; the message names the key, which is what counts.
            throw file != null && sets.isEmpty() ? DataException.inFile(file, e.getMessage()) : e;
        }
    }

    /** A record from text (a form's clipboard, a test); {@code source} starts every error message. */
    public static <T extends Record> T parse(Class<T> type, String text, Format format, String source) {
        Node root = Node.defaults(type, type);
        try {
            JsonOverlay.apply(root, parseTree(text, format));
            return type.cast(root.build(""));
        } catch (DataException e) {
            throw DataException.inFile(source, e.getMessage());
        }
    }

    /** The full record (every key, defaults included) in component order. */
    public static String toText(Record config, Format format) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = format == Format.YAML ? YAML_WRITER.createGenerator(w)
                : JSON_WRITER.createGenerator(w).useDefaultPrettyPrinter()) {
            TreeWriter.write(Node.of(config), g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        String s = w.toString();
        return s.endsWith("\n") ? s : s + "\n";
    }

    public static String toYaml(Record config) {
        return toText(config, Format.YAML);
    }

    /** Writes the full record atomically, as YAML or JSON by the extension of {@code file}. */
    public static void write(Record config, Path file) {
        AtomicFiles.writeString(file, toText(config, Format.of(file)));
    }

    /** The YAML or JSON tree of a config file; errors name the file. */
    static JsonNode readTree(Path file) {
        String text = readText(file);
        Format format = Format.of(file);
        try {
            return parseTree(text, format);
        } catch (DataException e) {
            throw DataException.inFile(file, e.getMessage());
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw DataException.inFile(file, "no such file");
        } catch (MalformedInputException e) {
            throw DataException.inFile(file, "not a UTF-8 text file");
        } catch (IOException e) {
            throw DataException.inFile(file, "cannot read (" + e.getMessage() + ")");
        }
    }

    private static JsonNode parseTree(String text, Format format) {
        try {
            JsonNode n = (format == Format.YAML ? YAML_READER : JSON_READER).readTree(text);
            return n == null ? MissingNode.getInstance() : n;
        } catch (JsonProcessingException e) {
            throw new DataException("not valid " + format + ": " + reason(e));
        }
    }

    /** Jackson's (and SnakeYAML's) multi-line messages folded into one line with the location. */
    private static String reason(JsonProcessingException e) {
        String msg = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        // SnakeYAML indents its "in 'reader', line ..." lines and the quoted snippet; the reasons are not.
        String folded = msg.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::strip).collect(Collectors.joining("; "));
        JsonLocation loc = e.getLocation();
        return loc == null ? folded : folded + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
}

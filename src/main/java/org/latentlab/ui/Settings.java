package org.latentlab.ui;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.latentlab.core.data.AtomicFiles;

/**
 * What the workbench remembers between launches: recent files (newest first, at most {@link #MAX_RECENT}),
 * the last directory a file was opened from, and the main window's bounds. Immutable; stored as JSON.
 *
 * @param recentFiles   absolute paths, newest first
 * @param lastDirectory the directory the file choosers start in, or null
 * @param window        the main window's last bounds, or null before the first close
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(List<String> recentFiles, String lastDirectory, WindowBounds window) {
    public static final int MAX_RECENT = 10;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The window's position and size in screen coordinates. */
    public record WindowBounds(double x, double y, double width, double height) {
    }

    public Settings {
        recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles);
    }

    public static Settings empty() {
        return new Settings(List.of(), null, null);
    }

    /**
     * {@code -Dlatentlab.settings=FILE} when given (tests point it at a temporary directory), else
     * {@code ~/.latentlab/settings.json}.
     */
    public static Path defaultFile() {
        String p = System.getProperty("latentlab.settings");
        return p != null ? Path.of(p) : Path.of(System.getProperty("user.home"), ".latentlab", "settings.json");
    }

    /**
     * The settings in {@code file}; empty ones when it is missing or unreadable, because a corrupt settings
     * file must never keep the workbench from starting (the next save replaces it).
     */
    public static Settings load(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            Settings s = JSON.readValue(file.toFile(), Settings.class);
            return s == null ? empty() : s;
        } catch (IOException e) {
            System.err.println("latentlab: ignoring unreadable settings " + file + " (" + e.getMessage().lines()
                    .findFirst().orElse("") + ")");
            return empty();
        }
    }

    /** Writes atomically, so a crash mid-write leaves the previous settings intact. */
    public void save(Path file) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(this));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(file + ": cannot write settings (" + e.getMessage() + ")", e);
        }
    }

    /** {@code file} moved (or added) to the front of the recent files, the list cut to {@link #MAX_RECENT}. */
    public Settings withRecent(Path file) {
        String p = file.toAbsolutePath().normalize().toString();
        List<String> list = new ArrayList<>(recentFiles);
        list.remove(p);
        list.add(0, p);
        Path parent = file.toAbsolutePath().normalize().getParent();
        return new Settings(list.subList(0, Math.min(MAX_RECENT, list.size())),
                parent == null ? lastDirectory : parent.toString(), window);
    }

    public Settings withoutRecent() {
        return new Settings(List.of(), lastDirectory, window);
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(recentFiles, lastDirectory, bounds);
    }
}

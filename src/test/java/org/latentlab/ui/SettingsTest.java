package org.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recent files, last directory and window bounds: ordering, cap, persistence, and a corrupt file. */
class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void recentFilesAreNewestFirstWithoutDuplicatesAndCappedAtTen() {
        Settings s = Settings.empty();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            s = s.withRecent(dir.resolve("f" + i + ".h5"));
            expected.add(0, dir.resolve("f" + i + ".h5").toString());
        }
        assertEquals(expected.subList(0, 10), s.recentFiles());
        s = s.withRecent(dir.resolve("f5.h5"));
        assertEquals(dir.resolve("f5.h5").toString(), s.recentFiles().get(0));
        assertEquals(dir.resolve("f11.h5").toString(), s.recentFiles().get(1));
        assertEquals(10, s.recentFiles().size());
        assertEquals(1, s.recentFiles().stream().filter(p -> p.endsWith("f5.h5")).count());
        assertEquals(dir.toString(), s.lastDirectory());
    }

    @Test
    void settingsSurviveARoundTripAndLeaveNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("sub/settings.json");
        Settings s = Settings.empty().withRecent(dir.resolve("a.h5"))
                .withWindow(new Settings.WindowBounds(10, 20, 1200, 700));
        s.save(file);
        assertEquals(s, Settings.load(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aMissingOrCorruptFileGivesEmptySettings() throws Exception {
        assertEquals(Settings.empty(), Settings.load(dir.resolve("none.json")));
        Path bad = Files.writeString(dir.resolve("bad.json"), "{ not json");
        Settings s = Settings.load(bad);
        assertTrue(s.recentFiles().isEmpty());
        assertNull(s.window());
    }

    @Test
    void theSettingsFileCanBeMovedForTests() {
        String old = System.getProperty("latentlab.settings");
        try {
            System.setProperty("latentlab.settings", dir.resolve("s.json").toString());
            assertEquals(dir.resolve("s.json"), Settings.defaultFile());
            System.clearProperty("latentlab.settings");
            assertEquals(Path.of(System.getProperty("user.home"), ".latentlab", "settings.json"), Settings.defaultFile());
        } finally {
            if (old != null) {
                System.setProperty("latentlab.settings", old);
            }
        }
    }
}

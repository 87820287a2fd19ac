package org.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's ViewModel: recent files kept and persisted, status text, device text. */
class WorkbenchViewModelTest {
    static final Path SAMPLE = Path.of(System.getProperty("latentlab.project.dir", "."), "sample-data");

    @TempDir
    Path dir;

    @Test
    void loadedFilesBecomeRecentFilesThatPersist() throws Exception {
        Path settings = dir.resolve("settings.json");
        WorkbenchViewModel vm = new WorkbenchViewModel(UiExecutors.direct(), settings, () -> "test cpu");
        assertEquals("device: test cpu", vm.deviceProperty().get());
        assertEquals("No file open", vm.fileText().get());

        Path lorenz = SAMPLE.resolve("lorenz.h5").toAbsolutePath().normalize();
        Path twoArea = SAMPLE.resolve("two-area.h5").toAbsolutePath().normalize();
        vm.open(lorenz);
        vm.open(twoArea);
        vm.open(Files.writeString(dir.resolve("bad.h5"), "x"));
        vm.open(lorenz);
        assertEquals(List.of(lorenz, twoArea), vm.recentFiles(), "newest first; a file that failed is not added");
        assertEquals(lorenz.toString(), vm.fileText().get());
        assertEquals(lorenz.getParent(), vm.lastDirectory());

        WorkbenchViewModel again = new WorkbenchViewModel(UiExecutors.direct(), settings, () -> "test cpu");
        assertEquals(List.of(lorenz, twoArea), again.recentFiles());
        again.clearRecent();
        assertTrue(new WorkbenchViewModel(UiExecutors.direct(), settings, () -> "x").recentFiles().isEmpty());
    }

    @Test
    void windowBoundsAreRemembered() {
        Path settings = dir.resolve("settings.json");
        new WorkbenchViewModel(UiExecutors.direct(), settings, () -> "cpu")
                .rememberWindow(new Settings.WindowBounds(5, 6, 900, 600));
        assertEquals(new Settings.WindowBounds(5, 6, 900, 600),
                new WorkbenchViewModel(UiExecutors.direct(), settings, () -> "cpu").windowBounds());
    }

    @Test
    void aDeviceThatCannotBeDescribedStillLeavesAStatus() {
        WorkbenchViewModel vm = new WorkbenchViewModel(UiExecutors.direct(), null, () -> {
            throw new IllegalStateException("no engine");
        });
        assertEquals("device: unknown (IllegalStateException)", vm.deviceProperty().get());
    }
}

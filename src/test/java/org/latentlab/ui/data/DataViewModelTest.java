package org.latentlab.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.data.Split;
import org.latentlab.ui.UiExecutors;

/** The Data screen's ViewModel, run synchronously without the FX toolkit. */
class DataViewModelTest {
    static final Path SAMPLE = Path.of(System.getProperty("latentlab.project.dir", "."), "sample-data", "lorenz.h5");

    @TempDir
    Path dir;

    private final DataViewModel vm = new DataViewModel(UiExecutors.direct());

    @Test
    void sessionsAreAddedBesideTheShownFileCheckedAndClearedByTheNextOpen() throws Exception {
        vm.addSession(SAMPLE);
        assertTrue(vm.errorProperty().get().startsWith("Open a recording first"), vm.errorProperty().get());
        vm.clearError();
        vm.open(SAMPLE);
        Path copy = dir.resolve("lorenz-b.h5");
        Files.copy(SAMPLE, copy);
        vm.addSession(copy);
        assertNull(vm.errorProperty().get());
        assertEquals(List.of(copy), vm.moreFiles());
        assertEquals(List.of("lorenz", "lorenz-b"), vm.dataset().sessions().stream().map(s -> s.name()).toList());
        assertEquals(List.of(SAMPLE, copy), vm.dataFiles());

        // The same stem twice cannot name two sessions; other bins cannot share the model.
        vm.addSession(SAMPLE);
        assertTrue(vm.errorProperty().get().contains("two sessions are named 'lorenz'"), vm.errorProperty().get());
        Path shorter = dir.resolve("short.h5");
        org.latentlab.core.data.Session s = org.latentlab.core.data.TestSessions.full();
        org.latentlab.core.data.LfadsH5Writer.write(s, shorter);
        vm.addSession(shorter);
        assertTrue(vm.errorProperty().get().startsWith(shorter + ": session 'short' has 10 bins but session 'lorenz' "
                + "has 100"), vm.errorProperty().get());
        assertEquals(List.of(copy), vm.moreFiles(), "refused files are not added");

        vm.removeSession(0);
        assertTrue(vm.moreFiles().isEmpty());
        vm.addSession(copy);
        vm.open(SAMPLE);
        assertTrue(vm.moreFiles().isEmpty(), "opening a file starts a new set of sessions");
    }

    @Test
    void theSampleFileFillsTheSummaryAndThePlots() {
        List<Path> loaded = new ArrayList<>();
        vm.setOnLoaded(loaded::add);
        vm.open(SAMPLE);

        assertNull(vm.errorProperty().get());
        assertFalse(vm.busyProperty().get());
        assertEquals(SAMPLE, vm.fileProperty().get());
        assertEquals(List.of(SAMPLE), loaded);
        Map<String, String> rows = vm.summary().stream()
                .collect(Collectors.toMap(SummaryRows.Row::id, SummaryRows.Row::value));
        assertEquals("400  (train 320, valid 80)", rows.get("trials"));
        assertEquals("100 × 10 ms = 1000 ms", rows.get("bins"));
        assertEquals("30 held-in, 0 held-out", rows.get("channels"));
        assertEquals("none", rows.get("forward"));
        assertEquals("condition ids", rows.get("extra"));
        assertEquals("rates, latents", rows.get("truth"));

        DataSelection sel = vm.selection();
        assertEquals(List.of(Split.TRAIN, Split.VALID), sel.splits());
        assertEquals(Split.TRAIN, sel.splitProperty().get());
        assertEquals(320, sel.trialCountProperty().get());
        assertEquals(30, sel.channelCountProperty().get());
        DataSelection.Raster r = sel.rasterProperty().get();
        assertEquals(100, r.counts().length);
        assertEquals(30, r.counts()[0].length);
        assertEquals(30, vm.channelRatesProperty().get().length);
        DataStats.Psth p = sel.psthProperty().get();
        assertEquals(20, p.lines().size(), "one line per condition");
        assertEquals(20, p.smoothingMs());
        assertTrue(sel.trialInfoProperty().get().startsWith("trial 0 of 320 in train · condition "),
                sel.trialInfoProperty().get());
    }

    @Test
    void choosingATrialRedrawsTheRasterAndOutOfRangeChoicesAreClamped() {
        vm.open(SAMPLE);
        DataSelection sel = vm.selection();
        sel.trialProperty().set(5);
        assertEquals(5, sel.rasterProperty().get().trial());
        sel.trialProperty().set(10_000);
        assertEquals(319, sel.trialProperty().get());
        assertEquals(319, sel.rasterProperty().get().trial());
        sel.splitProperty().set(Split.VALID);
        assertEquals(80, sel.trialCountProperty().get());
        assertEquals(0, sel.trialProperty().get(), "a new split starts at its first trial");
        assertEquals(Split.VALID, sel.rasterProperty().get().split());
        sel.channelProperty().set(3);
        assertEquals(3, sel.psthProperty().get().channel());
        assertEquals("channel 3 (held-in) in the PSTH", sel.channelInfoProperty().get());
        sel.smoothingMsProperty().set(0);
        assertEquals(0, sel.psthProperty().get().smoothingMs());
    }

    @Test
    void aBadFileGivesTheOneLineReasonAndKeepsWhatWasShown() throws Exception {
        vm.open(SAMPLE);
        Path bad = Files.writeString(dir.resolve("notes.h5"), "not hdf5 at all");
        vm.open(bad);
        assertEquals(bad + ": not an HDF5 file (no HDF5 signature)", vm.errorProperty().get());
        assertFalse(vm.busyProperty().get());
        assertEquals(SAMPLE, vm.fileProperty().get(), "the file shown before stays");
        vm.clearError();
        assertNull(vm.errorProperty().get());

        vm.open(dir.resolve("missing.h5"));
        assertEquals(dir.resolve("missing.h5") + ": no such file", vm.errorProperty().get());
    }

    @Test
    void aSlowFileOpenedFirstNeverReplacesTheFileOpenedLast() throws Exception {
        ArrayDeque<Runnable> background = new ArrayDeque<>();
        DataViewModel queued = new DataViewModel(new UiExecutors(background::add, Runnable::run));
        Path bad = Files.writeString(dir.resolve("bad.h5"), "x");
        queued.open(SAMPLE);
        queued.open(bad);
        assertTrue(queued.busyProperty().get());
        background.removeLast().run();
        assertEquals(bad + ": not an HDF5 file (no HDF5 signature)", queued.errorProperty().get());
        background.removeLast().run();
        assertNull(queued.fileProperty().get(), "the sample's late result was dropped");
        assertFalse(queued.busyProperty().get());
    }

    @Test
    void anNwbFileOpensTheImportFormAndImportsWithProgress() {
        Path nwb = Path.of(System.getProperty("latentlab.project.dir", "."),
                "../shared/data/mc_maze/sub-Jenkins_ses-full_desc-test_ecephys.nwb").normalize();
        assumeTrue(Files.isRegularFile(nwb), "the MC_Maze recording is not here");
        vm.open(nwb);
        NwbImportViewModel form = vm.nwbImportProperty().get();
        assertNotNull(form);
        assertNull(vm.sessionProperty().get());
        assertEquals("move_onset_time", form.alignProperty().get());
        form.text(NwbImportViewModel.Field.BIN).set("20");
        vm.importNwb(form.optionsProperty().get());

        assertNull(vm.errorProperty().get());
        assertNull(vm.nwbImportProperty().get());
        assertEquals(nwb, vm.fileProperty().get());
        assertEquals(35, vm.sessionProperty().get().bins());
        assertEquals(137, vm.selection().channelCountProperty().get());
        assertEquals("time from move_onset_time (ms)", vm.selection().rasterProperty().get().axis().label());
        assertEquals(-240, vm.selection().psthProperty().get().x()[0], 1e-9);
    }

    @Test
    void cancellingTheImportFormKeepsTheDataShown() {
        vm.open(SAMPLE);
        vm.cancelImport();
        assertNull(vm.nwbImportProperty().get());
        assertEquals(SAMPLE, vm.fileProperty().get());
    }
}

package org.latentlab.core.data.nwb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.data.DataException;

/** Bad files: each gets one line naming the file and what is wrong, never a jhdf stack trace. */
class NwbErrorsTest {
    private static final NwbImportOptions GO = NwbImportOptions.of("go_time", -100, 300, 50);

    @TempDir
    Path dir;

    private String fail(Path f, NwbImportOptions o) {
        DataException e = assertThrows(DataException.class, () -> NwbImporter.importSession(f, o));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage().substring(f.toString().length() + 2);
    }

    @Test
    void noUnitsTable() {
        Path f = new TinyNwb().noUnits().write(dir.resolve("x.nwb"));
        assertEquals("no units table (/units)", fail(f, GO));
    }

    @Test
    void noTrialsTable() {
        Path f = new TinyNwb().noTrials().write(dir.resolve("x.nwb"));
        assertEquals("no trials table (/intervals/trials)", fail(f, GO));
    }

    @Test
    void missingRequiredColumns() {
        Path f = new TinyNwb().noSpikeIndex().write(dir.resolve("x.nwb"));
        assertEquals("the units table has no spike_times_index column (/units/spike_times_index)", fail(f, GO));
    }

    @Test
    void unknownAlignmentColumn() {
        Path f = new TinyNwb().write(dir.resolve("x.nwb"));
        assertEquals("the trials table has no column 'move_onset_time' to align on; available: start_time, stop_time,"
                + " go_time", fail(f, NwbImportOptions.of("move_onset_time", -100, 300, 50)));
    }

    @Test
    void windowOverrunningATrialByMoreThanAMicrosecondIsRefused() {
        // Trial 1 ends 2 microseconds before go_time + 400 ms.
        Path f = new TinyNwb().trialColumn("stop_time", 0.5, 1.5 - 2e-6).write(dir.resolve("x.nwb"));
        assertEquals("trial 1: the window -100:400 ms around go_time ends 0.002 ms after stop_time (more than the"
                + " 0.001 ms allowed for rounding)", fail(f, NwbImportOptions.of("go_time", -100, 400, 50)));
        Path g = new TinyNwb().trialColumn("start_time", 0.0 + 3e-6, 1.0).write(dir.resolve("y.nwb"));
        assertEquals("trial 0: the window -100:400 ms around go_time starts 0.003 ms before start_time (more than"
                + " the 0.001 ms allowed for rounding)", fail(g, NwbImportOptions.of("go_time", -100, 400, 50)));
    }

    @Test
    void windowOverrunningByHalfAMicrosecondIsAccepted() {
        Path f = new TinyNwb().trialColumn("stop_time", 0.5 - 0.5e-6, 1.5 - 0.5e-6).write(dir.resolve("x.nwb"));
        var s = NwbImporter.importSession(f, NwbImportOptions.of("go_time", -100, 400, 50).withFractions(0, 0));
        assertEquals(2, s.totalTrials());
        assertEquals(10, s.bins());
        assertEquals(6.0, s.splits().values().stream().mapToDouble(d -> d.recon().sum()).sum());
    }

    @Test
    void notAnHdf5File() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.nwb"), "these are not the spikes you are looking for\n");
        assertEquals("not an HDF5 file (no HDF5 signature)", fail(f, GO));
    }

    @Test
    void truncatedFile() throws IOException {
        Path whole = new TinyNwb().write(dir.resolve("whole.nwb"));
        byte[] bytes = Files.readAllBytes(whole);
        Path f = Files.write(dir.resolve("cut.nwb"), Arrays.copyOf(bytes, bytes.length / 2));
        String m = fail(f, GO);
        assertTrue(m.contains("truncated"), m);
    }

    @Test
    void missingFile() {
        assertEquals("no such file", fail(dir.resolve("absent.nwb"), GO));
    }

    @Test
    void everyUnitHeldOutIsRefused() {
        Path f = new TinyNwb().heldOut(new boolean[] {true, true, true}).write(dir.resolve("x.nwb"));
        assertEquals("every unit is held out; at least one must stay held in for the encoder", fail(f, GO));
        assertEquals("cannot hold out 3 of 3 units: at least one unit must stay held in",
                fail(f, GO.withHeldOut(new HeldOut.RandomCount(3))));
    }

    @Test
    void unknownSplitValueAndMissingSplitColumn() {
        Path f = new TinyNwb().split("train", "bogus").write(dir.resolve("x.nwb"));
        assertEquals("trial 1 has split 'bogus' (expected train, val, valid, test or none) in /intervals/trials/split",
                fail(f, GO.withSplitColumn(true)));
        Path g = new TinyNwb().write(dir.resolve("y.nwb"));
        assertEquals("the trials table has no split column (/intervals/trials/split)", fail(g, GO.withSplitColumn(true)));
    }

    @Test
    void everyAlignmentNaN() {
        Path f = new TinyNwb().trialColumn("go_time", Double.NaN, Double.NaN).write(dir.resolve("x.nwb"));
        assertEquals("every one of the 2 trials has a NaN go_time", fail(f, GO));
    }

    @Test
    void optionsNameTheBadFieldAndValue() {
        assertEquals("window -250:452 ms is not a whole number of 5 ms bins (140.4)",
                assertThrows(DataException.class, () -> NwbImportOptions.of("m", -250, 452, 5)).getMessage());
        assertEquals("binMs must be a positive number of milliseconds, got 0",
                assertThrows(DataException.class, () -> NwbImportOptions.of("m", -250, 450, 0)).getMessage());
        assertEquals("window must be START:END ms with START < END, got 450:-250",
                assertThrows(DataException.class, () -> NwbImportOptions.of("m", 450, -250, 5)).getMessage());
        assertEquals("validFraction must be in [0, 1), got 1.5",
                assertThrows(DataException.class, () -> GO.withFractions(1.5, 0)).getMessage());
        assertEquals("validFraction + testFraction must be below 1 so trials are left to train, got 0.6 + 0.4",
                assertThrows(DataException.class, () -> GO.withFractions(0.6, 0.4)).getMessage());
        assertEquals("alignColumn must name a trials-table column, got ''",
                assertThrows(DataException.class, () -> NwbImportOptions.of(" ".trim(), 0, 10, 5)).getMessage());
        assertEquals("heldout count must be 0 or more, got -2",
                assertThrows(DataException.class, () -> HeldOut.parse("-2")).getMessage());
        assertEquals("--heldout: 'abc' is not a unit id",
                assertThrows(DataException.class, () -> HeldOut.parse("1,abc")).getMessage());
        assertEquals("heldout unit ids: 4 is listed twice",
                assertThrows(DataException.class, () -> HeldOut.parse("4,4")).getMessage());
        assertEquals("window must be START:END in ms (e.g. -250:450), got '-250'",
                assertThrows(DataException.class, () -> NwbImportOptions.parseWindow("-250")).getMessage());
    }
}

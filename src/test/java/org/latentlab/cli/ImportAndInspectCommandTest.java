package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.data.LfadsH5Reader;
import org.latentlab.core.data.LfadsH5Writer;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.TestSessions;

/** The command-line contract of {@code import} and {@code inspect}: outputs, JSON, exit codes, one-line errors. */
class ImportAndInspectCommandTest {
    static final Path MC_MAZE = Path.of(System.getProperty("latentlab.project.dir", "."))
            .resolve("../shared/data/mc_maze/sub-Jenkins_ses-full_desc-test_ecephys.nwb").normalize();

    @TempDir
    Path dir;

    static void assertOneLineError(Cli.Result r, String... fragments) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, "exactly one line: " + r.err());
        assertTrue(r.err().startsWith("latentlab: "), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' in: " + r.err());
        }
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void importsMcMazeAndInspectsTheResultAsJson() throws Exception {
        assumeTrue(Files.isRegularFile(MC_MAZE), "MC_Maze test file not present");
        Path out = dir.resolve("maze.h5");
        Cli.Result r = Cli.run("import", MC_MAZE.toString(), "--align", "move_onset_time", "--window", "-250:450",
                "--bin", "5", "--heldout", "45", "--valid-fraction", "0.1", "--test-fraction", "0.1", "--seed", "7",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Session s = LfadsH5Reader.read(out);
        assertEquals(574, s.totalTrials());
        assertEquals(92, s.heldInChannels());
        assertEquals(45, s.heldOutChannels());
        assertEquals(140, s.bins());
        assertEquals(5.0, s.binSizeMs());

        Cli.Result j = Cli.run("inspect", out.toString(), "--json");
        assertEquals(0, j.code(), j.err());
        JsonNode n = new ObjectMapper().readTree(j.out());
        assertEquals(140, n.get("bins").asInt());
        assertEquals(45, n.get("heldOutChannels").asInt());
        assertEquals(230348.0, n.get("totalCounts").asDouble());
        assertEquals(574, n.get("trials").get("train").asInt() + n.get("trials").get("valid").asInt()
                + n.get("trials").get("test").asInt());
        assertEquals("move_onset_time", n.get("attributes").get("align_column").asText());
    }

    @Test
    void inspectsTheNwbFileItself() throws Exception {
        assumeTrue(Files.isRegularFile(MC_MAZE), "MC_Maze test file not present");
        Cli.Result r = Cli.run("inspect", MC_MAZE.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals("nwb", n.get("format").asText());
        assertEquals(137, n.get("units").asInt());
        assertEquals(574, n.get("trials").asInt());
        assertEquals(230348, n.get("spikes").asLong());
        assertEquals(574, n.get("splitColumn").get("test").asInt());
        Cli.Result text = Cli.run("inspect", MC_MAZE.toString());
        assertTrue(text.out().contains("move_onset_time"), text.out());
    }

    @Test
    void csvOutput() throws Exception {
        assumeTrue(Files.isRegularFile(MC_MAZE), "MC_Maze test file not present");
        Path out = dir.resolve("maze.csv");
        Cli.Result r = Cli.run("import", MC_MAZE.toString(), "--align", "move_onset_time", "--window=-250:450",
                "--bin", "20", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        try (var lines = Files.lines(out)) {
            assertEquals(1 + 574 * 35, lines.count());
        }
    }

    @Test
    void badImportsExitTwoWithOneLineAndWriteNothing() throws Exception {
        assumeTrue(Files.isRegularFile(MC_MAZE), "MC_Maze test file not present");
        Path out = dir.resolve("x.h5");
        String nwb = MC_MAZE.toString();
        assertOneLineError(Cli.run("import", nwb, "--align", "go_cue_time", "--window", "-250:450", "--bin", "5",
                "--out", out.toString()), "go_cue_time", "move_onset_time");
        assertOneLineError(Cli.run("import", nwb, "--align", "move_onset_time", "--window", "-250:900", "--bin", "5",
                "--out", out.toString()), "stop_time");
        assertOneLineError(Cli.run("import", nwb, "--align", "move_onset_time", "--window", "-250:450",
                "--out", out.toString()), "--bin");
        assertOneLineError(Cli.run("import", nwb, "--align", "move_onset_time", "--window", "-250:450", "--bin", "5",
                "--use-split-column", "--out", out.toString()), "split");
        assertOneLineError(Cli.run("import", nwb, "--align", "move_onset_time", "--window", "-250:450", "--bin", "5",
                "--heldout", "99999,", "--out", out.toString()), "99999");
        assertOneLineError(Cli.run("import", nwb, "--align", "move_onset_time", "--window", "-250:450", "--bin", "5",
                "--valid-fraction", "1.5", "--out", out.toString()), "1.5");
        assertOneLineError(Cli.run("import", nwb, "--align", "move_onset_time", "--window", "-250:450", "--bin", "abc",
                "--out", out.toString()), "abc");
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no partial or temporary file is left behind");
        }
    }

    @Test
    void importRefusesAnLfadsFile() throws Exception {
        Path h5 = dir.resolve("full.h5");
        LfadsH5Writer.write(TestSessions.full(), h5);
        assertOneLineError(Cli.run("import", h5.toString(), "--align", "a", "--window", "0:10", "--bin", "5",
                "--out", dir.resolve("o.h5").toString()), "not an NWB file");
    }

    @Test
    void inspectReportsLayoutOfAnLfadsFile() throws Exception {
        Path h5 = dir.resolve("full.h5");
        LfadsH5Writer.write(TestSessions.full(), h5);
        Cli.Result r = Cli.run("inspect", h5.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("trials      13 (train 8, valid 3, test 2)"), r.out());
        assertTrue(r.out().contains("channels    4 held-in, 2 held-out"), r.out());
        assertTrue(r.out().contains("forward     3 bins"), r.out());
        assertTrue(r.out().contains("rates (conversion_factor 100)"), r.out());
        assertEquals(8, LfadsH5Reader.read(h5).split(Split.TRAIN).trials());
    }

    @Test
    void inspectOfACorruptFileExitsTwoWithOneLine() throws Exception {
        Path bad = dir.resolve("bad.h5");
        Files.writeString(bad, "garbage");
        assertOneLineError(Cli.run("inspect", bad.toString()), bad.toString(), "not an HDF5 file");
        Path good = dir.resolve("good.h5");
        LfadsH5Writer.write(TestSessions.full(), good);
        byte[] all = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.h5");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 3));
        assertOneLineError(Cli.run("inspect", cut.toString()), cut.toString());
        assertOneLineError(Cli.run("inspect", dir.resolve("missing.h5").toString()), "no such file");
    }

    @Test
    void unknownOptionsAndCommandsAreOneLineErrors() {
        assertOneLineError(Cli.run("inspect"), "FILE");
        assertOneLineError(Cli.run("inspect", "a.h5", "--jsn"), "--jsn");
        assertOneLineError(Cli.run("frobnicate"), "frobnicate");
    }
}

package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.data.LfadsH5Reader;
import org.latentlab.core.data.Session;

/**
 * The committed sample files are what {@code sample-data/regenerate.sh} makes: each line of the script is
 * run in-process into a temporary directory and must give the committed arrays and attributes.
 */
class SampleDataTest {
    static final Path ROOT = Path.of(System.getProperty("latentlab.project.dir", "."));

    @TempDir
    Path dir;

    @Test
    void regeneratingGivesTheCommittedFiles() throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve("sample-data/regenerate.sh"));
        int checked = 0;
        for (String line : lines) {
            if (!line.startsWith("./latentlab synth ")) {
                continue;
            }
            List<String> args = new ArrayList<>(List.of(line.substring("./latentlab ".length()).trim().split("\\s+")));
            int o = args.indexOf("--out");
            Path committed = ROOT.resolve(args.get(o + 1));
            Path fresh = dir.resolve(committed.getFileName());
            args.set(o + 1, fresh.toString());
            Cli.Result r = Cli.run(args.toArray(new String[0]));
            assertEquals(0, r.code(), line + ": " + r.err());

            assertTrue(Files.size(committed) < 10 * 1024 * 1024, committed + " must stay under 10 MB");
            Session want = LfadsH5Reader.read(committed);
            Session got = LfadsH5Reader.read(fresh);
            assertEquals(want.splits(), got.splits(), line);
            assertEquals(want.attributes(), got.attributes(), line);
            assertEquals(want.binSizeMs(), got.binSizeMs());
            assertEquals(want.conversionFactor(), got.conversionFactor());
            checked++;
        }
        assertEquals(3, checked, "lorenz, chaotic-rnn-inputs and two-area are regenerated");
    }

    @Test
    void theLorenzSampleHasThePaperLayout() {
        Session s = LfadsH5Reader.read(ROOT.resolve("sample-data/lorenz.h5"));
        assertEquals(400, s.totalTrials());
        assertEquals(100, s.bins());
        assertEquals(30, s.heldInChannels());
        assertEquals(10.0, s.binSizeMs());
        assertEquals(3, s.split(org.latentlab.core.data.Split.TRAIN).latentsTruth().channels());
    }
}

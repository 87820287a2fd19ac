package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.cli.ImportAndInspectCommandTest.assertOneLineError;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.data.LfadsH5Reader;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;

class SynthCommandTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedTwiceWritesIdenticalFilesAndAnotherSeedDoesNot() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a")).resolve("lorenz.h5");
        Path b = Files.createDirectories(dir.resolve("b")).resolve("lorenz.h5");
        Path c = Files.createDirectories(dir.resolve("c")).resolve("lorenz.h5");
        String[] small = {"--trials", "40", "--set", "conditions=4", "--time", "30"};
        assertEquals(0, run("lorenz", a, "1", small).code());
        assertEquals(0, run("lorenz", b, "1", small).code());
        assertEquals(0, run("lorenz", c, "2", small).code());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertNotEquals(LfadsH5Reader.read(a).splits(), LfadsH5Reader.read(c).splits());

        Session s = LfadsH5Reader.read(a);
        assertEquals(40, s.totalTrials());
        assertEquals(30, s.bins());
        assertEquals("lorenz", s.attributes().get("synth.kind"));
        assertEquals("1", s.attributes().get("synth.seed"));
    }

    @Test
    void longChaoticTrialsWithTrueInputs() {
        Path f = dir.resolve("cri.h5");
        Cli.Result r = run("chaotic-rnn-inputs", f, "3", "--trials", "20", "--time", "300");
        assertEquals(0, r.code(), r.err());
        Session s = LfadsH5Reader.read(f);
        assertEquals(300, s.bins());
        assertTrue(s.split(Split.TRAIN).inputsTruth() != null);
        assertEquals(0, s.extInputChannels(), "true inputs are never given to the model");
        assertTrue(r.out().contains("truth       rates (conversion_factor 100), latents, inputs"), r.out());
    }

    @Test
    void showOptionsListsTheGeneratorsParameters() {
        Cli.Result r = Cli.run("synth", "two-area", "--show-options");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("feedback"), r.out());
    }

    @Test
    void badKindsAndOptionsAreOneLineErrors() {
        Path f = dir.resolve("x.h5");
        assertOneLineError(run("lorenzz", f, "1"), "lorenzz", "lorenz");
        assertOneLineError(run("lorenz", f, "1", "--set", "sigmaa=3"), "sigmaa");
        assertOneLineError(run("lorenz", f, "1", "--time", "0"), "time");
        assertOneLineError(run("two-area", f, "1", "--time", "50"), "time");
        assertOneLineError(Cli.run("synth", "lorenz"), "--out");
        assertFalse(Files.exists(f));
    }

    private static Cli.Result run(String kind, Path out, String seed, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "synth";
        args[1] = kind;
        args[2] = "--out";
        args[3] = out.toString();
        args[4] = "--seed=" + seed;
        System.arraycopy(more, 0, args, 5, more.length);
        return Cli.run(args);
    }
}

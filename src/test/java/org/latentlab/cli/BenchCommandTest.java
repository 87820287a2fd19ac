package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.cli.ImportAndInspectCommandTest.assertOneLineError;

import org.junit.jupiter.api.Test;

/** The bench contract: its first line is "median X ms" (times themselves are not tested). */
class BenchCommandTest {
    @Test
    void firstLineIsTheMedian() {
        Cli.Result r = Cli.run("bench", "--batch", "4", "--time", "8", "--neurons", "5", "--population", "2",
                "--steps", "2", "--set", "model.gen_dim=8", "--set", "model.fac_dim=3");
        assertEquals(0, r.code(), r.err());
        String first = r.out().lines().findFirst().orElse("");
        assertTrue(first.matches("median \\d+\\.\\d ms"), first);
        assertTrue(r.out().contains("population=2"), r.out());
        assertOneLineError(Cli.run("bench", "--batch", "0"), "at least 1");
    }

    @Test
    void anIlqrVaeStepIsTimedLikewise() {
        Cli.Result r = Cli.run("bench", "--batch", "3", "--time", "8", "--neurons", "4", "--steps", "2",
                "--set", "model=ilqr-vae", "--set", "model.latent_dim=4", "--set", "model.input_dim=2");
        assertEquals(0, r.code(), r.err());
        String first = r.out().lines().findFirst().orElse("");
        assertTrue(first.matches("median \\d+\\.\\d ms"), first);
        assertTrue(r.out().contains("iterations/s"), r.out());
        assertOneLineError(Cli.run("bench", "--set", "model=ilqr-vae", "--population", "2"), "LFADS only");
    }
}

package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo trains, writes the run and its plots, and prints the scores (on a small file with a small budget). */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsPlotsAndScores() throws Exception {
        Path data = dir.resolve("small.h5");
        assertEquals(0, Cli.run("synth", "lorenz", "--out", data.toString(), "--trials", "40", "--time", "30",
                "--set", "conditions=4").code());
        Cli.Result r = Cli.run("demo", "--data", data.toString(), "--out", dir.resolve("demo").toString(),
                "--minutes", "0.02");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("rate_r2"), r.out());
        assertTrue(r.out().contains("latent_r2_forward"), r.out());
        assertTrue(Files.exists(dir.resolve("demo/run/summary.json")));
        for (String name : new String[] {"spikes.png", "rates.png", "factors.png", "pca.png"}) {
            BufferedImage img = ImageIO.read(dir.resolve("demo").resolve(name).toFile());
            assertEquals(900, img.getWidth(), name);
            assertEquals(500, img.getHeight(), name);
            assertTrue(distinctColours(img) > 3, name + " has content");
        }
    }

    static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}

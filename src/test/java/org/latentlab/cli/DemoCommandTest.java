package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    static final Path ROOT = Path.of(System.getProperty("latentlab.project.dir", "."));

    @TempDir
    Path dir;

    @Test
    void summarisesTheSampleAndDrawsItsPlots() throws Exception {
        Cli.Result r = Cli.run("demo", "--data", ROOT.resolve("sample-data/lorenz.h5").toString(),
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("trials      400 (train 320, valid 80)"), r.out());
        for (String name : new String[] {"spikes.png", "true-rates.png", "true-latents.png", "latent-trajectories.png"}) {
            BufferedImage img = ImageIO.read(dir.resolve(name).toFile());
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

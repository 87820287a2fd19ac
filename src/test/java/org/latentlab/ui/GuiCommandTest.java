package org.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.cli.GuiCommand;

/**
 * {@code latentlab} and {@code latentlab gui} as a user runs them, in a fresh JVM: without a display they
 * print one line and exit 2; {@code --screenshot} renders the window headless to a PNG.
 */
class GuiCommandTest {
    static final Path SAMPLE = Path.of(System.getProperty("latentlab.project.dir", "."), "sample-data", "lorenz.h5");

    @TempDir
    Path dir;

    record Result(int code, String err) {
    }

    private Result latentlab(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Dlatentlab.settings=" + dir.resolve("settings.json"),
                "-cp", System.getProperty("java.class.path"), "org.latentlab.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("latentlab " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void withoutADisplayTheWorkbenchPrintsOneLineAndExits2() throws Exception {
        for (String[] args : new String[][] {{}, {"gui"}, {"gui", SAMPLE.toString()}}) {
            Result r = latentlab(args);
            assertEquals(2, r.code(), r.err());
            assertEquals(GuiCommand.NO_DISPLAY + System.lineSeparator(), r.err());
        }
    }

    @Test
    void screenshotRendersTheWindowWithTheFileToAPng() throws Exception {
        Path png = dir.resolve("shots/data.png");
        Result r = latentlab("gui", "--screenshot", png.toString(), "--size", "1000x640", SAMPLE.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(640, image.getHeight());
    }

    @Test
    void aMissingFileIsOneLineAndExitCode2() throws Exception {
        Path missing = dir.resolve("missing.h5");
        Result r = latentlab("gui", "--screenshot", dir.resolve("x.png").toString(), missing.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("latentlab: " + missing + ": no such file" + System.lineSeparator(), r.err());
    }
}

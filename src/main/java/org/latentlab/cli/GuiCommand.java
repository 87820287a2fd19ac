package org.latentlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentlab.core.data.DataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code latentlab gui [FILE] [--screenshot OUT.png]}: opens the workbench on FILE, the bundled sample when
 * none is given. The workbench itself is handed in as a {@link Launcher} by app wiring, so this package
 * never depends on JavaFX; without a display the command prints a one-line hint and exits 2.
 */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the workbench on FILE (the bundled sample recording when no FILE is given).")
public final class GuiCommand implements Callable<Integer> {
    /** The one line printed when there is no display. */
    public static final String NO_DISPLAY =
            "latentlab: no display; use 'latentlab demo' or the headless commands (train, infer, eval, ...)";

    /** Opens the workbench and returns the exit code when its window closes. */
    @FunctionalInterface
    public interface Launcher {
        /**
         * @param file       the file to open, or null for an empty workbench
         * @param screenshot write a PNG of the window with {@code file} loaded there and exit, or null
         * @param run        a run directory to show (Run screen, and Inspect when finished), or null
         * @param screen     the screen shown: data, run or inspect
         */
        int open(Path file, Path screenshot, int width, int height, Path run, String screen);
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "An LFADS-style HDF5 file or an NWB file (NWB opens the import form).")
    Path file;

    @Option(names = "--screenshot", paramLabel = "PNG",
            description = "Render the main window with FILE loaded to a PNG, headless (Monocle), and exit.")
    Path screenshot;

    @Option(names = "--run", paramLabel = "DIR",
            description = "A run directory (train or pbt) to show in the Run screen, and in Inspect when finished.")
    Path run;

    @Option(names = "--screen", paramLabel = "NAME", defaultValue = "data",
            description = "The screen shown first: data, model, population, run, inspect or evaluate (default: ${DEFAULT-VALUE}).")
    String screen;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x800",
            description = "Window size in pixels (default: ${DEFAULT-VALUE}).")
    String size;

    @Spec
    CommandSpec spec;

    private final Launcher launcher;
    private final Map<String, String> env;

    public GuiCommand(Launcher launcher) {
        this(launcher, System.getenv());
    }

    GuiCommand(Launcher launcher, Map<String, String> env) {
        this.launcher = launcher;
        this.env = env;
    }

    @Override
    public Integer call() {
        if (screenshot == null && !hasDisplay(env)) {
            spec.commandLine().getErr().println(NO_DISPLAY);
            return LatentLabCommand.BAD_INPUT;
        }
        int[] wh = parseSize(size);
        String screenName = screen.trim().toLowerCase(java.util.Locale.ROOT);
        if (!java.util.List.of("data", "model", "population", "run", "inspect", "evaluate").contains(screenName)) {
            throw new DataException("--screen must be data, model, population, run, inspect or evaluate, got '"
                    + screen + "'");
        }
        if (run != null && !Files.isDirectory(run)) {
            throw DataException.inFile(run, "no such run directory");
        }
        if (screenName.equals("inspect") && screenshot != null
                && (run == null || !Files.exists(run.resolve("summary.json")))) {
            throw new DataException("--screen inspect needs --run DIR of a finished run (with summary.json)");
        }
        Path f = file;
        if (f != null && !Files.isRegularFile(f)) {
            throw DataException.inFile(f, "no such file");
        }
        if (f == null) {
            try {
                f = SampleData.path("lorenz.h5");
            } catch (DataException e) {
                if (screenshot != null) {
                    throw e;
                }
                // Without the sample the workbench still opens, empty, ready for a file.
            }
        }
        return launcher.open(f, screenshot, wh[0], wh[1], run, screenName);
    }

    /** A display to draw on: X11 or Wayland, or JavaFX's headless Monocle platform when it was chosen. */
    static boolean hasDisplay(Map<String, String> env) {
        return !blank(env.get("DISPLAY")) || !blank(env.get("WAYLAND_DISPLAY"))
                || "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static int[] parseSize(String text) {
        String[] p = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int w = Integer.parseInt(p[0].trim());
                int h = Integer.parseInt(p[1].trim());
                if (w >= 400 && h >= 300 && w <= 8192 && h <= 8192) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new DataException("--size must be WIDTHxHEIGHT between 400x300 and 8192x8192, got '" + text + "'");
    }
}

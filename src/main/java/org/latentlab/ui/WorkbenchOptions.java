package org.latentlab.ui;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * How the workbench starts.
 *
 * @param file         the file to open at start, or null for an empty workbench
 * @param screenshot   where to write a PNG of the main window once {@code file} is shown, then exit; or null
 * @param width        the window's width when no saved bounds apply (always for screenshots)
 * @param height       the window's height likewise
 * @param settingsFile where settings persist, or null for none (screenshots leave the user's settings alone)
 * @param deviceText   describes the compute device; app wiring supplies it so the UI never touches DJL
 * @param run          a run directory to show in the Run screen (and in Inspect once finished), or null
 * @param screen       the screen shown first: {@code data}, {@code run} or {@code inspect}
 */
public record WorkbenchOptions(Path file, Path screenshot, int width, int height, Path settingsFile,
                               Supplier<String> deviceText, Path run, String screen) {
    public WorkbenchOptions {
        if (width < 400 || height < 300) {
            throw new IllegalArgumentException("window size " + width + "x" + height + " is below 400x300");
        }
        deviceText = deviceText == null ? () -> "not reported" : deviceText;
        screen = screen == null ? "data" : screen;
    }

    /** Opens {@code file} on the Data screen, with no run. */
    public WorkbenchOptions(Path file, Path screenshot, int width, int height, Path settingsFile,
                            Supplier<String> deviceText) {
        this(file, screenshot, width, height, settingsFile, deviceText, null, "data");
    }
}

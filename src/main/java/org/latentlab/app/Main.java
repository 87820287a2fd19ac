package org.latentlab.app;

import java.io.PrintWriter;
import org.latentlab.cli.GuiCommand;
import org.latentlab.cli.LatentLabCommand;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.ui.Settings;
import org.latentlab.ui.Workbench;
import org.latentlab.ui.WorkbenchOptions;

/**
 * Entry point of the {@code latentlab} command: parses the command line and exits with its code. With no
 * arguments it opens the workbench on the bundled sample. This is where the UI meets the engine: the
 * workbench gets the device description as a supplier, so {@code ui} never touches DJL.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String[] a = args.length == 0 ? new String[] {"gui"} : args;
        int code = LatentLabCommand.execute(a, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                new GuiCommand(Main::workbench));
        System.exit(code);
    }

    private static int workbench(java.nio.file.Path file, java.nio.file.Path screenshot, int width, int height,
                                 java.nio.file.Path run, String screen) {
        return Workbench.launch(new WorkbenchOptions(file, screenshot, width, height,
                screenshot == null ? Settings.defaultFile() : null, TorchEngine::describe, run, screen));
    }
}

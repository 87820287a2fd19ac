package org.latentlab.ui;

import javafx.application.Application;
import javafx.application.Platform;
import org.latentlab.core.data.DataException;

/**
 * Starts the workbench from the class path. It is not an {@link Application} itself: the JDK's launcher
 * refuses a main class that extends Application unless JavaFX is on the module path, so the JavaFX
 * application ({@link WorkbenchApp}) is started from here.
 */
public final class Workbench {
    /**
     * JavaFX warns on every start that it was loaded from the class path, which is how LatentLab ships it
     * (installer/README.md); the warning tells a user nothing they can act on. Its logger is quietened for
     * the start only ({@link #started}), and held here so the level sticks.
     */
    private static final java.util.logging.Logger FX_LOG = java.util.logging.Logger.getLogger("javafx");
    private static volatile WorkbenchOptions options;
    private static volatile int exitCode;
    private static volatile String failure;

    private Workbench() {
    }

    /**
     * Shows the workbench and returns when its window closes: 0, or 2 with a one-line {@link DataException}
     * when a screenshot could not be taken or no toolkit could start. Call once per JVM (a JavaFX rule).
     */
    public static int launch(WorkbenchOptions o) {
        if (o.screenshot() != null) {
            HeadlessPlatform.useForScreenshot(o.width(), o.height());
        }
        options = o;
        FX_LOG.setLevel(java.util.logging.Level.SEVERE);
        try {
            Application.launch(WorkbenchApp.class);
        } catch (RuntimeException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new DataException("the workbench cannot start: " + m);
        }
        if (failure != null) {
            throw new DataException(failure);
        }
        return exitCode;
    }

    /** The toolkit is up: JavaFX's own warnings (CSS, layout) are worth seeing again. */
    static void started() {
        FX_LOG.setLevel(null);
    }

    static WorkbenchOptions options() {
        return options;
    }

    /** Ends the application with an exit code and, when it failed, the one-line reason. */
    static void finish(int code, String reason) {
        exitCode = code;
        failure = reason;
        Platform.exit();
    }
}

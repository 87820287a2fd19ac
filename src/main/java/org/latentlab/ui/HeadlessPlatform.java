package org.latentlab.ui;

import org.latentlab.core.data.DataException;

/**
 * Screenshots render off screen with Monocle's headless platform and Prism's software pipeline, so they work
 * on a build server with no display and no GPU. Must run before the JavaFX toolkit starts.
 */
final class HeadlessPlatform {
    static final String MONOCLE = "com.sun.glass.ui.monocle.MonoclePlatformFactory";

    private HeadlessPlatform() {
    }

    static void useForScreenshot(int width, int height) {
        if (System.getProperty("glass.platform") != null) {
            return;
        }
        if (!available()) {
            if (hasDisplay()) {
                return;
            }
            throw new DataException("--screenshot needs Monocle (org.testfx:openjfx-monocle) on the class path, "
                    + "or a display");
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        // The headless screen must hold the whole window, or the snapshot is clipped to the default 1280x800.
        System.setProperty("headless.geometry", Math.max(1280, width + 64) + "x" + Math.max(800, height + 64) + "-32");
    }

    static boolean available() {
        try {
            Class.forName(MONOCLE, false, HeadlessPlatform.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static boolean hasDisplay() {
        return !blank(System.getenv("DISPLAY")) || !blank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package org.latentlab.core.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * The PyTorch engine, loaded offline from the native jar on the class path, and the device training
 * runs on: the first GPU when libtorch sees one, the CPU otherwise.
 */
public final class TorchEngine {
    public static final String NAME = "PyTorch";

    private TorchEngine() {
    }

    /** The engine; loading it extracts libtorch into ~/.djl.ai on first use (no network). */
    public static Engine get() {
        // DJL looks for this before it would reach the network; the launcher sets it too.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        return Engine.getEngine(NAME);
    }

    /**
     * Readies the calling thread for training or inference: autograd records only inside a gradient
     * collector. libtorch's grad mode is per thread and on by default, and DJL turns it off only in the thread
     * that loaded the engine, so on any other thread (the workbench's training service) parameter updates,
     * which are in-place, would be refused and inference would build graphs nobody uses.
     */
    public static void prepareThread() {
        get();
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    }

    /** GPU 0 when present, else the CPU. */
    public static Device device() {
        Engine e = get();
        return e.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /**
     * The native libraries the launcher preloaded to speed libtorch up (tcmalloc, MKL's CPU dispatch), by
     * file name, or an empty string. They change speed, and results only within float rounding, so a run
     * records them.
     */
    public static String preloaded() {
        String env = System.getenv("LD_PRELOAD");
        if (env == null || env.isBlank()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String lib : env.split("[: ]+")) {
            if (!lib.isBlank()) {
                b.append(b.length() == 0 ? "" : ", ").append(java.nio.file.Path.of(lib).getFileName());
            }
        }
        return b.toString();
    }

    /** A one-line description for logs and provenance, e.g. {@code PyTorch 2.5.1 on cpu()}. */
    public static String describe() {
        Engine e = get();
        return NAME + " " + e.getVersion() + " on " + device() + (e.getGpuCount() > 0 ? " (" + e.getGpuCount()
                + " GPU)" : "");
    }
}

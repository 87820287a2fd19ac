package org.latentlab.cli;

/** Version strings recorded in outputs for provenance. */
public final class Versions {
    private Versions() {
    }

    /** From the jar manifest; {@code dev} when running from classes (tests, IDE). */
    public static String latentLab() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}

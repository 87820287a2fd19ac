package org.latentlab.core.train;

/** lfads-torch's KL and L2 ramps: {@code clamp((epoch + 1 - start) / (increase + 1), 0, 1)}. */
public final class Ramps {
    private Ramps() {
    }

    public static double weight(int epoch, int start, int increase) {
        double w = (epoch + 1.0 - start) / (increase + 1.0);
        return Math.max(0, Math.min(1, w));
    }

    /** The first epoch at which both ramps are complete: early stopping and best checkpoints wait for it. */
    public static int burnIn(int klStart, int klIncrease, int l2Start, int l2Increase) {
        return Math.max(klStart + klIncrease, l2Start + l2Increase);
    }
}

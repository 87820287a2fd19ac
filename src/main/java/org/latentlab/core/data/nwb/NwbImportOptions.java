package org.latentlab.core.data.nwb;

import org.latentlab.core.data.DataException;

/**
 * How an NWB recording becomes binned trials. Validated on construction; a bad value is a
 * {@link DataException} whose one-line message names the field and the value.
 *
 * @param alignColumn    trials-table column each trial is aligned to (e.g. {@code move_onset_time})
 * @param windowStartMs  window start relative to the alignment time, ms (e.g. -250)
 * @param windowEndMs    window end relative to the alignment time, ms, exclusive (e.g. 450)
 * @param binMs          bin width, ms; the window must hold a whole number of bins
 * @param heldOut        which units are held out (default: the file's {@code heldout} column)
 * @param validFraction  share of trials in the valid split for a random split (default 0.2)
 * @param testFraction   share of trials in the test split for a random split (default 0: no test split)
 * @param useSplitColumn take splits from the trials table's {@code split} column instead of a random split
 * @param seed           seeds the random split and the random held-out units
 */
public record NwbImportOptions(String alignColumn, double windowStartMs, double windowEndMs, double binMs,
                               HeldOut heldOut, double validFraction, double testFraction,
                               boolean useSplitColumn, long seed) {

    public static final double DEFAULT_VALID_FRACTION = 0.2;
    public static final double DEFAULT_TEST_FRACTION = 0.0;
    public static final long DEFAULT_SEED = 0L;

    public NwbImportOptions {
        if (alignColumn == null || alignColumn.isBlank()) {
            throw new DataException("alignColumn must name a trials-table column, got '" + alignColumn + "'");
        }
        if (!Double.isFinite(windowStartMs) || !Double.isFinite(windowEndMs) || !(windowStartMs < windowEndMs)) {
            throw new DataException("window must be START:END ms with START < END, got "
                    + fmt(windowStartMs) + ":" + fmt(windowEndMs));
        }
        if (!(binMs > 0) || !Double.isFinite(binMs)) {
            throw new DataException("binMs must be a positive number of milliseconds, got " + fmt(binMs));
        }
        double ratio = (windowEndMs - windowStartMs) / binMs;
        // A partial last bin would count spikes over a shorter time than the others.
        if (Math.abs(ratio - Math.rint(ratio)) > 1e-6 * Math.max(1, ratio)) {
            throw new DataException("window " + fmt(windowStartMs) + ":" + fmt(windowEndMs) + " ms is not a whole number of "
                    + fmt(binMs) + " ms bins (" + ratio + ")");
        }
        if (heldOut == null) {
            throw new DataException("heldOut must be given (HeldOut.FROM_FILE for the file's heldout column)");
        }
        if (!(validFraction >= 0 && validFraction < 1)) {
            throw new DataException("validFraction must be in [0, 1), got " + validFraction);
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new DataException("testFraction must be in [0, 1), got " + testFraction);
        }
        if (!(validFraction + testFraction < 1)) {
            throw new DataException("validFraction + testFraction must be below 1 so trials are left to train, got "
                    + validFraction + " + " + testFraction);
        }
    }

    /** Defaults for everything but the alignment, window and bin: file held-out column, 0.2 valid, no test, seed 0. */
    public static NwbImportOptions of(String alignColumn, double windowStartMs, double windowEndMs, double binMs) {
        return new NwbImportOptions(alignColumn, windowStartMs, windowEndMs, binMs, HeldOut.FROM_FILE,
                DEFAULT_VALID_FRACTION, DEFAULT_TEST_FRACTION, false, DEFAULT_SEED);
    }

    /** Parses the command line's {@code --window START:END} (ms), e.g. {@code -250:450}. */
    public static double[] parseWindow(String text) {
        String t = text == null ? "" : text.trim();
        int colon = t.indexOf(':', 1);
        try {
            if (colon > 0) {
                return new double[] {Double.parseDouble(t.substring(0, colon)), Double.parseDouble(t.substring(colon + 1))};
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new DataException("window must be START:END in ms (e.g. -250:450), got '" + t + "'");
    }

    public NwbImportOptions withHeldOut(HeldOut h) {
        return new NwbImportOptions(alignColumn, windowStartMs, windowEndMs, binMs, h, validFraction, testFraction,
                useSplitColumn, seed);
    }

    public NwbImportOptions withFractions(double valid, double test) {
        return new NwbImportOptions(alignColumn, windowStartMs, windowEndMs, binMs, heldOut, valid, test,
                useSplitColumn, seed);
    }

    public NwbImportOptions withSplitColumn(boolean use) {
        return new NwbImportOptions(alignColumn, windowStartMs, windowEndMs, binMs, heldOut, validFraction,
                testFraction, use, seed);
    }

    public NwbImportOptions withSeed(long s) {
        return new NwbImportOptions(alignColumn, windowStartMs, windowEndMs, binMs, heldOut, validFraction,
                testFraction, useSplitColumn, s);
    }

    /** Bins per trial. */
    public int bins() {
        return (int) Math.rint((windowEndMs - windowStartMs) / binMs);
    }

    /** Bin width in seconds, the unit NWB times are in. */
    double binSeconds() {
        return binMs / 1000.0;
    }

    /** {@code -250:450}: the window as the command line writes it. */
    public String windowText() {
        return fmt(windowStartMs) + ":" + fmt(windowEndMs);
    }

    /** A number without a needless {@code .0}. */
    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}

package org.latentlab.core.data.nwb;

import java.util.Arrays;

/**
 * The units table of an NWB file: one row per sorted unit.
 *
 * @param ids        each unit's id (the table's {@code id} column, or the row number when it has none)
 * @param spikeTimes each unit's spike times in seconds, sorted ascending
 * @param heldOut    the {@code heldout} column, or null when the file has none
 */
public record NwbUnits(long[] ids, double[][] spikeTimes, boolean[] heldOut) {

    public NwbUnits {
        if (ids.length != spikeTimes.length || (heldOut != null && heldOut.length != ids.length)) {
            throw new IllegalArgumentException("units columns disagree in length");
        }
        ids = ids.clone();
        spikeTimes = spikeTimes.clone();
        heldOut = heldOut == null ? null : heldOut.clone();
    }

    public int count() {
        return ids.length;
    }

    @Override
    public long[] ids() {
        return ids.clone();
    }

    /** Unit {@code i}'s spike times, sorted (a copy). */
    public double[] spikeTimes(int i) {
        return spikeTimes[i].clone();
    }

    /** Shared with the binner, which only reads them: copying 230k spikes per import would be waste. */
    double[] spikeTimesView(int i) {
        return spikeTimes[i];
    }

    @Override
    public double[][] spikeTimes() {
        double[][] out = new double[spikeTimes.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = spikeTimes[i].clone();
        }
        return out;
    }

    @Override
    public boolean[] heldOut() {
        return heldOut == null ? null : heldOut.clone();
    }

    public long totalSpikes() {
        return Arrays.stream(spikeTimes).mapToLong(s -> s.length).sum();
    }
}

package org.latentlab.core.data.nwb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code latentlab inspect} reports about an NWB file before any binning: units, spikes, trials,
 * the columns a trial can be aligned on, the split column's counts, and behaviour series.
 */
public record NwbSummary(String file, String format, int units, int heldOutUnits, long spikes,
                         double firstSpikeS, double lastSpikeS, int trials, double meanTrialMs,
                         List<String> trialColumns, Map<String, Integer> splitColumn,
                         Map<String, String> behavior) {

    public static NwbSummary of(String file, NwbFile nwb) {
        NwbUnits u = nwb.units();
        int heldOut = 0;
        for (boolean h : u.heldOut()) {
            heldOut += h ? 1 : 0;
        }
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (double[] times : u.spikeTimes()) {
            for (double t : times) {
                first = Math.min(first, t);
                last = Math.max(last, t);
            }
        }
        NwbTrials tr = nwb.trials();
        double[] start = tr.column("start_time");
        double[] stop = tr.column("stop_time");
        double sum = 0;
        for (int i = 0; i < tr.count(); i++) {
            sum += stop[i] - start[i];
        }
        Map<String, Integer> splits = new TreeMap<>();
        if (tr.split() != null) {
            for (String s : tr.split()) {
                splits.merge(s, 1, Integer::sum);
            }
        }
        Map<String, String> behavior = new TreeMap<>();
        nwb.behavior().forEach((name, ts) -> behavior.put(name, ts.samples() + " samples x " + ts.dims() + " dims"));
        return new NwbSummary(file, "nwb", u.count(), heldOut, u.totalSpikes(),
                Double.isFinite(first) ? first : Double.NaN, Double.isFinite(last) ? last : Double.NaN, tr.count(),
                tr.count() == 0 ? Double.NaN : 1000 * sum / tr.count(), tr.columnNames(), splits, behavior);
    }

    /** Human-readable lines for the terminal. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(file + "  (NWB)");
        out.add(String.format("  units       %d (%d marked held-out)", units, heldOutUnits));
        out.add(String.format("  spikes      %d between %.3f s and %.3f s", spikes, firstSpikeS, lastSpikeS));
        out.add(String.format("  trials      %d, mean length %.1f ms", trials, meanTrialMs));
        out.add("  columns     " + String.join(", ", trialColumns) + "  (align on any of these)");
        out.add("  split       " + (splitColumn.isEmpty() ? "no split column" : splitColumn.toString()));
        out.add("  behaviour   " + (behavior.isEmpty() ? "none" : behavior.toString()));
        out.add("  import with latentlab import FILE --align COLUMN --window START:END --bin MS --out F.h5");
        return out;
    }
}

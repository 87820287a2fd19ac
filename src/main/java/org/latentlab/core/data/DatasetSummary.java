package org.latentlab.core.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code latentlab inspect} reports about an LFADS-style session: shape, splits, channel layout and
 * which extra arrays and ground truth are present. A plain record so it serialises to JSON as it is.
 */
public record DatasetSummary(String file, String format, String session, Map<String, Integer> trials, int bins,
                             double binSizeMs, int heldInChannels, int heldOutChannels, int forwardBins,
                             int extInputChannels, int behaviorChannels, boolean truthRates,
                             boolean truthLatents, boolean truthInputs, double conversionFactor,
                             boolean conditionIds, double totalCounts, double meanRateHz, long unobserved,
                             boolean integerCounts, Map<String, String> attributes) {

    public static DatasetSummary of(String file, Session s) {
        Map<String, Integer> trials = new LinkedHashMap<>();
        double total = 0;
        long nan = 0;
        long observed = 0;
        boolean counts = true;
        boolean cond = false;
        for (Map.Entry<Split, SplitData> e : s.splits().entrySet()) {
            SplitData d = e.getValue();
            trials.put(e.getKey().key(), d.trials());
            Tensor3 x = d.reconOrEncod();
            total += x.sum();
            long missing = x.countNaN();
            nan += missing;
            observed += (long) x.trials() * x.time() * x.channels() - missing;
            counts &= x.firstNonCount() == null;
            cond |= d.conditionIds() != null;
        }
        SplitData train = s.split(Split.TRAIN);
        double rate = Double.isNaN(s.binSizeMs()) || observed == 0 ? Double.NaN
                : total / observed / (s.binSizeMs() / 1000.0);
        return new DatasetSummary(file, "lfads-hdf5", s.name(), trials, s.bins(), s.binSizeMs(), s.heldInChannels(),
                s.heldOutChannels(), s.forwardBins(), s.extInputChannels(),
                train.behavior() == null ? 0 : train.behavior().channels(), train.truth() != null,
                train.latentsTruth() != null, train.inputsTruth() != null, s.conversionFactor(), cond, total, rate,
                nan, counts, s.attributes());
    }

    /** Human-readable lines for the terminal. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(file + "  (LFADS-style HDF5, session '" + session + "')");
        int all = trials.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder sp = new StringBuilder();
        trials.forEach((k, v) -> sp.append(sp.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        out.add(String.format("  trials      %d (%s)", all, sp));
        out.add(String.format("  bins        %d%s", bins,
                Double.isNaN(binSizeMs) ? " (bin size not recorded)" : " x " + fmt(binSizeMs) + " ms = "
                        + fmt(bins * binSizeMs) + " ms"));
        out.add(String.format("  channels    %d held-in, %d held-out", heldInChannels, heldOutChannels));
        if (forwardBins > 0) {
            out.add(String.format("  forward     %d bins of forward prediction", forwardBins));
        }
        out.add(String.format("  data        %s, %.0f in total%s%s", integerCounts ? "spike counts" : "continuous values",
                totalCounts, Double.isNaN(meanRateHz) ? "" : String.format(", mean rate %.2f Hz", meanRateHz),
                unobserved > 0 ? ", " + unobserved + " unobserved (NaN) samples" : ""));
        List<String> extra = new ArrayList<>();
        if (extInputChannels > 0) {
            extra.add("external inputs (" + extInputChannels + ")");
        }
        if (behaviorChannels > 0) {
            extra.add("behaviour (" + behaviorChannels + ")");
        }
        if (conditionIds) {
            extra.add("condition ids");
        }
        out.add("  extra       " + (extra.isEmpty() ? "none" : String.join(", ", extra)));
        List<String> truth = new ArrayList<>();
        if (truthRates) {
            truth.add("rates (conversion_factor " + fmt(conversionFactor) + ")");
        }
        if (truthLatents) {
            truth.add("latents");
        }
        if (truthInputs) {
            truth.add("inputs");
        }
        out.add("  truth       " + (truth.isEmpty() ? "none" : String.join(", ", truth)));
        if (!attributes.isEmpty()) {
            out.add("  provenance");
            attributes.forEach((k, v) -> {
                if (!v.isBlank()) {
                    out.add(String.format("    %-24s %s", k, v));
                }
            });
        }
        return out;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

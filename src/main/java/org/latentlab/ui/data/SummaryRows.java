package org.latentlab.ui.data;

import java.util.ArrayList;
import java.util.List;
import org.latentlab.core.data.DatasetSummary;

/** The Data screen's summary panel: a {@link DatasetSummary} as label/value rows, in the words a user reads. */
public final class SummaryRows {
    private SummaryRows() {
    }

    /** One line of the summary panel; {@code id} names it for the view (and for UI tests). */
    public record Row(String id, String label, String value) {
    }

    public static List<Row> of(DatasetSummary s) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("session", "Session", s.session()));
        int all = s.trials().values().stream().mapToInt(Integer::intValue).sum();
        List<String> parts = new ArrayList<>();
        s.trials().forEach((split, n) -> parts.add(split + " " + n));
        rows.add(new Row("trials", "Trials", all + "  (" + String.join(", ", parts) + ")"));
        rows.add(new Row("bins", "Bins", Double.isNaN(s.binSizeMs()) ? s.bins() + " (bin size not recorded)"
                : s.bins() + " × " + num(s.binSizeMs()) + " ms = " + num(s.bins() * s.binSizeMs()) + " ms"));
        rows.add(new Row("channels", "Channels", s.heldInChannels() + " held-in, " + s.heldOutChannels() + " held-out"));
        rows.add(new Row("forward", "Forward bins", s.forwardBins() == 0 ? "none" : String.valueOf(s.forwardBins())));
        rows.add(new Row("data", "Data", (s.integerCounts() ? "spike counts" : "continuous values")
                + (Double.isNaN(s.meanRateHz()) ? "" : String.format(", mean %.2f Hz", s.meanRateHz()))
                + (s.unobserved() > 0 ? ", " + s.unobserved() + " unobserved (NaN)" : "")));
        List<String> extra = new ArrayList<>();
        if (s.extInputChannels() > 0) {
            extra.add("external inputs (" + s.extInputChannels() + ")");
        }
        if (s.behaviorChannels() > 0) {
            extra.add("behaviour (" + s.behaviorChannels() + ")");
        }
        if (s.conditionIds()) {
            extra.add("condition ids");
        }
        rows.add(new Row("extra", "Extra arrays", extra.isEmpty() ? "none" : String.join(", ", extra)));
        List<String> truth = new ArrayList<>();
        if (s.truthRates()) {
            truth.add("rates");
        }
        if (s.truthLatents()) {
            truth.add("latents");
        }
        if (s.truthInputs()) {
            truth.add("inputs");
        }
        rows.add(new Row("truth", "Ground truth", truth.isEmpty() ? "none" : String.join(", ", truth)));
        return rows;
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

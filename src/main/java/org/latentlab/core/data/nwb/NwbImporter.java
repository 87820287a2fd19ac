package org.latentlab.core.data.nwb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.latentlab.core.Progress;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.H5Arrays;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;

/**
 * Turns an NWB recording into a binned {@link Session}: aligns each trial to a column, bins spikes over a
 * window, holds units out, splits the trials, and bins behaviour the same way. Conventions are in the
 * package doc.
 */
public final class NwbImporter {
    /** How far (seconds) a window may overrun its trial: float rounding of the trial times, nothing more. */
    static final double OVERRUN_TOLERANCE_S = 1e-6;

    /** Behaviour series tried in this order; a file with none of them and exactly one series uses that one. */
    static final List<String> PREFERRED_BEHAVIOR = List.of("hand_vel", "finger_vel", "cursor_vel");

    private NwbImporter() {
    }

    public static Session importSession(Path nwb, NwbImportOptions o) {
        return importSession(nwb, o, Progress.NONE);
    }

    /** Reads and bins an NWB file; every problem is a one-line {@link DataException} naming the file. */
    public static Session importSession(Path nwb, NwbImportOptions o, Progress progress) {
        progress.update(0, 3, "reading " + nwb.getFileName());
        NwbFile f = NwbReader.read(nwb);
        progress.update(1, 3, "binning spikes");
        Windows w = windows(nwb, f.trials(), o);
        Map<Split, int[]> splitRows = o.useSplitColumn()
                ? TrialSplitter.fromColumn(nwb, w.rows(), f.trials().split())
                : TrialSplitter.random(nwb, w.rows(), o.validFraction(), o.testFraction(), o.seed());
        ChannelLayout layout = ChannelLayout.of(nwb, f.units(), o.heldOut(), o.seed());
        double[][] channelSpikes = new double[layout.channels()][];
        for (int c = 0; c < channelSpikes.length; c++) {
            channelSpikes[c] = f.units().spikeTimesView(layout.unitRows()[c]);
        }
        String behaviorName = chooseBehavior(f.behavior());
        NwbTimeSeries behavior = behaviorName == null ? null : f.behavior().get(behaviorName);
        int[] heldIn = new int[layout.heldIn()];
        for (int c = 0; c < heldIn.length; c++) {
            heldIn[c] = c;
        }

        Map<Split, SplitData> splits = new EnumMap<>(Split.class);
        for (Map.Entry<Split, int[]> e : splitRows.entrySet()) {
            int[] rows = e.getValue();
            double[] lo = pick(w.lo(), rows);
            double[] hi = pick(w.hi(), rows);
            Tensor3 recon = Binning.countSpikes(channelSpikes, lo, hi, o.bins(), o.binSeconds());
            Tensor3 encod = heldIn.length == recon.channels() ? recon : recon.selectChannels(heldIn);
            SplitData s = SplitData.of(encod, recon).withTrialIds(rows);
            if (behavior != null) {
                s = s.withBehavior(Binning.meanBehavior(behavior, lo, hi, o.bins(), o.binSeconds()));
            }
            splits.put(e.getKey(), s);
        }
        progress.update(2, 3, "checksumming " + nwb.getFileName());

        List<String> names = new ArrayList<>();
        long[] ids = f.units().ids();
        for (int row : layout.unitRows()) {
            names.add(Long.toString(ids[row]));
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("source_file", String.valueOf(nwb.getFileName()));
        attrs.put("source_sha256", sha256(nwb));
        attrs.put("align_column", o.alignColumn());
        attrs.put("window_ms", o.windowText());
        attrs.put("bin_size_ms", NwbImportOptions.fmt(o.binMs()));
        attrs.put("heldout_rule", o.heldOut().describe());
        attrs.put("heldout_units", layout.heldOutIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        attrs.put("split_source", o.useSplitColumn() ? "split column" : "random");
        attrs.put("seed", Long.toString(o.seed()));
        attrs.put("valid_fraction", Double.toString(o.validFraction()));
        attrs.put("test_fraction", Double.toString(o.testFraction()));
        attrs.put("trials_in_file", Integer.toString(f.trials().count()));
        attrs.put("trials_skipped_nan_align", Integer.toString(w.skippedNaN()));
        attrs.put("behavior", behaviorName == null ? "" : behaviorName);
        String name = stem(nwb);
        Session session = new Session(name, o.binMs(), 1.0, splits, names, attrs);
        progress.update(3, 3, "imported " + name);
        return session;
    }

    /**
     * Trial windows {@code [lo, hi)} per trials-table row (NaN for skipped rows) and the rows kept, in order.
     */
    record Windows(int[] rows, double[] lo, double[] hi, int skippedNaN) {
    }

    static Windows windows(Path file, NwbTrials trials, NwbImportOptions o) {
        double[] align = trials.column(o.alignColumn());
        if (align == null) {
            throw DataException.inFile(file, "the trials table has no column '" + o.alignColumn()
                    + "' to align on; available: " + String.join(", ", trials.columnNames()));
        }
        double[] start = trials.column("start_time");
        double[] stop = trials.column("stop_time");
        int n = align.length;
        double[] lo = new double[n];
        double[] hi = new double[n];
        int[] rows = new int[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(align[i])) {
                // NLB files leave the alignment NaN for trials without the event (e.g. no movement); skip them.
                lo[i] = Double.NaN;
                hi[i] = Double.NaN;
                continue;
            }
            if (Double.isInfinite(align[i]) || !Double.isFinite(start[i]) || !Double.isFinite(stop[i])) {
                throw DataException.inFile(file, "trial " + i + " has a non-finite start_time, stop_time or "
                        + o.alignColumn() + " (" + start[i] + ", " + stop[i] + ", " + align[i] + ")");
            }
            // The package's window convention: edges in double seconds, exactly as a plain count would compute them.
            lo[i] = align[i] + o.windowStartMs() / 1000.0;
            hi[i] = align[i] + o.windowEndMs() / 1000.0;
            overrun(file, i, start[i] - lo[i], "starts", "before start_time", o);
            overrun(file, i, hi[i] - stop[i], "ends", "after stop_time", o);
            rows[kept++] = i;
        }
        if (kept == 0) {
            throw DataException.inFile(file, "every one of the " + n + " trials has a NaN " + o.alignColumn());
        }
        return new Windows(java.util.Arrays.copyOf(rows, kept), lo, hi, n - kept);
    }

    private static void overrun(Path file, int trial, double seconds, String verb, String where, NwbImportOptions o) {
        if (seconds > OVERRUN_TOLERANCE_S) {
            throw DataException.inFile(file, "trial " + trial + ": the window " + o.windowText() + " ms around "
                    + o.alignColumn() + " " + verb + " " + ms(seconds) + " ms " + where
                    + " (more than the 0.001 ms allowed for rounding)");
        }
    }

    /** The behaviour series to bin, or null (see {@link #PREFERRED_BEHAVIOR}). */
    static String chooseBehavior(Map<String, NwbTimeSeries> series) {
        for (String want : PREFERRED_BEHAVIOR) {
            for (String name : series.keySet()) {
                if (name.equals(want) || name.endsWith("/" + want)) {
                    return name;
                }
            }
        }
        return series.size() == 1 ? series.keySet().iterator().next() : null;
    }

    private static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = values[rows[k]];
        }
        return out;
    }

    private static String ms(double seconds) {
        return java.math.BigDecimal.valueOf(seconds * 1000).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString();
    }

    private static String stem(Path file) {
        String s = String.valueOf(file.getFileName());
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw DataException.inFile(file, "cannot be read: " + H5Arrays.oneLine(e));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

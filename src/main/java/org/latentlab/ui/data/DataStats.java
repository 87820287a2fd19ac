package org.latentlab.ui.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;

/**
 * The numbers behind the Data screen's plots, as pure functions of a {@link Session}: a trial's counts for
 * the raster, PSTHs per condition and mean rates per channel. NaN (unobserved) samples are left out of every
 * mean rather than counted as zero.
 */
public final class DataStats {
    private DataStats() {
    }

    /**
     * Where bin {@code t}'s centre sits: {@code startMs + (t + 0.5) * binMs} when the bin size is known (NWB
     * imports start at the window start, e.g. -250 ms from movement onset), the bin index otherwise.
     */
    public record TimeAxis(double startMs, double binMs, String label) {
        public boolean inMs() {
            return !Double.isNaN(binMs);
        }

        public double at(int bin) {
            return inMs() ? startMs + (bin + 0.5) * binMs : bin;
        }

        /** Where bin {@code bin} begins (for markers between bins). */
        public double edge(int bin) {
            return inMs() ? startMs + bin * binMs : bin - 0.5;
        }
    }

    /** One condition's mean over its trials, per bin: spikes/s when the bin size is known, else count per bin. */
    public record PsthLine(int condition, int trials, double[] values) {
        public String label() {
            return condition < 0 ? "all trials (" + trials + ")" : "condition " + condition + " (" + trials + ")";
        }
    }

    /**
     * PSTHs of one channel in one split; {@code x} holds bin centres on {@code axis}; {@code smoothingMs} is the
     * Gaussian kernel's standard deviation (0: raw means).
     */
    public record Psth(Split split, int channel, TimeAxis axis, double[] x, List<PsthLine> lines, String unit,
                       double smoothingMs) {
    }

    public static TimeAxis timeAxis(Session s) {
        double bin = s.binSizeMs();
        if (Double.isNaN(bin)) {
            return new TimeAxis(0, Double.NaN, "bin");
        }
        Map<String, String> a = s.attributes();
        String window = a.get("window_ms");
        String align = a.get("align_column");
        if (window != null && align != null) {
            int colon = window.indexOf(':', 1);
            try {
                return new TimeAxis(Double.parseDouble(window.substring(0, colon)), bin,
                        "time from " + align + " (ms)");
            } catch (RuntimeException e) {
                // An attribute written by another tool: fall back to time from the trial's first bin.
            }
        }
        return new TimeAxis(0, bin, "time (ms)");
    }

    /** The unit of rates: spikes per second when the bin size is known. */
    public static String rateUnit(Session s) {
        return Double.isNaN(s.binSizeMs()) ? "count per bin" : "spikes/s";
    }

    /** Trial {@code trial}'s reconstruction data as {@code [time][channels]} (held-in then held-out channels). */
    public static float[][] trialCounts(SplitData d, int trial) {
        Tensor3 x = d.reconOrEncod();
        float[][] out = new float[x.time()][x.channels()];
        for (int t = 0; t < x.time(); t++) {
            for (int c = 0; c < x.channels(); c++) {
                out[t][c] = x.get(trial, t, c);
            }
        }
        return out;
    }

    /**
     * The mean count per bin over the trials of each condition (one line for all trials when the split has no
     * condition ids), converted to spikes/s when the bin size is known. Conditions come in ascending order.
     */
    public static Psth psth(Session s, Split split, int channel) {
        SplitData d = s.split(split);
        Tensor3 x = d.reconOrEncod();
        if (channel < 0 || channel >= x.channels()) {
            throw new IllegalArgumentException("channel " + channel + " is not in 0.." + (x.channels() - 1));
        }
        int[] cond = d.conditionIds();
        int bins = x.time();
        Map<Integer, double[]> sums = new TreeMap<>();
        Map<Integer, long[]> counts = new TreeMap<>();
        Map<Integer, Integer> trials = new TreeMap<>();
        for (int i = 0; i < x.trials(); i++) {
            int k = cond == null ? -1 : cond[i];
            double[] sum = sums.computeIfAbsent(k, key -> new double[bins]);
            long[] n = counts.computeIfAbsent(k, key -> new long[bins]);
            trials.merge(k, 1, Integer::sum);
            for (int t = 0; t < bins; t++) {
                float v = x.get(i, t, channel);
                if (!Float.isNaN(v)) {
                    sum[t] += v;
                    n[t]++;
                }
            }
        }
        double perSecond = Double.isNaN(s.binSizeMs()) ? 1.0 : 1000.0 / s.binSizeMs();
        List<PsthLine> lines = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : sums.entrySet()) {
            long[] n = counts.get(e.getKey());
            double[] mean = new double[bins];
            for (int t = 0; t < bins; t++) {
                mean[t] = n[t] == 0 ? Double.NaN : e.getValue()[t] / n[t] * perSecond;
            }
            lines.add(new PsthLine(e.getKey(), trials.get(e.getKey()), mean));
        }
        TimeAxis axis = timeAxis(s);
        double[] xs = new double[bins];
        for (int t = 0; t < bins; t++) {
            xs[t] = axis.at(t);
        }
        return new Psth(split, channel, axis, xs, List.copyOf(lines), rateUnit(s), 0);
    }

    /**
     * Each line convolved with a Gaussian of standard deviation {@code sigmaMs} (cut at 3 sigma). Weights are
     * renormalised over the observed bins under the kernel, so the ends of the window and NaN bins do not
     * pull the rate towards zero. A sigma of 0, or an unknown bin size, returns the PSTH as it is.
     */
    public static Psth smooth(Psth p, double sigmaMs) {
        if (!(sigmaMs > 0) || !p.axis().inMs()) {
            return p;
        }
        double sigma = sigmaMs / p.axis().binMs();
        int half = (int) Math.ceil(3 * sigma);
        double[] w = new double[2 * half + 1];
        for (int k = -half; k <= half; k++) {
            w[k + half] = Math.exp(-0.5 * k * k / (sigma * sigma));
        }
        List<PsthLine> out = new ArrayList<>();
        for (PsthLine line : p.lines()) {
            double[] v = line.values();
            double[] sm = new double[v.length];
            for (int t = 0; t < v.length; t++) {
                double sum = 0;
                double norm = 0;
                for (int k = -half; k <= half; k++) {
                    int u = t + k;
                    if (u >= 0 && u < v.length && !Double.isNaN(v[u])) {
                        sum += w[k + half] * v[u];
                        norm += w[k + half];
                    }
                }
                sm[t] = norm == 0 ? Double.NaN : sum / norm;
            }
            out.add(new PsthLine(line.condition(), line.trials(), sm));
        }
        return new Psth(p.split(), p.channel(), p.axis(), p.x(), List.copyOf(out), p.unit(), sigmaMs);
    }

    /**
     * Each reconstruction channel's mean over every split, trial and observed bin: spikes/s when the bin size
     * is known, else count per bin. A channel a split lacks (held-out channels of a test split without recon
     * data) is averaged over the splits that have it.
     */
    public static double[] channelRates(Session s) {
        int channels = s.reconChannels();
        double[] sum = new double[channels];
        long[] n = new long[channels];
        for (SplitData d : s.splits().values()) {
            Tensor3 x = d.reconOrEncod();
            for (int i = 0; i < x.trials(); i++) {
                for (int t = 0; t < x.time(); t++) {
                    for (int c = 0; c < Math.min(channels, x.channels()); c++) {
                        float v = x.get(i, t, c);
                        if (!Float.isNaN(v)) {
                            sum[c] += v;
                            n[c]++;
                        }
                    }
                }
            }
        }
        double perSecond = Double.isNaN(s.binSizeMs()) ? 1.0 : 1000.0 / s.binSizeMs();
        double[] rate = new double[channels];
        for (int c = 0; c < channels; c++) {
            rate[c] = n[c] == 0 ? Double.NaN : sum[c] / n[c] * perSecond;
        }
        return rate;
    }
}

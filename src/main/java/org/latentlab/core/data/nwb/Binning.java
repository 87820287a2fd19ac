package org.latentlab.core.data.nwb;

import org.latentlab.core.data.Tensor3;

/**
 * Counting spikes and averaging behaviour over the bins of each trial's window; see the package doc for the
 * edge conventions. Pure functions over arrays.
 */
final class Binning {
    /** Slack that keeps a time sitting on a bin edge in decimal in the bin it starts (see package doc). */
    static final double EDGE_SLACK_S = 1e-9;

    private Binning() {
    }

    /**
     * Spike counts {@code [trials, bins, channels]}.
     *
     * @param channelSpikes sorted spike times of the unit in each channel, in channel order
     * @param lo            window start of each selected trial, seconds
     * @param hi            window end (exclusive) of each selected trial, seconds
     */
    static Tensor3 countSpikes(double[][] channelSpikes, double[] lo, double[] hi, int bins, double binS) {
        Tensor3.Builder b = Tensor3.builder(lo.length, bins, channelSpikes.length);
        for (int c = 0; c < channelSpikes.length; c++) {
            double[] s = channelSpikes[c];
            for (int i = 0; i < lo.length; i++) {
                for (int j = firstAtOrAfter(s, lo[i]); j < s.length && s[j] < hi[i]; j++) {
                    b.add(i, binOf(s[j] - lo[i], binS, bins), c, 1f);
                }
            }
        }
        return b.build();
    }

    /** Mean of the non-NaN samples of a series in each bin, NaN where a bin has none: {@code [trials, bins, dims]}. */
    static Tensor3 meanBehavior(NwbTimeSeries series, double[] lo, double[] hi, int bins, double binS) {
        double[] t = series.timestampsView();
        double[] v = series.dataView();
        int d = series.dims();
        Tensor3.Builder b = Tensor3.builder(lo.length, bins, d);
        double[] sum = new double[bins * d];
        int[] count = new int[bins * d];
        for (int i = 0; i < lo.length; i++) {
            java.util.Arrays.fill(sum, 0);
            java.util.Arrays.fill(count, 0);
            for (int j = firstAtOrAfter(t, lo[i]); j < t.length && t[j] < hi[i]; j++) {
                int k = binOf(t[j] - lo[i], binS, bins);
                for (int c = 0; c < d; c++) {
                    double x = v[j * d + c];
                    if (!Double.isNaN(x)) {
                        sum[k * d + c] += x;
                        count[k * d + c]++;
                    }
                }
            }
            for (int k = 0; k < bins; k++) {
                for (int c = 0; c < d; c++) {
                    int at = k * d + c;
                    b.set(i, k, c, count[at] == 0 ? Float.NaN : (float) (sum[at] / count[at]));
                }
            }
        }
        return b.build();
    }

    /** The bin of a time {@code offset} seconds after the window start (offset >= 0). */
    static int binOf(double offset, double binS, int bins) {
        int k = (int) Math.floor((offset + EDGE_SLACK_S) / binS);
        // The window's end and bins * binS can differ in the last bit; what the window admits, the last bin keeps.
        return Math.min(k, bins - 1);
    }

    /** Index of the first value >= x in a sorted array (its length when there is none). */
    static int firstAtOrAfter(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

package org.latentlab.core.data;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small hand-made sessions for data tests. */
public final class TestSessions {
    private TestSessions() {
    }

    /** Random Poisson-like counts of the given shape (deterministic from the seed). */
    public static Tensor3 counts(int trials, int time, int channels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Tensor3.Builder b = Tensor3.builder(trials, time, channels);
        for (int i = 0; i < trials; i++) {
            for (int t = 0; t < time; t++) {
                for (int c = 0; c < channels; c++) {
                    b.set(i, t, c, r.nextInt(4));
                }
            }
        }
        return b.build();
    }

    public static Tensor3 gaussian(int trials, int time, int channels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Tensor3.Builder b = Tensor3.builder(trials, time, channels);
        for (int i = 0; i < trials; i++) {
            for (int t = 0; t < time; t++) {
                for (int c = 0; c < channels; c++) {
                    b.set(i, t, c, (float) (r.nextDouble() * 2 - 1));
                }
            }
        }
        return b.build();
    }

    /**
     * A session with every optional array: 4 held-in + 2 held-out channels, 10 bins plus 3 forward bins,
     * external inputs, behaviour, truth, condition and trial ids, and a test split without recon data.
     */
    public static Session full() {
        Map<Split, SplitData> splits = new EnumMap<>(Split.class);
        int[] sizes = {8, 3, 2};
        long seed = 1;
        for (Split s : Split.values()) {
            int n = sizes[s.ordinal()];
            Tensor3 recon = counts(n, 13, 6, seed++);
            Tensor3 encod = recon.sliceTime(0, 10).selectChannels(new int[] {0, 1, 2, 3});
            int[] cond = new int[n];
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                cond[i] = i % 3;
                ids[i] = 100 * s.ordinal() + i;
            }
            SplitData d = new SplitData(encod, s == Split.TEST ? null : recon, gaussian(n, 10, 2, seed++),
                    gaussian(n, 10, 2, seed++), gaussian(n, 13, 6, seed++), gaussian(n, 10, 3, seed++),
                    gaussian(n, 10, 1, seed++), cond, ids);
            splits.put(s, d);
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("synth.kind", "test");
        return new Session("full", 10.0, 100.0, splits, List.of("a", "b", "c", "d", "e", "f"), attrs);
    }
}

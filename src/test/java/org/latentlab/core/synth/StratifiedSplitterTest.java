package org.latentlab.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.latentlab.core.data.Split;

class StratifiedSplitterTest {

    private static int[] conditions(int trials, int conds) {
        int[] c = new int[trials];
        for (int i = 0; i < trials; i++) {
            c[i] = i % conds;
        }
        return c;
    }

    @Test
    void stratifiedEightyTwentyCoversEveryTrialOnce() {
        int[] cond = conditions(400, 20);
        Map<Split, int[]> s = StratifiedSplitter.split(cond, 0.2, 0, new SplittableRandom(3));
        assertEquals(320, s.get(Split.TRAIN).length);
        assertEquals(80, s.get(Split.VALID).length);
        assertFalse(s.containsKey(Split.TEST));
        int[] all = new int[400];
        for (int[] idx : s.values()) {
            for (int i : idx) {
                all[i]++;
            }
            int[] sorted = idx.clone();
            Arrays.sort(sorted);
            assertArrayEquals(sorted, idx, "indices come back sorted");
        }
        assertTrue(Arrays.stream(all).allMatch(n -> n == 1));
        int[] perCondValid = new int[20];
        for (int i : s.get(Split.VALID)) {
            perCondValid[cond[i]]++;
        }
        assertTrue(Arrays.stream(perCondValid).allMatch(n -> n == 4), Arrays.toString(perCondValid));
    }

    @Test
    void smallConditionsStillReachEverySplit() {
        int[] cond = conditions(12, 4); // 3 trials per condition
        Map<Split, int[]> s = StratifiedSplitter.split(cond, 0.1, 0.1, new SplittableRandom(3));
        for (Split sp : Split.values()) {
            int[] seen = new int[4];
            for (int i : s.get(sp)) {
                seen[cond[i]]++;
            }
            assertTrue(Arrays.stream(seen).allMatch(n -> n == 1), sp + " " + Arrays.toString(seen));
        }
    }

    @Test
    void deterministicPerSeedAndDifferentAcrossSeeds() {
        int[] cond = conditions(100, 5);
        int[] a = StratifiedSplitter.split(cond, 0.2, 0, new SplittableRandom(11)).get(Split.VALID);
        int[] b = StratifiedSplitter.split(cond, 0.2, 0, new SplittableRandom(11)).get(Split.VALID);
        int[] c = StratifiedSplitter.split(cond, 0.2, 0, new SplittableRandom(12)).get(Split.VALID);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void singleTrialConditionsStayInTrain() {
        Map<Split, int[]> s = StratifiedSplitter.split(new int[] {0, 1, 2}, 0.2, 0, new SplittableRandom(1));
        assertArrayEquals(new int[] {0, 1, 2}, s.get(Split.TRAIN));
        assertFalse(s.containsKey(Split.VALID));
    }
}

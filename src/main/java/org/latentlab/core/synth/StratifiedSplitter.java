package org.latentlab.core.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.latentlab.core.data.Split;

/**
 * Seeded train/valid/test assignment of trials, stratified by condition: each condition's trials are
 * shuffled and the first {@code round(n * test)} go to test, the next {@code round(n * valid)} to valid,
 * the rest to train. A condition with at least two trials puts at least one in valid when the valid fraction
 * is positive (three for test), and always keeps at least one in train, so every condition appears in every
 * split when it has enough trials. Indices come back sorted ascending; empty splits are left out.
 */
final class StratifiedSplitter {
    private StratifiedSplitter() {
    }

    static Map<Split, int[]> split(int[] conditionIds, double validFraction, double testFraction, SplittableRandom rng) {
        // TreeMap: conditions are visited in ascending order, never in hash order.
        Map<Integer, List<Integer>> byCondition = new TreeMap<>();
        for (int i = 0; i < conditionIds.length; i++) {
            byCondition.computeIfAbsent(conditionIds[i], k -> new ArrayList<>()).add(i);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> members : byCondition.values()) {
            int[] idx = members.stream().mapToInt(Integer::intValue).toArray();
            RandomDraws.shuffle(idx, rng);
            int n = idx.length;
            int nTest = count(n, testFraction, 3);
            int nValid = count(n, validFraction, 2);
            while (nTest + nValid > n - 1 && (nTest > 0 || nValid > 0)) {
                // keep one trial for train: trim the larger held-out share first
                if (nTest >= nValid) {
                    nTest--;
                } else {
                    nValid--;
                }
            }
            for (int k = 0; k < n; k++) {
                (k < nTest ? test : k < nTest + nValid ? valid : train).add(idx[k]);
            }
        }
        Map<Split, int[]> out = new EnumMap<>(Split.class);
        put(out, Split.TRAIN, train);
        put(out, Split.VALID, valid);
        put(out, Split.TEST, test);
        return out;
    }

    private static int count(int n, double fraction, int minTrials) {
        if (fraction <= 0) {
            return 0;
        }
        int k = (int) Math.round(n * fraction);
        return k == 0 && n >= minTrials ? 1 : k;
    }

    private static void put(Map<Split, int[]> out, Split s, List<Integer> members) {
        if (!members.isEmpty()) {
            int[] a = members.stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(a);
            out.put(s, a);
        }
    }
}

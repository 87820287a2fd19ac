package org.latentlab.core.data.nwb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Split;

/** Assigns trials (by row in the trials table) to train / valid / test. Each split lists its rows ascending. */
final class TrialSplitter {
    private TrialSplitter() {
    }

    /**
     * A seeded random split: the test and valid shares are rounded to whole trials (at least one when the
     * share is above zero) and everything else trains. Empty splits are left out.
     */
    static Map<Split, int[]> random(Path file, int[] rows, double validFraction, double testFraction, long seed) {
        int n = rows.length;
        int nTest = share(testFraction, n);
        int nValid = share(validFraction, n);
        if (n - nTest - nValid < 1) {
            throw DataException.inFile(file, n + " usable trials are too few for validFraction " + validFraction
                    + " and testFraction " + testFraction + " (no train trials left)");
        }
        int[] order = rows.clone();
        // Our own Fisher-Yates so the split a seed gives never changes with the JDK's Collections.shuffle.
        Random rng = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        Map<Split, int[]> out = new EnumMap<>(Split.class);
        put(out, Split.TEST, Arrays.copyOfRange(order, 0, nTest));
        put(out, Split.VALID, Arrays.copyOfRange(order, nTest, nTest + nValid));
        put(out, Split.TRAIN, Arrays.copyOfRange(order, nTest + nValid, n));
        return out;
    }

    /**
     * Splits from the trials table's {@code split} column (NLB writes train / val / test / none); {@code none}
     * trials are dropped. A column that leaves no train trial is an error, since a model needs them.
     */
    static Map<Split, int[]> fromColumn(Path file, int[] rows, String[] column) {
        if (column == null) {
            throw DataException.inFile(file, "the trials table has no split column (/intervals/trials/split)");
        }
        Map<Split, List<Integer>> lists = new EnumMap<>(Split.class);
        for (int row : rows) {
            String v = column[row] == null ? "" : column[row].trim().toLowerCase(Locale.ROOT);
            Split s = switch (v) {
                case "train" -> Split.TRAIN;
                case "val", "valid", "validation" -> Split.VALID;
                case "test" -> Split.TEST;
                case "none" -> null;
                default -> throw DataException.inFile(file, "trial " + row + " has split '" + column[row]
                        + "' (expected train, val, valid, test or none) in /intervals/trials/split");
            };
            if (s != null) {
                lists.computeIfAbsent(s, k -> new ArrayList<>()).add(row);
            }
        }
        if (!lists.containsKey(Split.TRAIN)) {
            StringBuilder seen = new StringBuilder();
            lists.forEach((k, v) -> seen.append(seen.length() == 0 ? "" : ", ").append(v.size()).append(' ').append(k.key()));
            throw DataException.inFile(file, "the split column (/intervals/trials/split) marks no trial 'train' ("
                    + (seen.length() == 0 ? "none usable" : seen) + "); import with a random split instead");
        }
        Map<Split, int[]> out = new EnumMap<>(Split.class);
        lists.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    private static int share(double fraction, int n) {
        return fraction <= 0 ? 0 : (int) Math.max(1, Math.round(fraction * n));
    }

    private static void put(Map<Split, int[]> out, Split s, int[] rows) {
        if (rows.length > 0) {
            Arrays.sort(rows);
            out.put(s, rows);
        }
    }
}

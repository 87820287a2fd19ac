package org.latentlab.core.data.nwb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.latentlab.core.data.DataException;

/**
 * Channel order of an import: held-in units in file order, then held-out units in file order.
 *
 * @param unitRows   units-table row of each channel
 * @param heldIn     how many leading channels are held in (the encod channels)
 * @param heldOutIds ids of the held-out units, in channel order
 */
record ChannelLayout(int[] unitRows, int heldIn, List<Long> heldOutIds) {

    /** Random held-out draws use their own stream, so changing --heldout never reshuffles the splits. */
    private static final long HELD_OUT_STREAM = 0x9E3779B97F4A7C15L;

    static ChannelLayout of(Path file, NwbUnits units, HeldOut rule, long seed) {
        int n = units.count();
        long[] ids = units.ids();
        boolean[] out = new boolean[n];
        if (rule instanceof HeldOut.FromFile) {
            boolean[] column = units.heldOut();
            if (column != null) {
                out = column;
            }
        } else if (rule instanceof HeldOut.RandomCount r) {
            if (r.count() >= n) {
                throw DataException.inFile(file, "cannot hold out " + r.count() + " of " + n
                        + " units: at least one unit must stay held in");
            }
            // Partial Fisher-Yates: the first count entries of a seeded shuffle of the rows.
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = i;
            }
            Random rng = new Random(seed ^ HELD_OUT_STREAM);
            for (int i = 0; i < r.count(); i++) {
                int j = i + rng.nextInt(n - i);
                int tmp = rows[i];
                rows[i] = rows[j];
                rows[j] = tmp;
                out[rows[i]] = true;
            }
        } else if (rule instanceof HeldOut.UnitIds u) {
            Map<Long, Integer> rowOf = new HashMap<>();
            for (int i = 0; i < n; i++) {
                rowOf.put(ids[i], i);
            }
            for (Long id : u.ids()) {
                Integer row = rowOf.get(id);
                if (row == null) {
                    throw DataException.inFile(file, "heldout unit id " + id + " is not in the units table (" + n
                            + " units, ids " + ids[0] + " ... " + ids[n - 1] + ")");
                }
                out[row] = true;
            }
        }
        int[] order = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!out[i]) {
                order[k++] = i;
            }
        }
        int heldIn = k;
        if (heldIn == 0) {
            throw DataException.inFile(file, "every unit is held out; at least one must stay held in for the encoder");
        }
        List<Long> outIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (out[i]) {
                order[k++] = i;
                outIds.add(ids[i]);
            }
        }
        return new ChannelLayout(order, heldIn, List.copyOf(outIds));
    }

    int channels() {
        return unitRows.length;
    }
}

package org.latentlab.core.data.nwb;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.Reference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.H5Arrays;
import org.latentlab.core.data.H5Files;

/**
 * Reads the parts of an NWB 2.x file that LatentLab models: the units table, the trials table and
 * behaviour time series. Every failure is a one-line {@link DataException} naming the file and the group or
 * key at fault; nothing else escapes.
 */
public final class NwbReader {
    private NwbReader() {
    }

    /** Reads units, trials and behaviour from an NWB file. */
    public static NwbFile read(Path file) {
        try (HdfFile h5 = H5Files.open(file)) {
            checkComplete(file, h5);
            NwbUnits units = readUnits(file, h5);
            NwbTrials trials = readTrials(file, h5);
            Map<String, NwbTimeSeries> behavior = BehaviorReader.read(file, h5);
            return new NwbFile(file, units, trials, behavior);
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            throw DataException.inFile(file, "cannot be read (truncated or corrupt HDF5: " + H5Arrays.oneLine(e) + ")");
        }
    }

    /**
     * jhdf reads lazily, so a truncated file can open fine and fail deep inside a dataset; the superblock's
     * end-of-file address says up front whether bytes are missing.
     */
    private static void checkComplete(Path file, HdfFile h5) {
        long declared = h5.getUserBlockSize() + h5.getHdfBackingStorage().getSuperblock().getEndOfFileAddress();
        long actual;
        try {
            actual = Files.size(file);
        } catch (IOException e) {
            throw DataException.inFile(file, "cannot be read: " + H5Arrays.oneLine(e));
        }
        if (actual < declared) {
            throw DataException.inFile(file, "truncated HDF5 file: " + actual + " bytes of the " + declared
                    + " its superblock declares");
        }
    }

    private static NwbUnits readUnits(Path file, HdfFile h5) {
        Group g = group(file, h5, "units");
        if (g == null) {
            throw DataException.inFile(file, "no units table (/units)");
        }
        Map<String, Node> cols = H5Files.children(file, g);
        double[] times = numbers(file, column(file, cols, "units", "spike_times"));
        Dataset indexDs = column(file, cols, "units", "spike_times_index");
        long[] index = NwbArrays.longs(values(file, indexDs));
        if (index == null) {
            throw DataException.inFile(file, "/units/spike_times_index holds " + type(indexDs) + " values; expected integers");
        }
        int n = index.length;
        if (n == 0) {
            throw DataException.inFile(file, "the units table (/units) holds no units");
        }
        // index[i] is where unit i's spikes END in the flat spike_times (NWB's ragged-array layout).
        long prev = 0;
        for (int i = 0; i < n; i++) {
            if (index[i] < prev || index[i] > times.length) {
                throw DataException.inFile(file, "/units/spike_times_index[" + i + "] = " + index[i]
                        + " is out of order or past the " + times.length + " spike_times");
            }
            prev = index[i];
        }
        if (prev != times.length) {
            throw DataException.inFile(file, "/units/spike_times_index ends at " + prev + " but spike_times holds "
                    + times.length + " values");
        }
        long[] ids = cols.get("id") instanceof Dataset idDs ? NwbArrays.longs(values(file, idDs)) : rowNumbers(n);
        if (ids == null || ids.length != n) {
            throw DataException.inFile(file, "/units/id must hold " + n + " integer ids, one per unit");
        }
        boolean[] heldOut = null;
        if (cols.get("heldout") instanceof Dataset h) {
            heldOut = NwbArrays.booleans(values(file, h));
            if (heldOut == null || heldOut.length != n) {
                throw DataException.inFile(file, "/units/heldout must hold " + n + " booleans, one per unit");
            }
        }
        double[][] spikes = new double[n][];
        for (int i = 0; i < n; i++) {
            spikes[i] = Arrays.copyOfRange(times, (int) (i == 0 ? 0 : index[i - 1]), (int) index[i]);
            // NWB does not promise sorted spike times; the binner's binary search needs them sorted.
            Arrays.sort(spikes[i]);
        }
        return new NwbUnits(ids, spikes, heldOut);
    }

    private static NwbTrials readTrials(Path file, HdfFile h5) {
        Group intervals = group(file, h5, "intervals");
        Group g = intervals == null ? null : group(file, intervals, "trials");
        if (g == null) {
            throw DataException.inFile(file, "no trials table (/intervals/trials)");
        }
        Map<String, Node> cols = H5Files.children(file, g);
        double[] start = numbers(file, column(file, cols, "intervals/trials", "start_time"));
        double[] stop = numbers(file, column(file, cols, "intervals/trials", "stop_time"));
        if (stop.length != start.length) {
            throw DataException.inFile(file, "/intervals/trials has " + start.length + " start_time values but "
                    + stop.length + " stop_time values");
        }
        int n = start.length;
        Map<String, double[]> numeric = new LinkedHashMap<>();
        numeric.put("start_time", start);
        numeric.put("stop_time", stop);
        String[] split = null;
        for (String name : columnOrder(g, cols)) {
            // Ragged columns (with a *_index partner) and the id column are not per-trial times.
            if (numeric.containsKey(name) || name.equals("id") || name.endsWith("_index")
                    || cols.containsKey(name + "_index") || !(cols.get(name) instanceof Dataset ds)) {
                continue;
            }
            try {
                if (ds.getDataType() instanceof Reference || ds.getDimensions().length != 1
                        || ds.getDimensions()[0] != n) {
                    continue;
                }
                Object v = NwbArrays.flat(ds);
                if (name.equals("split") && NwbArrays.strings(v) != null) {
                    split = NwbArrays.strings(v);
                } else if (!(v instanceof String[]) && NwbArrays.doubles(v) != null) {
                    numeric.put(name, NwbArrays.doubles(v));
                }
            } catch (RuntimeException e) {
                // Region references and exotic types throw in jhdf; such a column cannot be an alignment time.
                continue;
            }
        }
        return new NwbTrials(numeric, split);
    }

    /** The table's own column order ({@code colnames}), then anything else in the group. */
    private static Set<String> columnOrder(Group g, Map<String, Node> cols) {
        Set<String> order = new LinkedHashSet<>();
        try {
            Attribute a = g.getAttribute("colnames");
            if (a != null && a.getData() instanceof String[] names) {
                order.addAll(Arrays.asList(names));
            }
        } catch (RuntimeException e) {
            // A malformed colnames attribute only costs us the ordering.
        }
        order.addAll(cols.keySet());
        return order;
    }

    static Group group(Path file, Group parent, String name) {
        return H5Files.children(file, parent).get(name) instanceof Group g ? g : null;
    }

    private static Dataset column(Path file, Map<String, Node> cols, String table, String name) {
        if (cols.get(name) instanceof Dataset ds) {
            return ds;
        }
        String what = table.equals("units") ? "the units table" : "the trials table";
        throw DataException.inFile(file, what + " has no " + name + " column (/" + table + "/" + name + ")");
    }

    /** A dataset's values; a jhdf failure becomes a message naming the dataset. */
    static Object values(Path file, Dataset ds) {
        try {
            return NwbArrays.flat(ds);
        } catch (RuntimeException | OutOfMemoryError e) {
            throw DataException.inFile(file, ds.getPath() + " cannot be read (truncated or corrupt HDF5: "
                    + H5Arrays.oneLine(e) + ")");
        }
    }

    static double[] numbers(Path file, Dataset ds) {
        double[] d = NwbArrays.doubles(values(file, ds));
        if (d == null) {
            throw DataException.inFile(file, ds.getPath() + " holds " + type(ds) + " values; expected numbers");
        }
        return d;
    }

    static String type(Dataset ds) {
        try {
            return ds.getJavaType().getSimpleName();
        } catch (RuntimeException e) {
            return "unreadable";
        }
    }

    private static long[] rowNumbers(int n) {
        long[] ids = new long[n];
        Arrays.setAll(ids, i -> i);
        return ids;
    }
}

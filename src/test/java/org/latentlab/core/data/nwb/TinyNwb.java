package org.latentlab.core.data.nwb;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes tiny NWB-shaped HDF5 files for tests (jhdf cannot write real NWB: no vlen strings or references,
 * but the layout of units, trials and behaviour is the same).
 */
final class TinyNwb {
    private long[] unitIds = {11, 12, 13};
    private double[][] spikes = {{0.10, 0.20}, {0.30}, {1.10, 1.20, 1.30}};
    private Object heldOut;
    private boolean withUnits = true;
    private boolean withTrials = true;
    private boolean withSpikeIndex = true;
    private final Map<String, double[]> trialColumns = new LinkedHashMap<>();
    private String[] split;
    private final List<Object[]> series = new ArrayList<>();

    TinyNwb() {
        trialColumns.put("start_time", new double[] {0.0, 1.0});
        trialColumns.put("stop_time", new double[] {0.5, 1.5});
        trialColumns.put("go_time", new double[] {0.1, 1.1});
    }

    TinyNwb units(long[] ids, double[][] spikeTimes) {
        unitIds = ids;
        spikes = spikeTimes;
        return this;
    }

    /** The heldout column as written: boolean[] or byte[] (int8, as some writers store bools). */
    TinyNwb heldOut(Object column) {
        heldOut = column;
        return this;
    }

    TinyNwb noUnits() {
        withUnits = false;
        return this;
    }

    TinyNwb noTrials() {
        withTrials = false;
        return this;
    }

    TinyNwb noSpikeIndex() {
        withSpikeIndex = false;
        return this;
    }

    TinyNwb trialColumn(String name, double... values) {
        trialColumns.put(name, values);
        return this;
    }

    TinyNwb split(String... values) {
        split = values;
        return this;
    }

    /** A TimeSeries with explicit timestamps; data is [samples][dims]. */
    TinyNwb series(String path, double[] timestamps, double[][] data) {
        series.add(new Object[] {path, timestamps, data, null, null});
        return this;
    }

    /** A TimeSeries timed by starting_time and rate, with a conversion factor on data. */
    TinyNwb series(String path, double start, double rate, double[][] data, double conversion) {
        series.add(new Object[] {path, null, data, new double[] {start, rate}, conversion});
        return this;
    }

    Path write(Path file) {
        try (WritableHdfFile w = HdfFile.write(file)) {
            w.putAttribute("nwb_version", "2.4.0");
            if (withUnits) {
                WritableGroup u = w.putGroup("units");
                int total = 0;
                long[] index = new long[spikes.length];
                for (int i = 0; i < spikes.length; i++) {
                    total += spikes[i].length;
                    index[i] = total;
                }
                double[] flat = new double[total];
                int k = 0;
                for (double[] s : spikes) {
                    for (double t : s) {
                        flat[k++] = t;
                    }
                }
                u.putDataset("id", unitIds);
                u.putDataset("spike_times", flat);
                if (withSpikeIndex) {
                    u.putDataset("spike_times_index", index);
                }
                if (heldOut != null) {
                    u.putDataset("heldout", heldOut);
                }
            }
            if (withTrials) {
                WritableGroup t = w.putGroup("intervals").putGroup("trials");
                int n = trialColumns.get("start_time").length;
                long[] ids = new long[n];
                for (int i = 0; i < n; i++) {
                    ids[i] = i;
                }
                t.putDataset("id", ids);
                trialColumns.forEach(t::putDataset);
                if (split != null) {
                    t.putDataset("split", split);
                }
            }
            if (!series.isEmpty()) {
                WritableGroup behavior = w.putGroup("processing").putGroup("behavior");
                for (Object[] s : series) {
                    WritableGroup g = behavior;
                    for (String part : ((String) s[0]).split("/")) {
                        g = g.getChild(part) instanceof WritableGroup existing ? existing : g.putGroup(part);
                    }
                    WritableDataset data = g.putDataset("data", s[2]);
                    if (s[1] != null) {
                        g.putDataset("timestamps", s[1]);
                    } else {
                        double[] startRate = (double[]) s[3];
                        g.putDataset("starting_time", startRate[0]).putAttribute("rate", startRate[1]);
                        data.putAttribute("conversion", (Double) s[4]);
                    }
                }
            }
        }
        return file;
    }
}

package org.latentlab.core.data.nwb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trials table of an NWB file.
 *
 * @param columns every numeric per-trial column in seconds, {@code start_time} and {@code stop_time} included,
 *                in the table's column order (any of them can serve as an alignment column)
 * @param split   the {@code split} column (train / val / test / none), or null when the file has none
 */
public record NwbTrials(Map<String, double[]> columns, String[] split) {

    public NwbTrials {
        if (!columns.containsKey("start_time") || !columns.containsKey("stop_time")) {
            throw new IllegalArgumentException("a trials table needs start_time and stop_time");
        }
        int n = columns.get("start_time").length;
        Map<String, double[]> copy = new LinkedHashMap<>();
        columns.forEach((k, v) -> {
            if (v.length != n) {
                throw new IllegalArgumentException("column " + k + " has " + v.length + " rows, not " + n);
            }
            copy.put(k, v.clone());
        });
        columns = copy;
        if (split != null && split.length != n) {
            throw new IllegalArgumentException("split column has " + split.length + " rows, not " + n);
        }
        split = split == null ? null : split.clone();
    }

    public int count() {
        return columns.get("start_time").length;
    }

    /** The names of the numeric columns, in table order. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** A copy of a numeric column, or null when there is none by that name. */
    public double[] column(String name) {
        double[] c = columns.get(name);
        return c == null ? null : c.clone();
    }

    @Override
    public Map<String, double[]> columns() {
        Map<String, double[]> out = new LinkedHashMap<>();
        columns.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    @Override
    public String[] split() {
        return split == null ? null : split.clone();
    }
}

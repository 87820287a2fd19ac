package org.latentlab.core.data.nwb;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.H5Files;

/**
 * Finds the TimeSeries under {@code /processing/behavior}: directly (MC_Maze's {@code hand_vel}) or one level
 * down inside a container such as {@code Position/hand_pos}. A group counts as a TimeSeries when it has a
 * {@code data} dataset and either {@code timestamps} or {@code starting_time} (with a {@code rate}).
 */
final class BehaviorReader {
    private BehaviorReader() {
    }

    static Map<String, NwbTimeSeries> read(Path file, HdfFile h5) {
        Map<String, NwbTimeSeries> out = new LinkedHashMap<>();
        Group processing = NwbReader.group(file, h5, "processing");
        Group behavior = processing == null ? null : NwbReader.group(file, processing, "behavior");
        if (behavior != null) {
            collect(file, behavior, "", 0, out);
        }
        return out;
    }

    private static void collect(Path file, Group g, String prefix, int depth, Map<String, NwbTimeSeries> out) {
        for (Map.Entry<String, Node> e : H5Files.children(file, g).entrySet()) {
            if (!(e.getValue() instanceof Group child)) {
                continue;
            }
            String name = prefix + e.getKey();
            Map<String, Node> kids = H5Files.children(file, child);
            boolean timed = kids.get("timestamps") instanceof Dataset || kids.get("starting_time") instanceof Dataset;
            if (kids.get("data") instanceof Dataset data && timed) {
                NwbTimeSeries s = series(file, name, data, kids);
                if (s != null) {
                    out.put(name, s);
                }
            } else if (depth == 0) {
                collect(file, child, name + "/", depth + 1, out);
            }
        }
    }

    /** One series, or null when its data is not a [time] or [time, dims] array of numbers. */
    private static NwbTimeSeries series(Path file, String name, Dataset data, Map<String, Node> kids) {
        int[] shape = data.getDimensions();
        if (shape.length < 1 || shape.length > 2) {
            return null;
        }
        double[] values = NwbArrays.doubles(NwbReader.values(file, data));
        if (values == null) {
            return null;
        }
        int samples = shape[0];
        int dims = shape.length == 2 ? shape[1] : 1;
        // NWB stores raw values; conversion and offset turn them into the unit the file declares.
        double conversion = attribute(data, "conversion", 1.0);
        double offset = attribute(data, "offset", 0.0);
        if (conversion != 1.0 || offset != 0.0) {
            for (int i = 0; i < values.length; i++) {
                values[i] = values[i] * conversion + offset;
            }
        }
        String where = "/processing/behavior/" + name;
        double[] t;
        if (kids.get("timestamps") instanceof Dataset ts) {
            t = NwbReader.numbers(file, ts);
            if (t.length != samples) {
                throw DataException.inFile(file, where + "/timestamps holds " + t.length + " times for " + samples
                        + " data samples");
            }
        } else {
            Dataset st = (Dataset) kids.get("starting_time");
            double[] start = NwbReader.numbers(file, st);
            double rate = attribute(st, "rate", Double.NaN);
            if (start.length != 1 || !(rate > 0) || Double.isInfinite(rate)) {
                throw DataException.inFile(file, where + "/starting_time needs one value and a positive 'rate' attribute");
            }
            t = new double[samples];
            for (int i = 0; i < samples; i++) {
                t[i] = start[0] + i / rate;
            }
        }
        for (int i = 1; i < t.length; i++) {
            if (!(t[i] >= t[i - 1])) {
                throw DataException.inFile(file, where + " timestamps are not ascending at sample " + i);
            }
        }
        return new NwbTimeSeries(name, t, dims, values);
    }

    private static double attribute(Node node, String key, double fallback) {
        try {
            Attribute a = node.getAttribute(key);
            if (a == null) {
                return fallback;
            }
            Object v = a.getData();
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            double[] d = NwbArrays.doubles(v);
            return d != null && d.length == 1 ? d[0] : fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}

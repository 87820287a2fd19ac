package org.latentlab.core.data.nwb;

/**
 * One NWB TimeSeries (e.g. hand velocity), with its sample times made explicit.
 *
 * @param name       its path below {@code /processing/behavior}, e.g. {@code hand_vel}
 * @param timestamps sample times in seconds, ascending (from {@code timestamps}, or from
 *                   {@code starting_time} and its {@code rate})
 * @param dims       values per sample (1 for a 1-D {@code data})
 * @param data       {@code [samples, dims]} row-major, with the series' {@code conversion} and {@code offset}
 *                   already applied
 */
public record NwbTimeSeries(String name, double[] timestamps, int dims, double[] data) {

    public NwbTimeSeries {
        if (dims < 1 || (long) timestamps.length * dims != data.length) {
            throw new IllegalArgumentException(name + ": " + timestamps.length + " samples of " + dims
                    + " values do not match " + data.length + " data values");
        }
        timestamps = timestamps.clone();
        data = data.clone();
    }

    public int samples() {
        return timestamps.length;
    }

    @Override
    public double[] timestamps() {
        return timestamps.clone();
    }

    @Override
    public double[] data() {
        return data.clone();
    }

    /** Read-only access for the binner, without a copy. */
    double[] timestampsView() {
        return timestamps;
    }

    double[] dataView() {
        return data;
    }
}

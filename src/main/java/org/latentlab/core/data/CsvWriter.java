package org.latentlab.core.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes one array of every split as a wide CSV table, one row per trial and bin:
 * {@code split,trial,condition,bin,<channel>...}. NaN (unobserved) is written as an empty cell, which
 * pandas and spreadsheets read as missing. The file appears atomically.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    /** Which array of a split to write. */
    public enum Array {
        ENCOD(SplitData::encod), RECON(SplitData::reconOrEncod), TRUTH(SplitData::truth),
        LATENTS_TRUTH(SplitData::latentsTruth), INPUTS_TRUTH(SplitData::inputsTruth),
        EXT_INPUT(SplitData::extInput), BEHAVIOR(SplitData::behavior);

        private final Function<SplitData, Tensor3> get;

        Array(Function<SplitData, Tensor3> get) {
            this.get = get;
        }

        public Tensor3 of(SplitData d) {
            return get.apply(d);
        }
    }

    public static void write(Session session, Array which, Path out) {
        Map<Split, Tensor3> arrays = new java.util.EnumMap<>(Split.class);
        session.splits().forEach((split, d) -> {
            if (which.of(d) != null) {
                arrays.put(split, which.of(d));
            }
        });
        if (arrays.isEmpty()) {
            throw DataException.inFile(out, "the session has no " + which.name().toLowerCase(Locale.ROOT) + " array");
        }
        write(session, arrays, which == Array.RECON || which == Array.TRUTH ? session.channelNames() : List.of(), out);
    }

    /**
     * Writes arrays aligned with the session's trials (a model's rates, factors or inputs per split) in the
     * same layout; channels are named {@code names}, or {@code ch0, ch1, ...} when it is empty.
     */
    public static void write(Session session, Map<Split, Tensor3> arrays, List<String> names, Path out) {
        AtomicFiles.write(out, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                writeTo(session, arrays, names, w);
            }
        });
    }

    private static void writeTo(Session session, Map<Split, Tensor3> arrays, List<String> names, BufferedWriter w)
            throws IOException {
        Tensor3 first = arrays.values().iterator().next();
        StringBuilder header = new StringBuilder("split,trial,condition,bin");
        for (int c = 0; c < first.channels(); c++) {
            header.append(',').append(names.size() == first.channels() ? names.get(c) : "ch" + c);
        }
        w.write(header.toString());
        w.newLine();
        StringBuilder row = new StringBuilder();
        for (Map.Entry<Split, Tensor3> e : arrays.entrySet()) {
            Tensor3 t = e.getValue();
            SplitData d = session.split(e.getKey());
            int[] trialIds = d == null ? null : d.trialIds();
            int[] cond = d == null ? null : d.conditionIds();
            for (int i = 0; i < t.trials(); i++) {
                for (int b = 0; b < t.time(); b++) {
                    row.setLength(0);
                    row.append(e.getKey().key()).append(',').append(trialIds != null ? trialIds[i] : i).append(',')
                            .append(cond != null ? String.valueOf(cond[i]) : "").append(',').append(b);
                    for (int c = 0; c < t.channels(); c++) {
                        float v = t.get(i, b, c);
                        row.append(',');
                        if (!Float.isNaN(v)) {
                            row.append(v == Math.rint(v) && Math.abs(v) < 1e7 ? Integer.toString((int) v) : Float.toString(v));
                        }
                    }
                    w.write(row.toString());
                    w.newLine();
                }
            }
        }
    }
}

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
        AtomicFiles.write(out, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                writeTo(session, which, w);
            }
        });
    }

    private static void writeTo(Session session, Array which, BufferedWriter w) throws IOException {
        Tensor3 first = null;
        for (SplitData d : session.splits().values()) {
            if (which.of(d) != null) {
                first = which.of(d);
                break;
            }
        }
        if (first == null) {
            throw new IOException("the session has no " + which.name().toLowerCase(Locale.ROOT) + " array");
        }
        List<String> names = which == Array.RECON || which == Array.TRUTH ? session.channelNames() : List.of();
        StringBuilder header = new StringBuilder("split,trial,condition,bin");
        for (int c = 0; c < first.channels(); c++) {
            header.append(',').append(names.isEmpty() ? "ch" + c : names.get(c));
        }
        w.write(header.toString());
        w.newLine();
        StringBuilder row = new StringBuilder();
        for (Map.Entry<Split, SplitData> e : session.splits().entrySet()) {
            Tensor3 t = which.of(e.getValue());
            if (t == null) {
                continue;
            }
            int[] trialIds = e.getValue().trialIds();
            int[] cond = e.getValue().conditionIds();
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

package org.latentlab.core.data;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.latentlab.core.data.LfadsKeys.key;

/**
 * Writes a session as an LFADS-style HDF5 file that h5py and lfads-torch read: float32
 * {@code [trials, time, channels]} arrays under lfads-torch's keys, ground truth under DESIGN.md's keys,
 * deflate-compressed. The file appears atomically: it is written next to the target and renamed.
 */
public final class LfadsH5Writer {
    private LfadsH5Writer() {
    }

    public static void write(Session session, Path out) {
        write(session, out, f -> { });
    }

    /**
     * Writes the session, then lets {@code extra} add datasets (model outputs go beside a copy of the
     * input, as in lfads-torch's output files).
     */
    public static void write(Session session, Path out, java.util.function.Consumer<WritableHdfFile> extra) {
        AtomicFiles.write(out, tmp -> writeTo(session, tmp, extra));
    }

    private static void writeTo(Session session, Path tmp, java.util.function.Consumer<WritableHdfFile> extra)
            throws IOException {
        try (WritableHdfFile f = HdfFile.write(tmp)) {
            for (Map.Entry<Split, SplitData> e : session.splits().entrySet()) {
                Split s = e.getKey();
                SplitData d = e.getValue();
                put(f, key(s, LfadsKeys.ENCOD), d.encod());
                put(f, key(s, LfadsKeys.RECON), d.recon());
                put(f, key(s, LfadsKeys.EXT_INPUT), d.extInput());
                put(f, key(s, LfadsKeys.BEHAVIOR), d.behavior());
                put(f, key(s, LfadsKeys.TRUTH), d.truth());
                put(f, key(s, LfadsKeys.LATENTS_TRUTH), d.latentsTruth());
                put(f, key(s, LfadsKeys.INPUTS_TRUTH), d.inputsTruth());
                if (d.conditionIds() != null) {
                    f.putDataset(key(s, LfadsKeys.COND_IDX), toLong(d.conditionIds()));
                }
                if (d.trialIds() != null) {
                    f.putDataset(key(s, LfadsKeys.INDS), toLong(d.trialIds()));
                }
            }
            f.putDataset(LfadsKeys.CONVERSION_FACTOR, session.conversionFactor());
            if (!session.channelNames().isEmpty()) {
                f.putDataset(LfadsKeys.CHANNEL_NAMES, session.channelNames().toArray(new String[0]));
            }
            if (!Double.isNaN(session.binSizeMs())) {
                f.putAttribute(LfadsKeys.BIN_SIZE_ATTR, session.binSizeMs());
            }
            f.putAttribute("session_name", session.name());
            extra.accept(f);
            for (Map.Entry<String, String> a : session.attributes().entrySet()) {
                // The numeric bin size and the session name above are the authoritative copies.
                if (!a.getKey().equals(LfadsKeys.BIN_SIZE_ATTR) && !a.getKey().equals("session_name")) {
                    f.putAttribute(a.getKey(), a.getValue());
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("HDF5 write failed: " + e.getMessage(), e);
        }
    }

    /** 64-bit integers, the dtype numpy gives index arrays. */
    private static long[] toLong(int[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    /** Writes a tensor compressed and chunked by trials (nothing when it is null). */
    public static void put(WritableHdfFile f, String name, Tensor3 t) {
        if (t == null) {
            return;
        }
        if (t.trials() == 0 || t.time() == 0 || t.channels() == 0) {
            f.putDataset(name, t.toNested());
            return;
        }
        // Chunks of whole trials keep reads of a batch of trials cheap; deflate shrinks sparse spike counts.
        int chunkTrials = Math.max(1, Math.min(t.trials(), Math.max(1, (1 << 18) / (t.time() * t.channels()))));
        DatasetCreationOptions opts = DatasetCreationOptions.builder()
                .chunkDimensions(chunkTrials, t.time(), t.channels())
                .shuffle()
                .deflate(4)
                .build();
        f.putDataset(name, t.toNested(), opts);
    }
}

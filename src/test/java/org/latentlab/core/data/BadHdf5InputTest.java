package org.latentlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed LFADS-style file gets a one-line DataException naming the file and the key at fault. */
class BadHdf5InputTest {
    @TempDir
    Path dir;

    private Path h5(String name, Consumer<WritableHdfFile> body) {
        Path f = dir.resolve(name);
        try (WritableHdfFile w = HdfFile.write(f)) {
            body.accept(w);
        }
        return f;
    }

    private static String fail(Path f) {
        DataException e = assertThrows(DataException.class, () -> LfadsH5Reader.read(f));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        assertTrue(m.startsWith(f.toString() + ": "), "names the file: " + m);
        return m;
    }

    @Test
    void missingFile() {
        assertTrue(fail(dir.resolve("nope.h5")).endsWith("no such file"));
    }

    @Test
    void notAnHdf5File() throws Exception {
        Path f = dir.resolve("text.h5");
        Files.writeString(f, "this is not HDF5\n".repeat(100));
        assertTrue(fail(f).contains("not an HDF5 file"));
    }

    @Test
    void truncatedFile() throws Exception {
        Path good = dir.resolve("good.h5");
        LfadsH5Writer.write(TestSessions.full(), good);
        byte[] all = Files.readAllBytes(good);
        for (int keep : new int[] {all.length / 2, all.length - 200, 100}) {
            Path f = dir.resolve("cut" + keep + ".h5");
            Files.write(f, java.util.Arrays.copyOf(all, keep));
            String m = fail(f);
            assertTrue(m.contains("truncated or corrupt"), m);
        }
    }

    @Test
    void missingTrainData() {
        Path f = h5("empty.h5", w -> w.putDataset("valid_encod_data", new float[2][3][4]));
        String m = fail(f);
        assertTrue(m.contains("no key 'train_encod_data'"), m);
        assertTrue(m.contains("valid_encod_data"), "lists what is there: " + m);
    }

    @Test
    void missingReconData() {
        Path f = h5("norecon.h5", w -> w.putDataset("train_encod_data", new float[2][3][4]));
        assertTrue(fail(f).contains("key 'train_recon_data' is missing"));
    }

    @Test
    void companionWithoutData() {
        Path f = h5("orphan.h5", w -> {
            w.putDataset("train_encod_data", new float[2][3][4]);
            w.putDataset("train_recon_data", new float[2][3][4]);
            w.putDataset("valid_recon_data", new float[2][3][4]);
        });
        assertTrue(fail(f).contains("'valid_recon_data' is present but 'valid_encod_data' is missing"));
    }

    @Test
    void wrongRank() {
        Path f = h5("rank.h5", w -> {
            w.putDataset("train_encod_data", new float[2][3]);
            w.putDataset("train_recon_data", new float[2][3]);
        });
        String m = fail(f);
        assertTrue(m.contains("key 'train_encod_data' has rank 2 (shape [2, 3])"), m);
    }

    @Test
    void trialCountsDisagreeWithinASplit() {
        Path f = h5("trials.h5", w -> {
            w.putDataset("train_encod_data", new float[2][3][4]);
            w.putDataset("train_recon_data", new float[5][3][4]);
        });
        String m = fail(f);
        assertTrue(m.contains("train split: recon holds 5 trials but encod data holds 2"), m);
    }

    @Test
    void splitsDisagree() {
        Path f = h5("splits.h5", w -> {
            w.putDataset("train_encod_data", new float[2][3][4]);
            w.putDataset("train_recon_data", new float[2][3][4]);
            w.putDataset("valid_encod_data", new float[2][3][5]);
            w.putDataset("valid_recon_data", new float[2][3][5]);
        });
        String m = fail(f);
        assertTrue(m.contains("valid_encod_data is [2, 3, 5] but train_encod_data is [2, 3, 4]"), m);
    }

    @Test
    void negativeIntegerCounts() {
        int[][][] bad = new int[2][3][4];
        bad[1][2][3] = -1;
        Path f = h5("neg.h5", w -> {
            w.putDataset("train_encod_data", bad);
            w.putDataset("train_recon_data", bad);
        });
        String m = fail(f);
        assertTrue(m.contains("key 'train_encod_data' holds integer counts but has a negative value -1.0 at [1, 2, 3]"), m);
    }

    @Test
    void extInputInSomeSplitsOnly() {
        Path f = h5("ext.h5", w -> {
            w.putDataset("train_encod_data", new float[2][3][4]);
            w.putDataset("train_recon_data", new float[2][3][4]);
            w.putDataset("train_ext_input", new float[2][3][1]);
            w.putDataset("valid_encod_data", new float[2][3][4]);
            w.putDataset("valid_recon_data", new float[2][3][4]);
        });
        assertTrue(fail(f).contains("valid_ext_input is missing while train_ext_input is present"));
    }

    @Test
    void truthOfTheWrongWidth() {
        Path f = h5("truth.h5", w -> {
            w.putDataset("train_encod_data", new float[2][3][4]);
            w.putDataset("train_recon_data", new float[2][3][4]);
            w.putDataset("train_truth", new float[2][3][7]);
        });
        assertTrue(fail(f).contains("truth has 7 channels but recon data has 4"));
    }

    @Test
    void aGoodFileStillReads() {
        Path f = h5("ok.h5", w -> {
            w.putDataset("train_encod_data", new float[2][3][4]);
            w.putDataset("train_recon_data", new float[2][3][4]);
        });
        assertEquals(2, LfadsH5Reader.read(f).split(Split.TRAIN).trials());
    }
}

package org.latentlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
    @TempDir
    Path dir;

    @Test
    void oneRowPerTrialAndBinWithEveryChannelAndNanAsEmpty() throws Exception {
        Session s = TestSessions.full();
        Path f = dir.resolve("recon.csv");
        CsvWriter.write(s, CsvWriter.Array.RECON, f);
        List<String> lines = Files.readAllLines(f);
        // 8 train + 3 valid trials x 13 bins, plus the test split's 2 trials x 10 encod bins, plus a header.
        assertEquals(1 + 8 * 13 + 3 * 13 + 2 * 10, lines.size());
        assertEquals("split,trial,condition,bin,a,b,c,d,e,f", lines.get(0));
        Tensor3 r = s.split(Split.TRAIN).recon();
        String[] row = lines.get(1 + 2 * 13 + 5).split(",", -1); // train trial 2, bin 5
        assertEquals("train", row[0]);
        assertEquals("2", row[1]);
        assertEquals("2", row[2]);
        assertEquals("5", row[3]);
        for (int c = 0; c < 6; c++) {
            assertEquals(r.get(2, 5, c), Float.parseFloat(row[4 + c]));
        }

        float[] v = new float[] {1, Float.NaN, 2.5f, 3};
        Tensor3 t = Tensor3.of(1, 2, 2, v);
        Session nan = Session.of("n", 5, java.util.Map.of(Split.TRAIN, SplitData.of(t, t)));
        CsvWriter.write(nan, CsvWriter.Array.ENCOD, dir.resolve("n.csv"));
        assertEquals(List.of("split,trial,condition,bin,ch0,ch1", "train,0,,0,1,", "train,0,,1,2.5,3"),
                Files.readAllLines(dir.resolve("n.csv")));
    }
}

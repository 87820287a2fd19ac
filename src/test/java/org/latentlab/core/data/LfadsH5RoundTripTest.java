package org.latentlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LfadsH5RoundTripTest {
    @TempDir
    Path dir;

    @Test
    void everyArrayAndAttributeSurvivesAWriteAndRead() throws Exception {
        Session s = TestSessions.full();
        Path f = dir.resolve("full.h5");
        LfadsH5Writer.write(s, f);
        Session back = LfadsH5Reader.read(f);

        assertEquals("full", back.name());
        assertEquals(10.0, back.binSizeMs());
        assertEquals(100.0, back.conversionFactor());
        assertEquals(s.channelNames(), back.channelNames());
        assertEquals("test", back.attributes().get("synth.kind"));
        for (Split split : Split.values()) {
            assertEquals(s.split(split), back.split(split), split.key());
        }
        assertNull(back.split(Split.TEST).recon());
        assertEquals(4, back.heldInChannels());
        assertEquals(2, back.heldOutChannels());
        assertEquals(3, back.forwardBins());
        // Nothing but the file itself is left in the directory (no temporary files).
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void nanMarksUnobservedSamplesAndSurvives() {
        float[] v = TestSessions.counts(2, 3, 2, 5).toFlatArray();
        v[3] = Float.NaN;
        Tensor3 t = Tensor3.of(2, 3, 2, v);
        Session s = Session.of("nan", Double.NaN, java.util.Map.of(Split.TRAIN, SplitData.of(t, t)));
        Path f = dir.resolve("nan.h5");
        LfadsH5Writer.write(s, f);
        Session back = LfadsH5Reader.read(f);
        assertTrue(Float.isNaN(back.split(Split.TRAIN).encod().get(0, 1, 1)));
        assertTrue(Double.isNaN(back.binSizeMs()));
        assertArrayEquals(t.toFlatArray(), back.split(Split.TRAIN).encod().toFlatArray());
    }
}

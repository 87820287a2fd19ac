package org.latentlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files LatentLab writes must open in h5py the way lfads-torch opens them, and files h5py writes (both
 * lfads-torch's layout and the older train_data layout, gzip-compressed) must read back in LatentLab.
 * Needs Debian's python3-h5py, which .ci/run installs; skipped where it is missing.
 */
class H5pyInteropTest {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static Path script;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsH5py() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        assumeTrue(run(List.of(PYTHON.toString(), "-c", "import h5py")).exit == 0, "python3-h5py is not installed");
        script = Path.of(H5pyInteropTest.class.getResource("/python/h5py_io.py").toURI());
    }

    record Result(int exit, String out) {
    }

    static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return new Result(p.exitValue(), out);
    }

    @Test
    void h5pyReadsWhatLatentLabWrites() throws Exception {
        Session s = TestSessions.full();
        Path f = dir.resolve("full.h5");
        LfadsH5Writer.write(s, f);
        Result r = run(List.of(PYTHON.toString(), script.toString(), "describe", f.toString()));
        assertEquals(0, r.exit, r.out);
        JsonNode j = new ObjectMapper().readTree(r.out);
        JsonNode arrays = j.get("arrays");
        SplitData train = s.split(Split.TRAIN);
        assertEquals("[8,10,4]", arrays.get("train_encod_data").get("shape").toString());
        assertEquals("float32", arrays.get("train_encod_data").get("dtype").asText());
        assertEquals("[8,13,6]", arrays.get("train_recon_data").get("shape").toString());
        assertEquals(train.recon().sum(), arrays.get("train_recon_data").get("sum").asDouble(), 1e-3);
        assertEquals(train.truth().sum(), arrays.get("train_truth").get("sum").asDouble(), 1e-3);
        assertEquals("[2,10,1]", arrays.get("test_inputs_truth").get("shape").toString());
        assertEquals("[8]", arrays.get("train_cond_idx").get("shape").toString());
        assertEquals("[]", arrays.get("conversion_factor").get("shape").toString());
        assertEquals(100.0, arrays.get("conversion_factor").get("sum").asDouble());
        assertEquals("[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]", arrays.get("recon_channel_names").get("values").toString());
        assertEquals(10.0, j.get("attrs").get("bin_size_ms").asDouble());
    }

    @Test
    void latentLabReadsTheOlderLayoutWrittenByH5py() throws Exception {
        Path f = dir.resolve("legacy.h5");
        Result r = run(List.of(PYTHON.toString(), script.toString(), "write-legacy", f.toString()));
        assertEquals(0, r.exit, r.out);
        Session s = LfadsH5Reader.read(f);
        assertEquals(7, s.split(Split.TRAIN).trials());
        assertEquals(3, s.split(Split.VALID).trials());
        assertEquals(5, s.heldInChannels());
        assertEquals(0, s.heldOutChannels());
        assertEquals(50.0, s.conversionFactor());
        assertEquals(s.split(Split.TRAIN).encod(), s.split(Split.TRAIN).recon());
        assertEquals(2.5f, s.split(Split.VALID).truth().get(2, 19, 4));
        assertEquals(9, s.split(Split.VALID).trialIds()[2]);
        assertNull(s.split(Split.TEST));
    }

    @Test
    void latentLabReadsTheLfadsTorchLayoutWrittenByH5py() throws Exception {
        Path f = dir.resolve("torch.h5");
        Result r = run(List.of(PYTHON.toString(), script.toString(), "write-torch", f.toString()));
        assertEquals(0, r.exit, r.out);
        Session s = LfadsH5Reader.read(f);
        assertEquals(6, s.heldInChannels());
        assertEquals(2, s.heldOutChannels());
        assertEquals(2, s.forwardBins());
        assertEquals(20.0, s.binSizeMs());
        assertEquals(1, s.extInputChannels());
        Tensor3 recon = s.split(Split.TRAIN).recon();
        Tensor3 encod = s.split(Split.TRAIN).encod();
        assertEquals(recon.get(5, 9, 5), encod.get(5, 9, 5));
    }
}

package org.latentlab.core.data.nwb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;

/** The real MC_Maze test-split recording, checked against counts computed straight from the raw file. */
class McMazeImportTest {
    private static final NwbImportOptions NLB = NwbImportOptions.of("move_onset_time", -250, 450, 5);
    private static Path file;
    private static double[] spikeTimes;
    private static long[] spikeIndex;
    private static long[] unitIds;
    private static double[] onsets;

    @BeforeAll
    static void locate() {
        Path root = Path.of(System.getProperty("latentlab.project.dir", "."));
        file = root.resolve("../shared/data/mc_maze/sub-Jenkins_ses-full_desc-test_ecephys.nwb").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(file), "MC_Maze recording not present at " + file);
        // Raw columns read with jhdf directly, not through the reader under test.
        try (HdfFile h5 = new HdfFile(file)) {
            spikeTimes = (double[]) h5.getDatasetByPath("/units/spike_times").getData();
            spikeIndex = (long[]) h5.getDatasetByPath("/units/spike_times_index").getData();
            unitIds = (long[]) h5.getDatasetByPath("/units/id").getData();
            onsets = (double[]) h5.getDatasetByPath("/intervals/trials/move_onset_time").getData();
        }
    }

    @Test
    void shapesAndSpikeTotalMatchADirectCount() {
        Session s = NwbImporter.importSession(file, NLB);
        assertEquals(574, s.totalTrials());
        assertEquals(140, s.bins());
        assertEquals(137, s.reconChannels());
        assertEquals(137, s.heldInChannels());
        assertEquals(5.0, s.binSizeMs());

        // The obviously-correct count: every spike against every trial's window, same membership test.
        long expected = 0;
        for (double onset : onsets) {
            double lo = onset + -250 / 1000.0;
            double hi = onset + 450 / 1000.0;
            for (double t : spikeTimes) {
                if (lo <= t && t < hi) {
                    expected++;
                }
            }
        }
        double total = s.splits().values().stream().mapToDouble(d -> d.recon().sum()).sum();
        assertEquals(expected, (long) total);
        assertEquals(230_348, expected, "README: every spike of the file lies in a trial window");
    }

    @Test
    void everyBinMatchesAnIntegerNanosecondCount() {
        Session s = NwbImporter.importSession(file, NLB);
        List<String> names = s.channelNames();
        for (SplitData d : s.splits().values()) {
            int[] trialIds = d.trialIds();
            Tensor3 recon = d.recon();
            for (int c = 0; c < names.size(); c++) {
                int unit = indexOf(unitIds, Long.parseLong(names.get(c)));
                int from = unit == 0 ? 0 : (int) spikeIndex[unit - 1];
                for (int i = 0; i < trialIds.length; i++) {
                    // Exact integer arithmetic: a spike on a decimal bin edge goes to the bin that starts there.
                    long loNs = Math.round(onsets[trialIds[i]] * 1e9) - 250_000_000L;
                    int[] want = new int[140];
                    for (int k = from; k < spikeIndex[unit]; k++) {
                        long bin = Math.floorDiv(Math.round(spikeTimes[k] * 1e9) - loNs, 5_000_000L);
                        if (bin >= 0 && bin < 140) {
                            want[(int) bin]++;
                        }
                    }
                    for (int b = 0; b < 140; b++) {
                        assertEquals(want[b], (int) recon.get(i, b, c), "trial " + trialIds[i] + " unit " + names.get(c) + " bin " + b);
                    }
                }
            }
        }
    }

    @Test
    void randomSplitCoversEveryTrialOnceAndIsSeeded() {
        Session s = NwbImporter.importSession(file, NLB);
        assertEquals(459, s.split(Split.TRAIN).trials());
        assertEquals(115, s.split(Split.VALID).trials());
        assertTrue(!s.has(Split.TEST), "test fraction 0 means no test split");
        int[] all = s.splits().values().stream().flatMapToInt(d -> Arrays.stream(d.trialIds())).sorted().toArray();
        int[] rows = new int[574];
        Arrays.setAll(rows, i -> i);
        assertArrayEquals(rows, all);

        Session again = NwbImporter.importSession(file, NLB);
        assertArrayEquals(s.split(Split.VALID).trialIds(), again.split(Split.VALID).trialIds());
        Session other = NwbImporter.importSession(file, NLB.withSeed(7).withFractions(0.2, 0.1));
        assertNotEquals(Arrays.toString(s.split(Split.VALID).trialIds()), Arrays.toString(other.split(Split.VALID).trialIds()));
        assertEquals(57, other.split(Split.TEST).trials());
        assertEquals(115, other.split(Split.VALID).trials());
        assertEquals(402, other.split(Split.TRAIN).trials());
    }

    @Test
    void channelNamesAreUnitIdsAndProvenanceIsRecorded() {
        Session s = NwbImporter.importSession(file, NLB);
        assertEquals(Arrays.stream(unitIds).mapToObj(Long::toString).toList(), s.channelNames());
        Map<String, String> a = s.attributes();
        assertEquals("sub-Jenkins_ses-full_desc-test_ecephys.nwb", a.get("source_file"));
        assertEquals("ad802feb85beb41660550ee9820ad42e9e591dd61c10d401d1cf2eab3ab5de10", a.get("source_sha256"));
        assertEquals("move_onset_time", a.get("align_column"));
        assertEquals("-250:450", a.get("window_ms"));
        assertEquals("0", a.get("trials_skipped_nan_align"));
        assertEquals("", a.get("heldout_units"), "the file's heldout column is all false");
        assertEquals("sub-Jenkins_ses-full_desc-test_ecephys", s.name());
    }

    @Test
    void fortyFiveRandomHeldOutUnitsAreSeededAndOrderedAfterTheHeldIn() {
        NwbImportOptions o = NLB.withHeldOut(new HeldOut.RandomCount(45)).withSeed(3);
        Session s = NwbImporter.importSession(file, o);
        assertEquals(92, s.heldInChannels());
        assertEquals(45, s.heldOutChannels());
        assertEquals(137, s.reconChannels());
        Session same = NwbImporter.importSession(file, o);
        assertEquals(s.channelNames(), same.channelNames());
        assertEquals(s.attributes().get("heldout_units"), same.attributes().get("heldout_units"));
        Session other = NwbImporter.importSession(file, o.withSeed(4));
        assertNotEquals(s.attributes().get("heldout_units"), other.attributes().get("heldout_units"));
        // Changing the held-out draw must not reshuffle the trials.
        assertArrayEquals(s.split(Split.VALID).trialIds(),
                NwbImporter.importSession(file, NLB.withSeed(3)).split(Split.VALID).trialIds());

        List<String> names = s.channelNames();
        assertEquals(String.join(",", names.subList(92, 137)), s.attributes().get("heldout_units"));
        assertIncreasingFileOrder(names.subList(0, 92));
        assertIncreasingFileOrder(names.subList(92, 137));
        SplitData train = s.split(Split.TRAIN);
        int[] first92 = new int[92];
        Arrays.setAll(first92, i -> i);
        assertEquals(train.recon().selectChannels(first92), train.encod());

        // Held-out channels carry the same counts as the same unit in a plain import.
        Session plain = NwbImporter.importSession(file, NLB.withSeed(3));
        for (int c : new int[] {0, 91, 92, 136}) {
            int p = plain.channelNames().indexOf(names.get(c));
            assertEquals(plain.split(Split.TRAIN).recon().selectChannels(new int[] {p}),
                    train.recon().selectChannels(new int[] {c}));
        }
    }

    @Test
    void explicitHeldOutIdsAndUnknownIds() {
        Session s = NwbImporter.importSession(file, NLB.withHeldOut(HeldOut.parse("1031,1011")));
        assertEquals(135, s.heldInChannels());
        assertEquals(List.of("1011", "1031"), s.channelNames().subList(135, 137), "held-out units in file order");
        assertEquals("1032", s.channelNames().get(0));
        DataException e = assertThrows(DataException.class,
                () -> NwbImporter.importSession(file, NLB.withHeldOut(HeldOut.parse("1011,99999"))));
        assertTrue(e.getMessage().startsWith(file.toString() + ": heldout unit id 99999 is not in the units table"), e.getMessage());
    }

    @Test
    void splitColumnOfAllTestTrialsIsRefusedClearly() {
        DataException e = assertThrows(DataException.class,
                () -> NwbImporter.importSession(file, NLB.withSplitColumn(true)));
        assertEquals(file + ": the split column (/intervals/trials/split) marks no trial 'train' (574 test);"
                + " import with a random split instead", e.getMessage());
    }

    @Test
    void unknownAlignmentColumnListsTheColumns() {
        DataException e = assertThrows(DataException.class,
                () -> NwbImporter.importSession(file, NwbImportOptions.of("go_cue_time", -250, 450, 5)));
        assertEquals(file + ": the trials table has no column 'go_cue_time' to align on; available: start_time,"
                + " stop_time, move_onset_time", e.getMessage());
    }

    private static int indexOf(long[] a, long v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new AssertionError("no unit " + v);
    }

    private static void assertIncreasingFileOrder(List<String> ids) {
        int prev = -1;
        for (String id : ids) {
            int at = indexOf(unitIds, Long.parseLong(id));
            assertTrue(at > prev, "channel order must follow file order");
            prev = at;
        }
    }
}

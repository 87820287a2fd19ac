package org.latentlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IlqrVaeTrainerTest {
    @Test
    void chunksCoverEveryBinWithTheLastAlignedToTheEnd() {
        List<int[]> c = IlqrVaeTrainer.chunks(2, 25, 10);
        assertEquals(6, c.size());
        assertArrayEquals(new int[] {0, 0}, c.get(0));
        assertArrayEquals(new int[] {0, 10}, c.get(1));
        assertArrayEquals(new int[] {0, 15}, c.get(2)); // 15..24, overlapping the second chunk
        assertArrayEquals(new int[] {1, 0}, c.get(3));
        assertEquals(2, IlqrVaeTrainer.chunks(2, 20, 10).size() / 2);
        assertEquals(1, IlqrVaeTrainer.chunks(1, 10, 10).size());
    }
}

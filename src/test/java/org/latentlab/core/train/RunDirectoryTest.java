package org.latentlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.data.DataException;

/** A run directory knows its run: the same identity resumes, another is refused naming the key. */
class RunDirectoryTest {
    @TempDir
    Path dir;

    private static Map<String, String> identity(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aKeyAddedByALaterReleaseMatchesAnOlderRunOnlyAtItsDefault() throws Exception {
        RunDirectory run = new RunDirectory(dir.resolve("run"));
        // An older release wrote this run: it knew no model.readin_dim.
        assertEquals(RunDirectory.Status.NEW, run.prepare(identity("seed", "0", "model.gen_dim", "100"), "yaml"));
        Files.writeString(run.lastCheckpoint(), "x");
        Map<String, String> defaults = identity("model.gen_dim", "100", "model.readin_dim", "0");

        assertEquals(RunDirectory.Status.RESUME, run.prepare(identity("seed", "0", "model.gen_dim", "100",
                "model.readin_dim", "0"), "yaml", "config.yaml", defaults));
        DataException e = assertThrows(DataException.class, () -> run.prepare(identity("seed", "0",
                "model.gen_dim", "100", "model.readin_dim", "40"), "yaml", "config.yaml", defaults));
        assertTrue(e.getMessage().contains("'model.readin_dim' was absent, now '40'"), e.getMessage());
        e = assertThrows(DataException.class, () -> run.prepare(identity("seed", "1", "model.gen_dim", "100",
                "model.readin_dim", "0"), "yaml", "config.yaml", defaults));
        assertTrue(e.getMessage().contains("'seed' was '0', now '1'"), e.getMessage());
    }
}

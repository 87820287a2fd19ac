package org.latentlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.latentlab.core.data.DataException;

/** Finds the bundled sample files: {@code sample-data/} under the install directory or the working directory. */
final class SampleData {
    private SampleData() {
    }

    static Path path(String name) {
        String home = System.getProperty("latentlab.home");
        for (Path dir : new Path[] {home == null ? null : Path.of(home, "sample-data"), Path.of("sample-data")}) {
            if (dir != null && Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new DataException("sample-data/" + name + ": not found (run LatentLab from its directory, or "
                + "regenerate the samples with sample-data/regenerate.sh)");
    }
}

package org.latentlab.core.data;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** Opening HDF5 files with errors a user can act on. */
public final class H5Files {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private H5Files() {
    }

    /** Opens an HDF5 file for reading, or throws a one-line DataException (missing, not HDF5, corrupt). */
    public static HdfFile open(Path file) {
        if (!Files.exists(file)) {
            throw DataException.inFile(file, "no such file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw DataException.inFile(file, "not a readable file");
        }
        if (!hasSignature(file)) {
            throw DataException.inFile(file, "not an HDF5 file (no HDF5 signature)");
        }
        try {
            return new HdfFile(file);
        } catch (RuntimeException e) {
            throw DataException.inFile(file, "cannot be opened (truncated or corrupt HDF5: " + H5Arrays.oneLine(e) + ")");
        }
    }

    /** The children of a group, or a DataException when the group's index cannot be read. */
    public static Map<String, Node> children(Path file, Group g) {
        try {
            return g.getChildren();
        } catch (RuntimeException e) {
            throw DataException.inFile(file, "group '" + g.getPath() + "' cannot be read (truncated or corrupt HDF5: "
                    + H5Arrays.oneLine(e) + ")");
        }
    }

    /**
     * HDF5's signature sits at byte 0, or at 512, 1024, ... when the file has a user block; the first
     * few offsets are enough in practice.
     */
    static boolean hasSignature(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[8];
            long offset = 0;
            for (long want = 0; want <= 8192; want = want == 0 ? 512 : want * 2) {
                long skip = want - offset;
                if (skip > 0 && in.skip(skip) != skip) {
                    return false;
                }
                if (in.readNBytes(buf, 0, 8) != 8) {
                    return false;
                }
                offset = want + 8;
                if (Arrays.equals(buf, SIGNATURE)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}

package org.latentlab.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a partial one:
 * the content goes to a temporary file in the same directory, which is then renamed over the target.
 * On failure the temporary file is removed and nothing is left behind.
 */
public final class AtomicFiles {
    /** Writes a whole file at the given (temporary) path. */
    @FunctionalInterface
    public interface Writer {
        void write(Path tmp) throws IOException;
    }

    /** Temporary files being written now; removed if the JVM is stopped (e.g. SIGTERM) mid-write. */
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : IN_FLIGHT) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // the JVM is going down; nothing else can be done
                }
            }
        }, "atomic-files-cleanup"));
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Writer writer) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            IN_FLIGHT.add(tmp);
            writer.write(tmp);
            // Temporary files are created owner-only; the finished file gets the usual rw-r--r--.
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            IN_FLIGHT.remove(tmp);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write (" + e.getMessage() + ")", e);
        } finally {
            if (tmp != null) {
                IN_FLIGHT.remove(tmp);
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the write already failed and that error is what the user needs to see
                }
            }
        }
    }

    /** Writes a text file atomically. */
    public static void writeString(Path target, String text) {
        write(target, tmp -> Files.writeString(tmp, text));
    }
}

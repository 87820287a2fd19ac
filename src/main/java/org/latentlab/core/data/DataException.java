package org.latentlab.core.data;

/**
 * Bad input: a file, key, shape or value a user supplied is not what LatentLab can use.
 * The message is one line that names the file and the key or field at fault; the command line prints
 * it as it is and exits with code 2.
 */
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Prefixes a message with the file it concerns, e.g. {@code data.h5: key 'x' is missing}. */
    public static DataException inFile(Object file, String message) {
        return new DataException(file + ": " + message);
    }
}

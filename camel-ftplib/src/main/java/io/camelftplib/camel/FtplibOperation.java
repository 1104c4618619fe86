package io.camelftplib.camel;

import java.util.Locale;

/**
 * What a producer does with a message, chosen by the header {@link FtplibConstants#FTPLIB_OPERATION}.
 *
 * <p>Immutable; thread-safe.
 */
public enum FtplibOperation {
    /** Upload the body (STOR, or APPE for {@code fileExist=Append}): the default. */
    PUT,
    /** Download the file named by CamelFileName into the body (read fully, the transfer confirmed). */
    GET,
    /** List the names in the directory named by CamelFileName (or the endpoint directory) as a List body. */
    LIST,
    /** Delete the file named by CamelFileName (DELE). */
    DELETE,
    /** Rename the file named by CamelFileName to CamelFtplibRenameTo (RNFR/RNTO). */
    RENAME,
    /** Create the directory named by CamelFileName and its parents (MKD). */
    MKDIR,
    /** Tell whether the file named by CamelFileName exists (MLST or SIZE): a Boolean body. */
    EXISTS;

    /**
     * Parses a header value.
     *
     * @param value the header value, e.g. {@code put} or {@code PUT}; null means {@link #PUT}
     * @return the operation
     * @throws IllegalArgumentException naming the allowed values when the value is unknown
     */
    public static FtplibOperation parse(Object value) {
        if (value == null) {
            return PUT;
        }
        if (value instanceof FtplibOperation operation) {
            return operation;
        }
        String text = value.toString().trim().toUpperCase(Locale.ROOT);
        for (FtplibOperation operation : values()) {
            if (operation.name().equals(text)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown " + FtplibConstants.FTPLIB_OPERATION + " '" + value
                + "': use one of put, get, list, delete, rename, mkdir, exists");
    }
}

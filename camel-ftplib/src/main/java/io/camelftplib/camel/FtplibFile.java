package io.camelftplib.camel;

import java.util.Objects;

/**
 * One remote entry as a listing described it: the {@code T} of the generic file framework
 * ({@code GenericFile<FtplibFile>}).
 *
 * <p>Immutable.
 *
 * @param name         the name as the server listed it, without any path
 * @param kind         file, directory or another kind (links, devices)
 * @param size         the size in bytes, or -1 when the listing did not say
 * @param lastModified the modification time in UTC milliseconds, or -1 when the listing did not say
 */
public record FtplibFile(String name, Kind kind, long size, long lastModified) {

    /** What an entry is. */
    public enum Kind {
        /** A regular file. */
        FILE,
        /** A directory. */
        DIRECTORY,
        /** Anything else (a link the server did not resolve, a device): never fetched. */
        OTHER
    }

    /**
     * Validates the entry.
     *
     * @param name the name
     * @param kind the kind
     * @param size the size or -1
     * @param lastModified the time or -1
     * @throws NullPointerException when name or kind is null
     */
    public FtplibFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * Tells whether the entry is a regular file.
     *
     * @return true for {@link Kind#FILE}
     */
    public boolean isFile() {
        return kind == Kind.FILE;
    }

    /**
     * Tells whether the entry is a directory.
     *
     * @return true for {@link Kind#DIRECTORY}
     */
    public boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }
}

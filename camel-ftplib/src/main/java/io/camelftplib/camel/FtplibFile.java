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
 * @param sizeSource   where the size came from, e.g. {@code the MLSD listing}, named when a download delivers
 *                     another number of bytes; empty when the size is unknown
 */
public record FtplibFile(String name, Kind kind, long size, long lastModified, String sizeSource) {

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
     * @param sizeSource where the size came from, empty when it is unknown
     * @throws NullPointerException when name, kind or sizeSource is null
     */
    public FtplibFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sizeSource, "sizeSource");
    }

    /**
     * Describes an entry of which nothing but the name and kind is known.
     *
     * @param name the name
     * @param kind the kind
     * @return the entry, size and time -1
     */
    public static FtplibFile named(String name, Kind kind) {
        return new FtplibFile(name, kind, -1, -1, "");
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

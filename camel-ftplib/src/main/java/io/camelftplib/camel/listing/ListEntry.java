package io.camelftplib.camel.listing;

import java.util.Objects;

/**
 * One entry as a {@code LIST} line described it.
 *
 * <p>Immutable.
 *
 * @param name         the name, without a link target ({@code name -> target}) or a VMS version ({@code ;1})
 * @param type         file, directory or another kind (links, devices, MVS members)
 * @param size         the size in bytes, or -1 when the line does not tell it exactly (block counts, devices)
 * @param lastModified the time in UTC milliseconds, to the minute, or -1 when the line has none (also for times
 *                     before 1970, which {@code FtplibFile} cannot tell from "none")
 * @param version      the VMS file version, 0 for every other dialect
 */
public record ListEntry(String name, Type type, long size, long lastModified, int version) {

    /** What an entry is. */
    public enum Type {
        /** A regular file (or a data set, an OS/400 stream file or member). */
        FILE,
        /** A directory (or a partitioned data set, an OS/400 library). */
        DIRECTORY,
        /** Anything else: a symbolic link, a device, a pipe, a socket. */
        OTHER
    }

    /**
     * Validates the entry.
     *
     * @param name         the name, not empty
     * @param type         the type
     * @param size         the size or -1
     * @param lastModified the time or -1
     * @param version      the VMS version or 0
     * @throws NullPointerException     when name or type is null
     * @throws IllegalArgumentException when the name is empty
     */
    public ListEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a listed entry needs a name");
        }
        lastModified = Math.max(-1, lastModified);
    }
}

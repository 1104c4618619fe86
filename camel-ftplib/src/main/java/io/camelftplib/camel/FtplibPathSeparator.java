package io.camelftplib.camel;

/**
 * The path separator of produced file names (option {@code separator}), with the values of Camel's {@code ftp:} so
 * routes keep their URIs. FTP paths use {@code /} on every server, so only {@link #UNIX} and {@link #Auto} are
 * accepted.
 *
 * <p>Immutable; thread-safe.
 */
public enum FtplibPathSeparator {
    /** {@code /}, the default. */
    UNIX,
    /** {@code \}: refused, since paths are built and checked with {@code /}. */
    Windows,
    /** {@code /} as well: unlike {@code ftp:}, the local OS does not matter for remote paths. */
    Auto
}

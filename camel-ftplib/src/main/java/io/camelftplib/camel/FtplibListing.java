package io.camelftplib.camel;

/**
 * How the consumer lists a directory (option {@code listing}).
 *
 * <p>Immutable; thread-safe.
 */
public enum FtplibListing {
    /** MLSD when the server's FEAT offers it, else LIST: types, sizes and times are known either way. */
    AUTO,
    /** MLSD only (RFC 3659): names, types, sizes and UTC times with seconds in one round trip. */
    MLSD,
    /**
     * NLST names, then SIZE and MDTM per name (a directory, which SIZE refuses, is found with CWD and never
     * fetched): two or more commands per entry, for servers whose LIST cannot be parsed.
     */
    NLST,
    /** LIST, its lines read in the server's dialect (option {@code listingDialect}; minute precision). */
    LIST
}

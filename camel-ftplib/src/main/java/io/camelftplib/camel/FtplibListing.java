package io.camelftplib.camel;

/**
 * How the consumer lists a directory (option {@code listing}).
 *
 * <p>Immutable; thread-safe.
 */
public enum FtplibListing {
    /** MLSD when the server's FEAT offers it, else NLST, else LIST. */
    AUTO,
    /** MLSD only (RFC 3659): names, types, sizes and UTC times with seconds in one round trip. */
    MLSD,
    /** NLST names only, with SIZE/MDTM per file only when an option needs them. */
    NLST,
    /** LIST, its lines read in the server's dialect (option {@code listingDialect}; minute precision). */
    LIST
}

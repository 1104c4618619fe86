package io.camelftplib.camel;

/**
 * Whether a transfer's content is compared with a digest the server computes (option {@code verifyChecksum}).
 *
 * <p>The client computes the digest while the bytes stream (never a second read), then asks the server for the
 * digest of the stored file with the strongest command its {@code FEAT} offers: {@code HASH} (draft-bryan-ftpext-hash,
 * with {@code OPTS HASH}) or {@code XSHA256}, {@code XSHA1}, {@code XMD5}, {@code XCRC}. Immutable; thread-safe.
 */
public enum FtplibVerifyChecksum {
    /** No digest is computed or asked for. */
    NONE,
    /** Verifies when the server offers a hash command, transfers unverified otherwise. */
    AUTO,
    /** Verifies, and fails a transfer before it starts when the server offers no hash command. */
    REQUIRED
}

package io.camelftplib.ftplib;

/**
 * The representation type of a transfer ({@code TYPE}, RFC 959 section 3.1.1), for the stream transfers
 * {@link Ftp#retrStream(String, long, ExpectedSize, TransferType)} and
 * {@link Ftp#storStream(String, long, TransferType)}; ftplib chooses it by method ({@code retrbinary} sends
 * {@code TYPE I}, {@code retrlines} {@code TYPE A}).
 *
 * <p>Immutable.
 */
public enum TransferType {

    /** {@code TYPE I}: the bytes as stored; sizes can be checked. */
    BINARY("TYPE I"),
    /**
     * {@code TYPE A}: text whose line ends the server converts, so the bytes on the wire differ from the stored
     * size and no size is checked.
     */
    ASCII("TYPE A");

    private final String command;

    TransferType(String command) {
        this.command = command;
    }

    /**
     * Returns the command that selects this type.
     *
     * @return {@code TYPE I} or {@code TYPE A}
     */
    public String command() {
        return command;
    }
}

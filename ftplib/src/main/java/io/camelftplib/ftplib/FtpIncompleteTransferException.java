package io.camelftplib.ftplib;

/**
 * A transfer whose byte count disagrees with a size the engine knew: the server confirmed it (226), yet fewer
 * bytes arrived than announced (the data ended early, so it is truncated) or more (the server sent more than it
 * announced, e.g. the file grew while it was sent). After an upload, the server's {@code SIZE} disagrees with the
 * bytes sent. The data must not be used as the whole file.
 *
 * <p>The control connection is still in step: the final reply was read. The message names the command (and so
 * the file), both counts and where the expectation came from; {@link #reply()} is the reply that confirmed the
 * transfer (or the {@code SIZE} reply after an upload). A kind of {@link FtpProtoException}, ftplib's
 * {@code error_proto}, which ftplib would raise for a reply that breaks the protocol; ftplib itself checks no
 * sizes. Immutable.
 */
public class FtpIncompleteTransferException extends FtpProtoException {

    private static final long serialVersionUID = 1L;

    private final String command;
    private final long expected;
    private final long received;
    private final String source;

    FtpIncompleteTransferException(String reply, TransferCheck.Mismatch mismatch) {
        super(reply, mismatch.describe(), null);
        this.command = mismatch.command();
        this.expected = mismatch.expected();
        this.received = mismatch.actual();
        this.source = mismatch.source();
    }

    /**
     * Returns the transfer command.
     *
     * @return the command as sent, e.g. {@code RETR reports/a.csv} or {@code STOR a.bin}
     */
    public String command() {
        return command;
    }

    /**
     * Returns the path the transfer was about.
     *
     * @return the command's argument, e.g. {@code reports/a.csv}; empty when it had none
     */
    public String path() {
        int space = command.indexOf(' ');
        return space < 0 ? "" : command.substring(space + 1);
    }

    /**
     * Returns how many bytes were expected: of this transfer (the rest of the file after a restart offset) or,
     * after an upload, the bytes sent.
     *
     * @return the expected count
     */
    public long expected() {
        return expected;
    }

    /**
     * Returns how many bytes arrived: received by a download or, after an upload, stored on the server.
     *
     * @return the actual count
     */
    public long received() {
        return received;
    }

    /**
     * Returns where the size that disagrees came from.
     *
     * @return e.g. {@code the 150 reply}, {@code the MLSD listing}, {@code the SIZE reply} or
     *         {@code the SIZE reply after the upload}
     */
    public String source() {
        return source;
    }
}

package io.camelftplib.ftplib;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A download in flight, read by the caller: the stream of {@link Ftp#retrStream(String, long, ExpectedSize)}.
 * ftplib has no counterpart (its {@code retrbinary} pushes blocks to a callback); this is {@code retrbinary}'s body
 * turned around, so a caller can hand the bytes on as a stream.
 *
 * <p>The read that meets the end of the data also closes the data connection, reads the server's final reply and
 * checks the byte count against every size known for the transfer (the {@code 150} reply's, the caller's
 * {@link ExpectedSize}, a remembered {@code SIZE} reply), so {@code -1} means the file arrived whole and the server
 * confirmed it. Otherwise that read throws:
 * <ul>
 * <li>a 4xx/5xx final reply as {@link FtpTempException}/{@link FtpPermException}, a byte count that disagrees as
 *     {@link FtpIncompleteTransferException}; the control connection stays in step;</li>
 * <li>a failed or timed-out read of the data connection as it happened; the final reply is not awaited (a server
 *     that stalled will not send it in time) and the control connection is out of step: reconnect.</li>
 * </ul>
 *
 * <p>{@link #abort()} gives the transfer up; {@link #close()} before the end of the data aborts too, so a stream
 * closed early never counts as a success. While the stream is open the {@link Ftp} refuses other commands. Owns
 * the data connection. Not thread-safe: one reader.
 */
public final class RetrieveStream extends InputStream {

    private final OpenTransfer transfer;
    private final InputStream in;
    private final TransferCheck check;
    private final ExpectedSize expected;
    private long received;

    RetrieveStream(OpenTransfer transfer, TransferCheck check, ExpectedSize expected) throws IOException {
        this.transfer = transfer;
        this.check = check;
        this.expected = expected;
        this.in = transfer.guard(() -> transfer.data().socket().getInputStream());
    }

    /** The data socket, for a deadline that must close it from another thread. */
    Socket dataSocket() {
        return transfer.data().socket();
    }

    /**
     * Reads one byte; at the end of the data completes the transfer as {@link #read(byte[], int, int)} does.
     *
     * @return the byte, or -1 once the transfer completed
     * @throws IOException as {@link #read(byte[], int, int)}
     */
    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /**
     * Reads data; at its end closes the data connection, reads the final reply and checks the sizes.
     *
     * @param b   the buffer
     * @param off where to start in it
     * @param len the most bytes to read
     * @return the bytes read, or -1 once the server confirmed the whole file
     * @throws FtpIncompleteTransferException when the byte count disagrees with a known size
     * @throws FtpException                   when the final reply is not 2xx
     * @throws IOException                    when the data connection fails or times out (out of step then), or
     *                                        after the transfer failed or was aborted
     */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (transfer.isCompleted()) {
            return -1;
        }
        transfer.requireOpen();
        if (len == 0) {
            return 0;
        }
        int n = transfer.guard(() -> in.read(b, off, len));
        if (n < 0) {
            transfer.finish(reply -> check.download(reply, transfer.data().size(), expected, received));
            return -1;
        }
        received += n;
        return n;
    }

    /**
     * Gives the transfer up: resets the data connection and reads the server's reply (426, or 226 when all data
     * was sent already) within the client's timeout (5 seconds without one). When no reply comes in time the
     * control connection is out of step. Never throws; does nothing once the transfer ended.
     *
     * @return the reply, or {@code null} when the transfer had ended or no reply came in time
     */
    public String abort() {
        return transfer.abort();
    }

    /**
     * Ends the stream: after the end of the data it does nothing more; before it, it {@link #abort() aborts} the
     * transfer, which then does not count as completed. Idempotent; never throws.
     */
    @Override
    public void close() {
        transfer.abort();
    }

    /**
     * Marks the transfer failed by the caller (e.g. its sink failed) without awaiting the final reply: the data
     * connection is closed and the control connection out of step, as when a read fails.
     *
     * @param e the caller's failure; it gets a failure to close the data connection as suppressed
     */
    void fail(Exception e) {
        transfer.fail(e);
    }

    /**
     * Returns the bytes received so far.
     *
     * @return the count, from the restart offset on
     */
    public long bytesReceived() {
        return received;
    }

    /**
     * Returns the size the server announced in its {@code 150} reply, e.g. to size a buffer.
     *
     * @return the announced size (of the whole file or of the rest after {@code REST}, as servers differ), or
     *         empty when the reply named none
     */
    public OptionalLong announcedSize() {
        return transfer.data().size();
    }

    /**
     * Returns the final reply, once the server confirmed the whole file.
     *
     * @return the 2xx reply, or {@code null} while the transfer is open, or when it failed or was aborted
     */
    public String finalReply() {
        return transfer.finalReply();
    }

    /**
     * Tells whether the transfer completed: all data read, final reply 2xx, sizes agreeing.
     *
     * @return true after the read that returned -1
     */
    public boolean isCompleted() {
        return transfer.isCompleted();
    }

    @Override
    public String toString() {
        return "RetrieveStream[" + transfer.command() + ", " + received + " bytes]";
    }
}

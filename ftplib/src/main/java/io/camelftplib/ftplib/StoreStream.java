package io.camelftplib.ftplib;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * An upload in flight, written by the caller: the stream of {@link Ftp#storStream(String, long)}. ftplib has no
 * counterpart (its {@code storbinary} pulls from a file object); this is {@code storbinary}'s body turned around.
 *
 * <p>Writes go through the data connection's {@link DataConnection#outputStream() upload stream}: each is bounded
 * by the client's timeout, so a server that stops reading fails the upload instead of blocking it forever, and at
 * most 64 KiB go to the socket per call. {@link #close()} finishes the upload: it flushes, closes the data
 * connection (the end of the file for the server), reads the final reply and throws unless it is 2xx. A failed
 * write closes the data connection and leaves the control connection out of step (the final reply is not
 * awaited); {@code close()} after it does nothing. {@link #abort()} gives the upload up.
 *
 * <p>What the server stored can be checked afterwards with {@link Ftp#checkStoredSize(String, long)} and
 * {@link #bytesSent()}. While the stream is open the {@link Ftp} refuses other commands. Owns the data connection.
 * Not thread-safe: one writer.
 */
public final class StoreStream extends OutputStream {

    private final OpenTransfer transfer;
    private final OutputStream out;
    private long sent;

    StoreStream(OpenTransfer transfer) throws IOException {
        this.transfer = transfer;
        this.out = transfer.guard(() -> transfer.data().outputStream());
    }

    /**
     * Writes one byte.
     *
     * @param b the byte
     * @throws IOException as {@link #write(byte[], int, int)}
     */
    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /**
     * Sends bytes on the data connection.
     *
     * @param b   the buffer
     * @param off where to start in it
     * @param len how many bytes to send
     * @throws java.net.SocketTimeoutException when the server read nothing for the timeout (out of step then)
     * @throws IOException when the data connection fails (out of step then), or the transfer has ended
     */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        transfer.requireOpen();
        transfer.guard(() -> out.write(b, off, len));
        sent += len;
    }

    /**
     * Flushes what is buffered to the data connection.
     *
     * @throws IOException as {@link #write(byte[], int, int)}
     */
    @Override
    public void flush() throws IOException {
        transfer.requireOpen();
        transfer.guard(out::flush);
    }

    /**
     * Finishes the upload: flushes, closes the data connection and reads the final reply. Does nothing when the
     * upload already completed, failed or was aborted (its failure was thrown then).
     *
     * @throws FtpException when the final reply is not 2xx (in step)
     * @throws IOException  when flushing or closing the data connection fails (out of step)
     */
    @Override
    public void close() throws IOException {
        if (!transfer.isOpen()) {
            return;
        }
        transfer.guard(out::close);
        transfer.finish(reply -> { });
    }

    /**
     * Gives the upload up: resets the data connection, so the server sees an error rather than the end of the
     * file, and reads its reply (426 as a rule) within the client's timeout (5 seconds without one); when none
     * comes in time the control connection is out of step. The server may keep what arrived: upload under a
     * temporary name, or delete it. Never throws; does nothing once the upload ended.
     *
     * @return the reply, or {@code null} when the upload had ended or no reply came in time
     */
    public String abort() {
        return transfer.abort();
    }

    /**
     * Marks the upload failed by the caller (e.g. its source failed) without awaiting the final reply.
     *
     * @param e the caller's failure; it gets a failure to close the data connection as suppressed
     */
    void fail(Exception e) {
        transfer.fail(e);
    }

    /**
     * Returns the bytes written so far.
     *
     * @return the count, from the restart offset on
     */
    public long bytesSent() {
        return sent;
    }

    /**
     * Returns the final reply, once the server confirmed the upload.
     *
     * @return the 2xx reply, or {@code null} before {@link #close()} completed it, or when it failed or was aborted
     */
    public String finalReply() {
        return transfer.finalReply();
    }

    /**
     * Tells whether the upload completed: closed and confirmed with a 2xx reply.
     *
     * @return true after a successful {@link #close()}
     */
    public boolean isCompleted() {
        return transfer.isCompleted();
    }

    @Override
    public String toString() {
        return "StoreStream[" + transfer.command() + ", " + sent + " bytes]";
    }
}

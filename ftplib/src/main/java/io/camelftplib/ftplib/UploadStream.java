package io.camelftplib.ftplib;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;

/**
 * The output stream of an upload, behind {@link DataConnection#outputStream()}: it writes at most
 * {@link #WRITE_SIZE} bytes per socket call, and a {@link WriteWatchdog} bounds each call by the socket's
 * {@code SO_TIMEOUT}, so a server that stops reading fails the upload instead of blocking it forever.
 *
 * <p>{@link #close()} stops the watchdog and closes the socket's stream (and with it the socket, as
 * {@link Socket#getOutputStream()} does); it is idempotent. Not thread-safe: one writer per upload.
 */
final class UploadStream extends FilterOutputStream {

    // uploads write 64 KiB per call, as curl and CPython's ftplib at 64 KiB blocks do. Measured on loopback
    // against vsftpd (a 1 GiB upload, benchmarks module), 128 KiB writes cost 4-7x the context switches, about 30% more
    // client CPU and about 30% lower throughput, for Java and CPython alike; a larger SO_SNDBUF did not help, and
    // 32 KiB cost more CPU. The likely cause: 64 KiB is the largest TCP segment Linux builds (and loopback's
    // MTU), so a larger write is sent as several segments while the call still holds the socket, and sender and
    // receiver then take turns on it. Splitting here keeps every caller's buffer size from undoing this.
    /** The most bytes one socket write carries. */
    static final int WRITE_SIZE = 64 * 1024;

    private final WriteWatchdog watchdog;

    private UploadStream(OutputStream out, WriteWatchdog watchdog) {
        super(out);
        this.watchdog = watchdog;
    }

    /**
     * Opens the upload stream of a data socket, watched for the socket's read timeout.
     *
     * @param socket the data socket; an {@code SO_TIMEOUT} of 0 (ftplib without a timeout) watches nothing
     * @return the stream
     * @throws IOException when the socket is closed
     */
    static UploadStream open(Socket socket) throws IOException {
        int millis = socket.getSoTimeout();
        OutputStream out = socket.getOutputStream();
        return new UploadStream(out, WriteWatchdog.start(socket, millis == 0 ? null : Duration.ofMillis(millis)));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        for (int done = 0; done < len; done += WRITE_SIZE) {
            watchdog.writeStarted();
            try {
                out.write(b, off + done, Math.min(WRITE_SIZE, len - done));
            } catch (IOException e) {
                throw watchdog.check(e);
            } finally {
                watchdog.writeEnded();
            }
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw watchdog.check(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            watchdog.close();
        }
    }
}

package io.camelftplib.camel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.RetrieveStream;
import org.apache.camel.Exchange;

/**
 * A remote file being downloaded: the body of a streamed {@code ftplib:} message (inside its {@code GenericFile}).
 *
 * <p>It is deliberately not an {@link InputStream}: Camel's stream caching (on by default) copies stream bodies
 * into heap, and it leaves other types alone. Routes read it through Camel's type converters
 * ({@link FtplibConverters}): as an {@code InputStream} (streams, any size), or as {@code byte[]}/{@code String}
 * (which load the whole file into memory, as {@code convertBodyTo(String.class)}, {@code log("${body}")} or a
 * stream-caching processor that is handed the stream would).
 *
 * <p>The content can be read once. The engine's {@link RetrieveStream} decides whether the transfer is complete:
 * the read that meets the end of the data reads the server's final reply and checks the byte count against every
 * size known (the {@code 150} reply's, the listing's, the {@code REST} offset accounted for); anything but a
 * confirmed whole file (a 426, a dropped connection, a size mismatch) makes the last read throw, so the route fails
 * and the remote file is rolled back. When the route ends without reading to the end, the consumer reads the rest
 * (discarding it) before it commits, so a file is only ever moved, deleted or marked done after the server
 * confirmed a whole transfer.
 *
 * <p>With {@code verifyChecksum} the bytes are digested as they are read, and the read that meets the end of the data
 * also compares the digest with the server's ({@link TransferChecksum}): a difference fails it like a short transfer.
 *
 * <p>Owns the engine stream; {@link #abort()} releases it. Not thread-safe: one route thread reads it, then the
 * consumer completes it.
 */
public final class FtplibDownload {

    /** The smallest read buffer: reads of a route's own size pass it by anyway (BufferedInputStream reads through). */
    private static final int MIN_BUFFER = 8192;

    private final RetrieveStream remote;
    private final String path;
    private final Body body;
    private final InputStream routeView;
    private final TransferProgress progress;
    private IOException failure;
    private Exchange exchange;
    private String server = "the server";
    private TransferChecksum checksum;
    private Ftp ftp;
    private String command;

    FtplibDownload(RetrieveStream remote, String path, int bufferSize, OptionalLong expectedBytes,
                   TransferProgress progress) {
        this.remote = remote;
        this.path = path;
        this.progress = progress;
        this.body = new Body(bufferSize(bufferSize, remote.announcedSize(), expectedBytes));
        this.routeView = new RouteView(body);
    }

    /**
     * Sizes the read buffer: the endpoint's {@code bufferSize}, but no larger than the data when its size is known
     * (from the 150 reply or the listing). A poll of many small files would otherwise allocate (and zero) the whole
     * buffer for each: measured 128 KiB per 4 KiB file, 835 MB of garbage in a 6000-file benchmark.
     */
    private static int bufferSize(int configured, OptionalLong announced, OptionalLong expected) {
        int size = Math.max(configured, MIN_BUFFER);
        OptionalLong known = announced.isPresent() ? announced : expected;
        if (known.isPresent()) {
            return (int) Math.min(size, Math.max(known.getAsLong(), MIN_BUFFER));
        }
        return size;
    }

    /**
     * Returns the content as a stream for routes, the same one each time: it can be read once. A failed transfer
     * makes its read throw {@link org.apache.camel.component.file.GenericFileOperationFailedException} (unchecked)
     * saying the download failed, with the server's reply: whatever reads it (camel-file's {@code file:} producer
     * catches {@link IOException} and reports {@code Cannot store file: <local path>}) then passes on the real cause
     * instead of blaming its own side.
     *
     * @return the stream; its last read throws when the transfer is not confirmed whole
     */
    public InputStream getInputStream() {
        return routeView;
    }

    /**
     * Returns the content as a stream whose failures are the engine's {@link IOException}s, for the component's own
     * readers (into memory, into the local work directory), which wrap them themselves.
     *
     * @return the stream; its last read throws when the transfer is not confirmed whole
     */
    InputStream content() {
        return body;
    }

    /**
     * Makes the final reply show in the exchange's {@code CamelFtpReplyCode}/{@code CamelFtpReplyString} as soon as
     * it is read, and failures name the server.
     *
     * @param exchange the exchange whose body this is
     * @param server   the server, as failure messages name it
     */
    void reportTo(Exchange exchange, String server) {
        this.exchange = exchange;
        this.server = server;
    }

    /**
     * Has the bytes digested as they are read and, at the end of the data, compared with the server's digest
     * ({@code verifyChecksum}): a difference makes the last read throw, as a short transfer does. Call before the
     * first read.
     *
     * @param checksum the checksum of this transfer
     * @param ftp      the client, to ask for the server's digest once the transfer completed
     * @param name     the file as RETR named it
     */
    void verifyWith(TransferChecksum checksum, Ftp ftp, String name) {
        this.checksum = checksum;
        this.ftp = ftp;
        this.command = name;
    }

    /**
     * Returns the checksum the bytes are digested into.
     *
     * @return the checksum, empty without {@code verifyChecksum} or a hash command on the server
     */
    Optional<TransferChecksum> checksum() {
        return Optional.ofNullable(checksum);
    }

    /**
     * Returns the remote path being downloaded.
     *
     * @return the path as sent with RETR
     */
    public String getPath() {
        return path;
    }

    /**
     * Tells whether the transfer has ended, confirmed or failed.
     *
     * @return true once the final reply was read or the transfer failed
     */
    public boolean isCompleted() {
        return remote.isCompleted() || failure != null;
    }

    /**
     * Returns the server's final reply to the transfer.
     *
     * @return the 2xx reply, or null while the transfer is open or when it failed
     */
    public String getFinalReply() {
        return remote.finalReply();
    }

    /**
     * Reads whatever the route left unread (discarding it), then the final reply.
     *
     * @return the 226/250 reply
     * @throws IOException when the transfer failed at any point
     */
    String confirm() throws IOException {
        byte[] discard = new byte[MIN_BUFFER];
        while (body.read(discard) >= 0) {
            // the route did not need the rest; the server's confirmation needs it read
        }
        return remote.finalReply();
    }

    /**
     * Gives up the transfer after a failed route: the engine resets the data connection and reads the final reply
     * (426 or 226), or marks the control connection out of step (the next command reconnects) when that reply does
     * not come in time. Never throws; does nothing once the transfer ended.
     */
    void abort() {
        if (failure == null && !remote.isCompleted()) {
            failure = new IOException("the download of " + path + " was abandoned by the route");
        }
        remote.abort();
    }

    @Override
    public String toString() {
        return "FtplibDownload[" + path + (remote.isCompleted() ? ", done" : failure != null ? ", failed" : ", open")
                + "]";
    }

    /** The stream routes read: the engine's failure becomes one that says the download failed. */
    private final class RouteView extends java.io.FilterInputStream {

        private RuntimeException reported;

        RouteView(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw downloadFailed(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw downloadFailed(e);
            }
        }

        private RuntimeException downloadFailed(IOException e) {
            if (reported == null) {
                reported = OperationFailures.failed("Download failed: " + e.getMessage() + " (remote file " + path
                        + " on " + server + "; the local side is not at fault)", e);
            }
            return reported;
        }
    }

    /** The engine stream behind a buffer, keeping the first failure so every later read repeats it. */
    private final class Body extends InputStream {

        private final int bufferSize;
        private final byte[] one = new byte[1];
        // created on the first read and dropped at the end: a poll holds many downloads (its batch), and a buffer
        // kept by each would make the heap grow with the number of files (measured: 215 KiB a file)
        private InputStream in;

        Body(int bufferSize) {
            this.bufferSize = bufferSize;
        }

        @Override
        public int read() throws IOException {
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failure != null) {
                throw failure;
            }
            if (remote.isCompleted()) {
                return -1;
            }
            if (in == null) {
                InputStream counted = progress.track(remote);
                in = new BufferedInputStream(checksum == null ? counted : checksum.track(counted), bufferSize);
            }
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                in = null;
                failure = e;
                throw e;
            }
            if (n < 0) {
                in = null;
                if (exchange != null) {
                    ReplyHeaders.set(exchange.getMessage(), remote.finalReply());
                }
                verifyChecksum();
                progress.completed();
            }
            return n;
        }

        /** At the end of the data: compares the digest with the server's, before anything is committed. */
        private void verifyChecksum() throws IOException {
            if (checksum == null) {
                return;
            }
            try {
                checksum.verify(ftp, command, path);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
            if (exchange != null) {
                checksum.setHeaders(exchange.getMessage());
            }
        }

        @Override
        public void close() {
            // closing the stream early does not end the transfer: the consumer completes it (confirm or abort)
        }
    }
}

package io.camelftplib.camel;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

import io.camelftplib.ftplib.DataConnection;
import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remote file being downloaded: the body of a streamed {@code ftplib:} message (inside its {@code GenericFile}).
 *
 * <p>It is deliberately not an {@link InputStream}: Camel's stream caching (on by default) copies stream bodies
 * into heap, and it leaves other types alone. Routes read it through Camel's type converters
 * ({@link FtplibConverters}): as an {@code InputStream} (streams, any size), or as {@code byte[]}/{@code String}
 * (which load the whole file into memory, as {@code convertBodyTo(String.class)}, {@code log("${body}")} or a
 * stream-caching processor that is handed the stream would).
 *
 * <p>The content can be read once. Reading it to its end reads the server's final reply: a 226/250 completes the
 * transfer; anything else (a 426, a dropped connection, a size mismatch) makes the last read throw, so the route
 * fails and the remote file is rolled back. When the route ends without reading to the end, the consumer reads
 * the rest (discarding it) before it commits, so a file is only ever moved, deleted or marked done after the
 * server confirmed a whole transfer.
 *
 * <p>Not thread-safe: one route thread reads it, then the consumer completes it.
 */
public final class FtplibDownload {

    private static final Logger LOG = LoggerFactory.getLogger(FtplibDownload.class);
    /** The smallest read buffer: reads of a route's own size pass it by anyway (BufferedInputStream reads through). */
    private static final int MIN_BUFFER = 8192;

    private final FtplibSession session;
    private final DataConnection data;
    private final String path;
    private final boolean restarted;
    private final RemoteStream stream;
    private String finalReply;
    private IOException failure;
    private Exchange exchange;

    FtplibDownload(FtplibSession session, DataConnection data, String path, int bufferSize, boolean restarted)
            throws IOException {
        this.session = session;
        this.data = data;
        this.path = path;
        this.restarted = restarted;
        this.stream = new RemoteStream(data.socket().getInputStream(), bufferSize(bufferSize, data));
        session.transferOpened(this);
    }

    /**
     * Sizes the read buffer: the endpoint's {@code bufferSize}, but no larger than the file when the server announced
     * its size in the 150 reply. A poll of many small files would otherwise allocate (and zero) the whole buffer
     * for each: measured 128 KiB per 4 KiB file, 835 MB of garbage in a 6000-file benchmark.
     */
    private static int bufferSize(int configured, DataConnection data) {
        int size = Math.max(configured, MIN_BUFFER);
        if (data.size().isPresent()) {
            return (int) Math.min(size, Math.max(data.size().getAsLong(), MIN_BUFFER));
        }
        return size;
    }

    /**
     * Returns the content as a stream, the same one each time: it can be read once.
     *
     * @return the stream; its last read throws when the server did not confirm the transfer
     */
    public InputStream getInputStream() {
        return stream;
    }

    /**
     * Makes the final reply show in the exchange's {@code CamelFtpReplyCode}/{@code CamelFtpReplyString} as soon as
     * it is read.
     *
     * @param exchange the exchange whose body this is
     */
    void reportTo(Exchange exchange) {
        this.exchange = exchange;
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
        return finalReply != null || failure != null;
    }

    /**
     * Returns the server's final reply to the transfer.
     *
     * @return the 2xx reply, or null while the transfer is open or when it failed
     */
    public String getFinalReply() {
        return finalReply;
    }

    /**
     * Reads whatever the route left unread (discarding it), then the final reply.
     *
     * @return the 226/250 reply
     * @throws IOException when the transfer failed at any point
     */
    String confirm() throws IOException {
        if (!isCompleted()) {
            byte[] discard = new byte[8192];
            while (stream.read(discard) >= 0) {
                // the route did not need the rest; the server's confirmation needs it read
            }
        }
        if (failure != null) {
            throw failure;
        }
        return finalReply;
    }

    /**
     * Gives up the transfer after a failed route: closes the data connection and reads the final reply (426 or
     * 226), or drops the control connection when that reply does not come in time. Never throws.
     */
    void abort() {
        if (isCompleted()) {
            return;
        }
        failure = new IOException("the download of " + path + " was abandoned by the route");
        closeData();
        Ftp ftp = session.clientOfOpenTransfer();
        session.transferClosed();
        if (ftp == null) {
            return;
        }
        try {
            String reply = ftp.getResp();
            LOG.debug("Abandoned download of {}: server replied {}", path, reply);
        } catch (FtpException e) {
            // 426/451 is the expected answer to a data connection closed early
            LOG.debug("Abandoned download of {}: server replied {}", path, e.reply());
        } catch (IOException e) {
            LOG.debug("Abandoned download of {}: no final reply, reconnecting next time", path, e);
            session.drop();
        }
    }

    private void finish(long received) throws IOException {
        closeData();
        Ftp ftp = session.clientOfOpenTransfer();
        session.transferClosed();
        if (ftp == null) {
            throw fail(new IOException("the connection to " + session.config().remoteServerInformation()
                    + " was closed before the final reply to RETR " + path));
        }
        String reply;
        try {
            reply = ftp.voidResp();
        } catch (IOException e) {
            if (!(e instanceof FtpException)) {
                session.drop();
            }
            throw fail(e);
        }
        // after REST some servers (vsftpd) announce the whole file, others the rest: only a whole transfer compares
        if (!restarted && data.size().isPresent() && data.size().getAsLong() != received) {
            throw fail(new FtpException(reply, "the server announced " + data.size().getAsLong() + " bytes for RETR "
                    + path + " but sent " + received + "; the transfer was truncated", null));
        }
        finalReply = reply;
        if (exchange != null) {
            ReplyHeaders.set(exchange.getMessage(), reply);
        }
    }

    private void dropConnection(IOException cause) {
        fail(cause);
        closeData();
        session.transferClosed();
        session.drop();
    }

    private IOException fail(IOException e) {
        failure = e;
        return e;
    }

    private void closeData() {
        try {
            data.close();
        } catch (IOException e) {
            LOG.debug("Closing the data connection of {} failed", path, e);
        }
    }

    @Override
    public String toString() {
        return "FtplibDownload[" + path + (finalReply != null ? ", done" : failure != null ? ", failed" : ", open")
                + "]";
    }

    /** The data connection's stream, which turns the end of data into the server's verdict. */
    private final class RemoteStream extends InputStream {

        private final InputStream socketIn;
        private final int bufferSize;
        private final byte[] one = new byte[1];
        // created on the first read and dropped at the end: a poll holds many downloads (its batch), and a buffer
        // kept by each would make the heap grow with the number of files (measured: 215 KiB a file)
        private InputStream in;
        private long received;

        RemoteStream(InputStream socketIn, int bufferSize) {
            this.socketIn = socketIn;
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
            if (finalReply != null) {
                return -1;
            }
            if (in == null) {
                in = new java.io.BufferedInputStream(socketIn, bufferSize);
            }
            int n;
            try {
                n = in.read(b, off, len);
            } catch (SocketTimeoutException e) {
                // no data within the timeout: a server that stalls the data connection would send its final reply
                // no sooner, so waiting for it (up to soTimeout) would hold the route; reconnect next time instead
                in = null;
                dropConnection(e);
                throw e;
            } catch (IOException e) {
                // a reset data connection: the server's final reply (426) may or may not follow
                in = null;
                abort();
                throw fail(e);
            }
            if (n < 0) {
                in = null;
                finish(received);
                return -1;
            }
            received += n;
            return n;
        }

        @Override
        public void close() {
            // closing the stream early does not end the transfer: the consumer completes it (confirm or abort)
        }
    }
}

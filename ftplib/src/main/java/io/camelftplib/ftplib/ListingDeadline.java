package io.camelftplib.ftplib;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds a whole listing, not each read: a server that trickles one entry every few seconds never trips the read
 * timeout and would hold the caller for as long as it likes. When the limit passes, the data socket is closed, the
 * blocked read fails, and {@link #explain(IOException, long)} turns that failure into a
 * {@link SocketTimeoutException} that says what happened.
 *
 * <p>One per listing; a single shared daemon thread serves all of them. Thread-safe between the reader and that
 * thread.
 */
final class ListingDeadline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ListingDeadline.class);
    private static final ScheduledThreadPoolExecutor TIMER = timer();
    private static final ListingDeadline NONE = new ListingDeadline(null, null, null);

    private final String command;
    private final Duration limit;
    private final ScheduledFuture<?> expiry;
    private volatile boolean expired;

    private ListingDeadline(String command, Duration limit, Socket socket) {
        this.command = command;
        this.limit = limit;
        this.expiry = socket == null ? null : TIMER.schedule(() -> expire(socket), limit.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the clock of one listing.
     *
     * @param command the listing command, for the message
     * @param limit   how long the whole listing may take; {@code null} for no bound
     * @param socket  the listing's data socket, closed when the limit passes
     * @return the deadline; close it when the listing ended
     */
    static ListingDeadline start(String command, Duration limit, Socket socket) {
        return limit == null ? NONE : new ListingDeadline(command, limit, socket);
    }

    private void expire(Socket socket) {
        expired = true;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing the data connection of {} after its listing timeout failed", command, e);
        }
    }

    /**
     * Explains a failed read: when the limit passed, the read failed because the socket was closed for it.
     *
     * @param failure the read's failure
     * @param lines   how many lines had arrived
     * @return a {@link SocketTimeoutException} naming the limit when it passed, else {@code failure}
     */
    IOException explain(IOException failure, long lines) {
        if (!expired) {
            return failure;
        }
        SocketTimeoutException timedOut = new SocketTimeoutException("the listing " + command + " did not finish "
                + "within the listing timeout of " + limit.toMillis() + " ms (" + lines + " lines arrived): the "
                + "server sends it too slowly or never ends it; raise the listing timeout if the directory is "
                + "that large");
        timedOut.initCause(failure);
        return timedOut;
    }

    /** Stops the clock; idempotent. */
    @Override
    public void close() {
        if (expiry != null) {
            expiry.cancel(false);
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "ftplib-listing-deadline");
            thread.setDaemon(true);
            return thread;
        });
        // cancelled deadlines (the usual end) leave the queue at once, so a busy client keeps it short
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}

package io.camelftplib.ftplib;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds uploads to a server that stops reading: a Java socket write has no timeout and would
 * block forever, so a daemon thread closes the data socket when a write has made no progress for the timeout.
 * The blocked write then fails, and {@link #check(IOException)} turns that failure into a
 * {@link SocketTimeoutException} that says what happened.
 *
 * <p>One per upload, driven by {@link UploadStream}; {@link #close()} stops the thread and is idempotent, and the
 * thread also ends on its next check once the socket is closed. Thread-safe between the writer and the
 * watchdog thread.
 */
final class WriteWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WriteWatchdog.class);

    private final Socket socket;
    private final Duration timeout;
    private final Thread thread;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean writing;
    private volatile boolean fired;
    private volatile boolean closed;

    private WriteWatchdog(Socket socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
        this.thread = new Thread(this::watch, "ftplib-write-watchdog");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching the socket's writes.
     *
     * @param socket  the data socket
     * @param timeout how long a write may make no progress; {@code null} watches nothing (blocking forever, as
     *                ftplib without a timeout)
     * @return the watchdog
     */
    static WriteWatchdog start(Socket socket, Duration timeout) {
        WriteWatchdog dog = new WriteWatchdog(socket, timeout);
        if (timeout != null) {
            dog.thread.start();
        }
        return dog;
    }

    /** Notes that a write begins: from now on, no progress for the timeout closes the socket. */
    void writeStarted() {
        // the clock starts with the write: time the caller spent between writes (reading a slow source) is no stall
        lastProgress = System.nanoTime();
        writing = true;
    }

    /** Notes that a write returned (done or failed): it made progress. */
    void writeEnded() {
        lastProgress = System.nanoTime();
        writing = false;
    }

    /**
     * Explains a failed write when the watchdog caused it.
     *
     * @param failure the write's exception
     * @return a {@link SocketTimeoutException} naming the stall when the watchdog fired, else {@code failure}
     */
    IOException check(IOException failure) {
        if (!fired) {
            return failure;
        }
        SocketTimeoutException stalled = new SocketTimeoutException("the server read nothing of the upload for "
                + timeout.toMillis() + " ms; the data connection was closed (check the server's disk and quota)");
        stalled.initCause(failure);
        return stalled;
    }

    private void watch() {
        long limit = timeout.toNanos();
        // a closed socket ends the watch too, for callers that close the connection but not the stream
        while (!closed && !socket.isClosed()) {
            LockSupport.parkNanos(this, Math.max(limit / 4, 1_000_000L));
            if (!closed && writing && System.nanoTime() - lastProgress > limit) {
                fired = true;
                try {
                    socket.close();
                } catch (IOException e) {
                    // the blocked write reports the stall through check(); this only explains a failed close
                    LOG.debug("closing the stalled data socket failed", e);
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}

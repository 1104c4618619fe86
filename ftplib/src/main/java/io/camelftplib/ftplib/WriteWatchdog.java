package io.camelftplib.ftplib;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds uploads to a server that stops reading (contract H26): a Java socket write has no timeout and would
 * block forever, so a daemon thread closes the data socket when a write has made no progress for the timeout.
 * The blocked write then fails, and {@link #check(IOException)} turns that failure into a
 * {@link SocketTimeoutException} that says what happened.
 *
 * <p>One per upload; {@link #close()} stops the thread and is idempotent. Thread-safe between the writer and the
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

    /**
     * Wraps the socket's output stream so each write is watched.
     *
     * @param out the socket's stream
     * @return the watched stream
     */
    OutputStream guard(OutputStream out) {
        if (timeout == null) {
            return out;
        }
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writing = true;
                try {
                    out.write(b, off, len);
                } finally {
                    lastProgress = System.nanoTime();
                    writing = false;
                }
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
        };
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
        while (!closed) {
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

package io.camelftplib.benchmarks;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.LockSupport;

/**
 * One direction of a proxied connection, delayed: a reader task takes chunks from a {@link Source} and queues each
 * with a deadline ({@code now + delay}); a writer task writes them to the target socket in order, each no earlier
 * than its deadline. Chunks read while earlier ones wait are in flight together, as bytes on a long wire are, so
 * throughput is not capped at one chunk per delay. The queue is bounded (backpressure: a slow receiver slows the
 * reader instead of filling the heap).
 *
 * <p>At the end of the source the writer half-closes the target ({@code shutdownOutput}) once the queue is
 * drained, so a server's 226 after a data transfer still arrives. The {@link ProxyLink} that owns both directions
 * closes the sockets. Thread-safe: {@link #inject} may be called from any thread.
 */
final class DelayedPipe {

    /** Where the bytes of one direction come from: the next chunk, or null at the end. */
    @FunctionalInterface
    interface Source {
        /**
         * Reads the next chunk.
         *
         * @return the bytes, or null at the end of the stream
         * @throws IOException when reading fails (also when the link was closed under it)
         */
        byte[] next() throws IOException;
    }

    // 256 chunks of at most 64 KiB: 16 MiB in flight per direction, far above 1 ms of loopback traffic
    private static final int QUEUE_CHUNKS = 256;

    /** The end of the source: EOF (the writer half-closes the target) or an error (the link closes anyway). */
    private static final Chunk END = new Chunk(0, null);
    private static final Chunk BROKEN = new Chunk(0, null);

    private record Chunk(long deadline, byte[] bytes) {
    }

    private final String name;
    private final Source source;
    private final Socket target;
    private final long delayNanos;
    private final ProxyLink link;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);

    /**
     * Describes one direction.
     *
     * @param name   for thread names and failures, e.g. {@code control 127.0.0.1:40312 -> server}
     * @param source what to read
     * @param target where to write
     * @param delay  how long each chunk waits after it was read
     * @param link   told when this direction ends
     */
    DelayedPipe(String name, Source source, Socket target, Duration delay, ProxyLink link) {
        this.name = name;
        this.source = source;
        this.target = target;
        this.delayNanos = delay.toNanos();
        this.link = link;
    }

    /** Starts the reader and the writer on the proxy's threads. */
    void start(ExecutorService threads) {
        threads.execute(this::read);
        threads.execute(this::write);
    }

    /**
     * Queues bytes that did not come from the source, e.g. the proxy's own reply to a command it refuses.
     *
     * @param bytes    what to send
     * @param deadline when, on the {@link System#nanoTime()} clock
     * @throws InterruptedIOException when the proxy shuts down while the queue is full
     */
    void inject(byte[] bytes, long deadline) throws InterruptedIOException {
        put(new Chunk(deadline, bytes));
    }

    private void read() {
        Chunk last = BROKEN;
        try {
            byte[] bytes;
            while ((bytes = source.next()) != null) {
                put(new Chunk(System.nanoTime() + delayNanos, bytes));
            }
            last = END;
        } catch (IOException e) {
            // also the usual end when the other direction failed or close() shut the link
            link.failed(name, e);
        } finally {
            putEnd(last);
        }
    }

    private void write() {
        try {
            OutputStream out = target.getOutputStream();
            Chunk c;
            while ((c = queue.take()).bytes() != null) {
                waitUntil(c.deadline());
                out.write(c.bytes());
                out.flush();
            }
            if (c == END) {
                target.shutdownOutput();
            }
            link.finished();
        } catch (IOException e) {
            link.failed(name, e);
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            link.failed(name, new InterruptedIOException("interrupted: " + name));
        }
    }

    /** After a failed write: takes chunks until the reader's end, so a reader blocked on a full queue ends too. */
    private void drain() {
        try {
            while (queue.take().bytes() != null) {
                continue;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Chunk c) throws InterruptedIOException {
        try {
            queue.put(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted: " + name);
        }
    }

    private void putEnd(Chunk end) {
        try {
            put(end);
        } catch (InterruptedIOException e) {
            // only close() interrupts (shutdownNow), and it closes the sockets, so the writer fails anyway
            link.failed(name, e);
        }
    }

    private static void waitUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}

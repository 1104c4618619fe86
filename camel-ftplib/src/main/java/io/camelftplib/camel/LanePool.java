package io.camelftplib.camel;

import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * The {@code maxConnections} lanes (logged-in connections) of one consumer or producer. A thread leases a lane for
 * the length of one file's work (download, route, commit; or one upload) and every operation it makes in that time
 * goes over that lane. A thread holding no lease uses the first lane: the consumer's poll thread lists there, and
 * health checks read its state.
 *
 * <p>Lanes connect lazily, on their first command, and reconnect on their own after a failure, so a pool of four
 * costs three more logins only when four files are in flight at once.
 *
 * <p>TLS: each lane's connection asks the endpoint for its own {@code SSLContext}, so each has its own client
 * session cache. That is deliberate: JSSE keys its cache by host and port, so lanes sharing one context would offer
 * one connection's TLS session on another connection's data channel, which servers that demand session reuse
 * refuse. Measured with two engine clients sharing one context: the first client's next data connection failed with
 * 425 on ProFTPD over TLS 1.3 and with 522 on vsftpd ({@code require_ssl_reuse}) over TLS 1.2, and worked with a
 * context each. Within a lane every data connection resumes that lane's control session.
 *
 * <p>Thread-safe.
 */
final class LanePool {

    private final List<Lane> lanes;
    private final BlockingQueue<Lane> free;
    private final ThreadLocal<Lane> leased = new ThreadLocal<>();

    /**
     * Creates the lanes, unconnected.
     *
     * @param size  how many lanes, at least 1
     * @param lanes makes one lane
     */
    LanePool(int size, Supplier<Lane> lanes) {
        if (size < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + size);
        }
        List<Lane> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(lanes.get());
        }
        this.lanes = List.copyOf(all);
        this.free = new ArrayBlockingQueue<>(size, true, all);
    }

    /**
     * Returns the lane of the calling thread: the one it leased, else the first.
     *
     * @return the lane
     */
    Lane current() {
        Lane lane = leased.get();
        return lane != null ? lane : lanes.get(0);
    }

    /**
     * Returns the first lane, the one threads without a lease use.
     *
     * @return the first lane
     */
    Lane first() {
        return lanes.get(0);
    }

    /**
     * Returns every lane, for closing them all.
     *
     * @return the lanes, first one first
     */
    List<Lane> all() {
        return lanes;
    }

    /**
     * Returns how many lanes there are.
     *
     * @return {@code maxConnections}
     */
    int size() {
        return lanes.size();
    }

    /**
     * Waits for a free lane and binds it to the calling thread until the lease is closed. A thread that holds a
     * lease already gets a lease on the same lane, which its close leaves in place.
     *
     * @return the lease; close it (try-with-resources) when the work is done
     * @throws InterruptedIOException when interrupted while waiting
     */
    Lease lease() throws InterruptedIOException {
        Lane held = leased.get();
        if (held != null) {
            return new Lease(held, false);
        }
        try {
            Lane lane = free.take();
            leased.set(lane);
            return new Lease(lane, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a free FTP connection");
        }
    }

    /** The use of one lane by one thread; closing it makes the lane free again. */
    final class Lease implements AutoCloseable {

        private final Lane lane;
        private final boolean owner;
        private boolean closed;

        private Lease(Lane lane, boolean owner) {
            this.lane = lane;
            this.owner = owner;
        }

        /**
         * Returns the leased lane.
         *
         * @return the lane
         */
        Lane lane() {
            return lane;
        }

        /** Unbinds the lane from the thread and frees it; a second close does nothing. */
        @Override
        public void close() {
            if (closed || !owner) {
                return;
            }
            closed = true;
            leased.remove();
            free.add(lane);
        }
    }
}

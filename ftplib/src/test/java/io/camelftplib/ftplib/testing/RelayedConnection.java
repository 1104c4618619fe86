package io.camelftplib.ftplib.testing;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection the {@link FaultProxy} relays: the client's socket, the server's socket, and what lives and
 * dies with them (a control connection's unused data listeners). It closes everything once both directions have
 * ended, as soon as one fails, or when a fault cuts it, and then tells the proxy it is gone. Thread-safe:
 * the two relaying threads and the proxy's {@code close()} may all close it; closing is idempotent.
 */
final class RelayedConnection implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(RelayedConnection.class);

    private final String name;
    private final Socket client;
    private final Socket server;
    private final List<Closeable> attached = new CopyOnWriteArrayList<>();
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> closedSignal = new CompletableFuture<>();
    private final Runnable onClose;

    RelayedConnection(String name, Socket client, Socket server, Runnable onClose) {
        this.name = name;
        this.client = client;
        this.server = server;
        this.onClose = onClose;
    }

    Socket client() {
        return client;
    }

    Socket server() {
        return server;
    }

    /** Completes when the connection is closed, for whoever waits on it. */
    CompletableFuture<Void> closedSignal() {
        return closedSignal;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Closes {@code resource} with this connection; at once when it is closed already. */
    void attach(Closeable resource) throws IOException {
        attached.add(resource);
        if (closed.get()) {
            resource.close();
        }
    }

    /** Forgets a resource that closes itself from now on. */
    void detach(Closeable resource) {
        attached.remove(resource);
    }

    /** One direction reached its end of stream and passed it on; after both, the connection is over. */
    void directionEnded() {
        if (ended.incrementAndGet() == 2) {
            close();
        }
    }

    /** One direction failed (reset, closed under it): the connection is over for both. */
    void directionFailed(String direction, IOException e) {
        if (!closed.get()) {
            // a reset or a closed socket is how dropped connections end; the tests judge the client's view of it
            LOG.debug("{}: {} ended with {}", name, direction, e.toString());
        }
        close();
    }

    /** Ends the connection on both sides the way a fault asks: an orderly close, or a reset. */
    void cut(Cut how) {
        if (how == Cut.RST) {
            for (Socket s : List.of(client, server)) {
                try {
                    s.setSoLinger(true, 0);
                } catch (IOException e) {
                    // the socket is closed already: it cannot be reset any more, and close() below is a no-op
                    LOG.debug("{}: cannot set linger 0 on {}: {}", name, s, e.toString());
                }
            }
        }
        close();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Closeable c : List.of(client, server)) {
            closeQuietly(c);
        }
        attached.forEach(this::closeQuietly);
        closedSignal.complete(null);
        onClose.run();
    }

    private void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing a socket of a connection that is over already; nothing is lost
            LOG.debug("{}: closing {} failed: {}", name, c, e.toString());
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

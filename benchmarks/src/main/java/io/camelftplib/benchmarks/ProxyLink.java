package io.camelftplib.benchmarks;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A proxied connection: the client's socket, the server's socket and the two {@link DelayedPipe}s between them.
 * It closes both sockets (and whatever else was attached, e.g. a control connection's unused data listeners)
 * once both directions have finished, or as soon as one fails, and then leaves the proxy's list of open things.
 * Thread-safe: the pipes report from their own threads; {@link #close()} is idempotent.
 */
final class ProxyLink implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyLink.class);

    private final String name;
    private final List<Closeable> resources = new CopyOnWriteArrayList<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onClose;

    /**
     * Pairs two sockets.
     *
     * @param name    for the log, e.g. {@code data 127.0.0.1:40312 <-> 127.0.0.1:31007}
     * @param client  the client's side
     * @param server  the server's side
     * @param onClose run once, after closing (the proxy forgets the link)
     */
    ProxyLink(String name, Socket client, Socket server, Runnable onClose) {
        this.name = name;
        this.onClose = onClose;
        resources.add(client);
        resources.add(server);
    }

    /** Closes {@code resource} with the link; closes it at once when the link is closed already. */
    void attach(Closeable resource) throws IOException {
        resources.add(resource);
        if (closed.get()) {
            resource.close();
        }
    }

    /** Forgets a resource that now closes itself (a data listener after its one accept). */
    void detach(Closeable resource) {
        resources.remove(resource);
    }

    /** One direction delivered everything and half-closed its target. */
    void finished() {
        if (finished.incrementAndGet() == 2) {
            close();
        }
    }

    /** One direction failed: the connection is over for both. */
    void failed(String direction, IOException e) {
        if (!closed.get()) {
            // a reset or a closed socket is how a dropped connection ends; the benchmark's own checks judge it
            LOG.debug("{}: {} ended with {}", name, direction, e.toString());
        }
        close();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Closeable c : resources) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("{}: closing {} failed: {}", name, c, e.toString());
            }
        }
        onClose.run();
    }

    @Override
    public String toString() {
        return name;
    }
}

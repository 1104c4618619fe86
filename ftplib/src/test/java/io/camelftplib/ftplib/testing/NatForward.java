package io.camelftplib.ftplib.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router of a client behind NAT, for active mode: when the embedded server receives {@code PORT} naming the
 * external address, it listens there on the same port and forwards the server's data connection to the client's
 * listener on {@code 127.0.0.1}, as a router forwarding the active port range does. Loopback addresses stand in
 * for the two networks (e.g. {@code 127.0.0.2} as the router's public address).
 *
 * <p>{@link #close()} closes every listener and connection. Thread-safe: the server's command hook opens
 * forwards, the test reads the count.
 */
public final class NatForward implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NatForward.class);

    private final String externalAddress;
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "nat-forward");
        thread.setDaemon(true);
        return thread;
    });

    private NatForward(String externalAddress) {
        this.externalAddress = externalAddress;
    }

    /**
     * Forwards, for each {@code PORT} the server receives in this test, the external address's port to 127.0.0.1.
     *
     * @param server          the server whose PORT commands are watched
     * @param externalAddress the router's public address, e.g. {@code 127.0.0.2}
     * @return the forward; the caller closes it
     */
    public static NatForward forPortCommands(EmbeddedFtpServerExtension server, String externalAddress) {
        NatForward nat = new NatForward(externalAddress);
        server.beforeCommand("PORT", nat::listen);
        return nat;
    }

    /**
     * Counts the data connections forwarded so far.
     *
     * @return the count
     */
    public int forwarded() {
        return forwarded.get();
    }

    private void listen(String portArgument) {
        String[] parts = portArgument.split(",");
        String host = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        int port = Integer.parseInt(parts[4]) * 256 + Integer.parseInt(parts[5]);
        if (!host.equals(externalAddress)) {
            return;
        }
        try {
            // bound before the server handles PORT, so its connection finds the router listening
            ServerSocket listener = new ServerSocket(port, 1, InetAddress.getByName(externalAddress));
            open.add(listener);
            threads.execute(() -> forward(listener, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void forward(ServerSocket listener, int port) {
        try (listener) {
            Socket outside = listener.accept();
            Socket inside = new Socket();
            open.add(outside);
            open.add(inside);
            inside.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            forwarded.incrementAndGet();
            threads.execute(() -> pump(outside, inside));
            pump(inside, outside);
        } catch (IOException e) {
            LOG.debug("NAT forward of port {} ended: {}", port, e.toString());
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            LOG.debug("NAT forward direction ended: {}", e.toString());
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        threads.shutdownNow();
    }
}

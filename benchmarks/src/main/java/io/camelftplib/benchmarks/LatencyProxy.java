package io.camelftplib.benchmarks;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user-space FTP proxy that adds a fixed delay to every byte in each direction, so the benchmarks can show how
 * clients fare on a network where a round trip costs milliseconds (this machine's kernel has no netem, and
 * loopback round trips cost about 30 µs). Started by {@code BenchmarkMain --latency-ms N}.
 *
 * <p>It listens on 127.0.0.1 (an ephemeral port) and opens, for every client control connection, one to the real
 * server. Every chunk read on either side is written to the other side no earlier than {@code delay} after it was
 * read, in order, with many chunks in flight ({@link DelayedPipe}): a round trip through it costs at least twice
 * the delay, and throughput is not capped. Passive replies (227, 229) are rewritten to a listener of the proxy,
 * which relays the data connection to the server's real data port with the same delay ({@link DataRelay}).
 *
 * <p>Limits: <b>passive mode only</b>; {@code PORT}/{@code EPRT} are refused with a 502, since in active mode the
 * server would connect to the client directly and the data would bypass the delay. Plain FTP only: after
 * {@code AUTH TLS} the passive replies are encrypted and cannot be rewritten. The connection handshakes (TCP
 * SYN) are not delayed, only bytes; the server sees every connection come from 127.0.0.1, so its command log
 * (and the harness's command counts) stay as they are.
 *
 * <p>Threads: four tasks per relayed connection (reader and writer per direction) and one per waiting data
 * listener, on a cached pool of daemon threads; each task ends when its connection closes. {@link #close()}
 * stops accepting, closes every open connection and listener, and stops the pool; it is idempotent.
 * Thread-safe.
 */
final class LatencyProxy implements AutoCloseable {

    /** Where the proxy listens and where it expects the server: the benchmarks run on loopback. */
    static final String HOST = "127.0.0.1";

    private static final Logger LOG = LoggerFactory.getLogger(LatencyProxy.class);

    private final String serverHost;
    private final int serverPort;
    private final Duration delay;
    private final ServerSocket listener;
    private final ExecutorService threads;
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong dataConnections = new AtomicLong();
    private volatile boolean closed;

    private LatencyProxy(String serverHost, int serverPort, Duration delay) throws IOException {
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        this.delay = delay;
        this.listener = new ServerSocket(0, 50, InetAddress.getByName(HOST));
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "latency-proxy-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a proxy in front of a server.
     *
     * @param serverHost the real server's address
     * @param serverPort its control port
     * @param delay      added to every chunk in each direction; positive
     * @return the running proxy; the caller closes it
     * @throws IOException when the listener cannot be opened
     */
    static LatencyProxy start(String serverHost, int serverPort, Duration delay) throws IOException {
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("the latency proxy needs a positive delay, not " + delay
                    + "; without one, point the clients at the server directly");
        }
        LatencyProxy proxy = new LatencyProxy(serverHost, serverPort, delay);
        proxy.threads.execute(proxy::acceptClients);
        LOG.info("latency proxy on {}:{} -> {}:{}, {} ms each way", HOST, proxy.port(), serverHost, serverPort,
                delay.toMillis());
        return proxy;
    }

    /** The address clients connect to. */
    String host() {
        return HOST;
    }

    /** The port clients connect to. */
    int port() {
        return listener.getLocalPort();
    }

    /** The delay in each direction. */
    Duration delay() {
        return delay;
    }

    /**
     * Counts the data connections relayed so far, so a run can show that the data went through the delay (a
     * client that somehow reached the server's data port directly would leave this at 0).
     */
    long dataConnections() {
        return dataConnections.get();
    }

    int serverPort() {
        return serverPort;
    }

    ExecutorService threads() {
        return threads;
    }

    /** Connects to the server: its control port or a data port it named. */
    Socket connectToServer(int port) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(serverHost, port), 30_000);
            return s;
        } catch (IOException e) {
            s.close();
            throw new IOException("latency proxy cannot reach the server at " + serverHost + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** Connects to the server's data port for a client that connected to a data listener. */
    Socket connectDataToServer(int port) throws IOException {
        Socket s = connectToServer(port);
        dataConnections.incrementAndGet();
        return s;
    }

    /** Pairs two sockets in a link that the proxy closes on {@link #close()} and forgets when it closes itself. */
    ProxyLink track(String name, Socket client, Socket server) {
        ProxyLink[] self = new ProxyLink[1];
        self[0] = new ProxyLink(name, client, server, () -> open.remove(self[0]));
        open.add(self[0]);
        if (closed) {
            // close() ran between the accept and here: do not leave this one behind
            self[0].close();
        }
        return self[0];
    }

    private void acceptClients() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("latency proxy stopped accepting: {}", e.toString());
                }
                return;
            }
            try {
                client.setTcpNoDelay(true);
                ControlRelay.start(this, client);
            } catch (IOException e) {
                refuse(client, e);
            }
        }
    }

    /** Tells the client why, in FTP's words (421: service not available), then closes it. */
    private static void refuse(Socket client, IOException cause) {
        try (client; OutputStream out = client.getOutputStream()) {
            out.write(("421 " + cause.getMessage().replace('\r', ' ').replace('\n', ' ') + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
        LOG.warn("latency proxy refused a client: {}", cause.toString());
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        try {
            listener.close();
        } catch (IOException e) {
            failure = e;
        }
        for (Closeable c : List.copyOf(open)) {
            try {
                c.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        threads.shutdownNow();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "LatencyProxy[" + HOST + ":" + port() + " -> " + serverHost + ":" + serverPort + ", "
                + delay.toMillis() + " ms each way]";
    }
}

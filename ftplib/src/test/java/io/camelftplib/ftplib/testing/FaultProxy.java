package io.camelftplib.ftplib.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An FTP-aware TCP proxy for fault-injection tests: it sits between a client and a real server, relays the
 * control connection line by line and the passive data connections byte by byte, and does to them, on cue, what
 * networks and servers do to transfers in the field: a cut (FIN or RST) after N bytes, a truncated file that the
 * server still acknowledges with {@code 226}, a stall, a flipped byte, a command answered with a reply of the
 * proxy's choosing, a control connection cut after N bytes or dropped once idle. Arm a fault with the fluent API, e.g.
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port())) {
 *     Fault cut = proxy.nextDownload().truncateAfter(3 * MiB);
 *     proxy.onCommand("RETR", 2).reply("425 Can't open data connection.");
 *     // point the client at proxy.host():proxy.port()
 * }
 * }</pre>
 * Each armed fault strikes once, on the Nth matching event counted from when it was armed; {@link Fault#hasFired}
 * tells whether it did.
 *
 * <p>Limits: passive mode only ({@code PORT} and {@code EPRT} are answered with 502); plain FTP only (after
 * {@code AUTH TLS} the passive replies are encrypted and cannot be rewritten); the proxy connects to the data port
 * on the control connection's server, whatever address a 227 names, as ftplib does. A transfer's final 2xx reply
 * is held until the client has its end of data, so a {@code 226} never overtakes the data it acknowledges.
 *
 * <p>Threads, all named {@link #THREAD_PREFIX}...: one accepts, two relay each control and each data connection,
 * one waits on each data listener; each ends with its connection. {@link #close()} stops accepting, closes every
 * connection and listener and stops the threads; it is idempotent. Thread-safe: tests arm faults and read the
 * counters while the proxy relays.
 */
public final class FaultProxy implements AutoCloseable {

    /** The prefix of every thread the proxy runs, so a test can check that none outlives it. */
    public static final String THREAD_PREFIX = "fault-proxy-";

    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
    private static final String SESSION = "control connection";
    private static final String CONTROL = "control ";
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final ArmedFaults<TransferKind, DataFault> dataFaults = new ArmedFaults<>();
    private final ArmedFaults<String, CommandFault> commandFaults = new ArmedFaults<>();
    private final ArmedFaults<String, SessionFault> sessionFaults = new ArmedFaults<>();
    private final AtomicLong sessions = new AtomicLong();
    private final AtomicLong dataConnections = new AtomicLong();
    private final Set<RelayedConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadNumbers = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(this::newThread);
    private final String serverHost;
    private final int serverPort;
    private final ServerSocket listener;
    private volatile IdleDrop idleDrop;
    private volatile boolean closed;

    private FaultProxy(String serverHost, int serverPort) throws IOException {
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    private Thread newThread(Runnable task) {
        Thread thread = new Thread(task, THREAD_PREFIX + threadNumbers.incrementAndGet());
        // a test that forgets close() must not keep the JVM alive; the leak checks find the thread anyway
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Starts a proxy on the loopback address (an ephemeral port) in front of a server.
     *
     * @param serverHost the real server's address
     * @param serverPort its control port
     * @return the running proxy; the caller closes it
     * @throws IOException when the listener cannot be opened
     */
    public static FaultProxy start(String serverHost, int serverPort) throws IOException {
        FaultProxy proxy = new FaultProxy(serverHost, serverPort);
        proxy.threads.execute(proxy::acceptClients);
        LOG.debug("fault proxy on {}:{} -> {}:{}", proxy.host(), proxy.port(), serverHost, serverPort);
        return proxy;
    }

    /**
     * Returns the address clients connect to.
     *
     * @return the loopback address, dotted
     */
    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    /**
     * Returns the port clients connect to.
     *
     * @return the ephemeral port
     */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Arms a fault on the next download ({@code RETR}) through the proxy.
     *
     * @return where to choose the fault
     */
    public TransferFaults nextDownload() {
        return download(1);
    }

    /**
     * Arms a fault on the Nth download ({@code RETR}) from now.
     *
     * @param nth 1 for the next one
     * @return where to choose the fault
     */
    public TransferFaults download(int nth) {
        return transfer(TransferKind.DOWNLOAD, nth);
    }

    /**
     * Arms a fault on the next upload ({@code STOR}, {@code APPE} or {@code STOU}) through the proxy.
     *
     * @return where to choose the fault
     */
    public TransferFaults nextUpload() {
        return upload(1);
    }

    /**
     * Arms a fault on the Nth upload from now.
     *
     * @param nth 1 for the next one
     * @return where to choose the fault
     */
    public TransferFaults upload(int nth) {
        return transfer(TransferKind.UPLOAD, nth);
    }

    /**
     * Arms a fault on the next listing ({@code LIST}, {@code NLST} or {@code MLSD}) through the proxy.
     *
     * @return where to choose the fault
     */
    public TransferFaults nextListing() {
        return transfer(TransferKind.LISTING, 1);
    }

    private TransferFaults transfer(TransferKind kind, int nth) {
        String target = nth + ". " + kind.name().toLowerCase(Locale.ROOT);
        return new TransferFaults(target, fault -> {
            dataFaults.arm(kind, nth, fault);
            return fault.handle();
        });
    }

    /**
     * Arms the proxy to take over the next occurrence of a command, from any client.
     *
     * @param verb the command, e.g. {@code RETR}; case does not matter
     * @return where to choose what the proxy does instead
     */
    public CommandFaults onCommand(String verb) {
        return onCommand(verb, 1);
    }

    /**
     * Arms the proxy to take over the Nth occurrence of a command from now.
     *
     * @param verb the command, e.g. {@code SIZE}; case does not matter
     * @param nth  1 for the next one
     * @return where to choose what the proxy does instead
     */
    public CommandFaults onCommand(String verb, int nth) {
        return new CommandFaults(this, verb.toUpperCase(Locale.ROOT), nth);
    }

    Fault arm(String verb, int nth, CommandFault fault) {
        commandFaults.arm(verb, nth, fault);
        return fault.handle();
    }

    /**
     * Arms the next control connection a client opens to be cut after {@code bytes} bytes from the server to the
     * client (the welcome counts).
     *
     * @param bytes how many bytes of replies pass
     * @param cut   an orderly close or a reset
     * @return the armed fault
     */
    public Fault cutNextSessionAfter(long bytes, Cut cut) {
        SessionFault fault = new SessionFault(bytes, cut, new Fault("cut (" + cut + ") after " + bytes
                + " bytes of the next " + SESSION));
        sessionFaults.arm(SESSION, 1, fault);
        return fault.handle();
    }

    /**
     * Drops every control connection opened from now on once it has been idle (no byte in either direction) for
     * {@code idle}, as a stateful firewall or NAT does: afterwards nothing passes either way and nothing is closed,
     * so a client waiting for a reply waits until its timeout. Data connections are not affected.
     *
     * @param idle how long a control connection may be idle
     * @return the fault; it fires when a connection is dropped
     */
    public Fault dropSessionsIdleFor(Duration idle) {
        IdleDrop drop = new IdleDrop(idle, new Fault("drop of control connections idle for " + idle.toMillis()
                + " ms"));
        idleDrop = drop;
        return drop.handle();
    }

    /**
     * Returns the faults armed and not yet struck, for assertions and failure messages.
     *
     * @return their descriptions
     */
    public List<String> armedFaults() {
        List<String> all = new ArrayList<>();
        dataFaults.pending().forEach(f -> all.add(f.handle().toString()));
        commandFaults.pending().forEach(f -> all.add(f.handle().toString()));
        sessionFaults.pending().forEach(f -> all.add(f.handle().toString()));
        return all;
    }

    /** Forgets every armed fault that has not struck yet. */
    public void disarm() {
        dataFaults.clear();
        commandFaults.clear();
        sessionFaults.clear();
    }

    /**
     * Counts the control connections accepted so far.
     *
     * @return the count
     */
    public long sessions() {
        return sessions.get();
    }

    /**
     * Counts the data connections relayed so far.
     *
     * @return the count
     */
    public long dataConnections() {
        return dataConnections.get();
    }

    /**
     * Counts the connections (control and data) open through the proxy now, for leak checks.
     *
     * @return the count
     */
    public int openConnections() {
        return open.size();
    }

    InetAddress listenAddress() {
        return listener.getInetAddress();
    }

    Optional<DataFault> dataFault(TransferKind kind) {
        return dataFaults.strike(kind);
    }

    /** The idle drop for a new control connection, or null. */
    IdleDrop idleDrop() {
        return idleDrop;
    }

    Optional<SessionFault> sessionFault() {
        return sessionFaults.strike(SESSION);
    }

    Optional<CommandFault> commandFault(String verb) {
        return commandFaults.strike(verb);
    }

    void execute(Runnable task) {
        try {
            threads.execute(task);
        } catch (RejectedExecutionException e) {
            // the proxy closed meanwhile: the task's connection is closed too, so nothing is left to relay
            LOG.debug("fault proxy closed, task not started: {}", e.toString());
        }
    }

    /** Connects a client's data connection to the server's data port and tracks the pair. */
    RelayedConnection connectData(Socket client, int port) throws IOException {
        Socket server = connect(port);
        dataConnections.incrementAndGet();
        return track("data " + client.getRemoteSocketAddress() + " <-> " + serverHost + ":" + port, client, server);
    }

    private RelayedConnection track(String name, Socket client, Socket server) {
        RelayedConnection connection = new RelayedConnection(name, client, server, open::remove);
        open.add(connection);
        if (closed) {
            // the proxy closed while this one was being set up: it must not outlive the proxy
            connection.close();
        }
        return connection;
    }

    private Socket connect(int port) throws IOException {
        InetSocketAddress target = new InetSocketAddress(serverHost, port);
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        try {
            socket.connect(target, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot reach the server at " + target + " (" + e.getMessage() + ")", e);
        }
        return socket;
    }

    private void acceptClients() {
        while (!closed) {
            try {
                relayControl(listener.accept());
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("fault proxy stopped accepting: {}", e.toString());
                }
                return;
            }
        }
    }

    private void relayControl(Socket client) {
        Socket server;
        try {
            client.setTcpNoDelay(true);
            server = connect(serverPort);
        } catch (IOException e) {
            // the server is down or restarting: the client hears it as a server would say it, 421, and is hung up on
            hangUp(client, "421 fault proxy: " + e.getMessage().replaceAll("[\r\n]", " ") + "\r\n");
            return;
        }
        sessions.incrementAndGet();
        RelayedConnection control = track(CONTROL + client.getRemoteSocketAddress(), client, server);
        new ProxiedSession(this, control).start();
    }

    private static void hangUp(Socket client, String reply) {
        try (client) {
            client.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.debug("fault proxy could not tell a client {}: {}", reply.strip(), e.toString());
        }
    }

    /**
     * Stops accepting, closes every relayed connection and data listener, and stops the proxy's threads.
     * Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (listener) {
            // control connections first: their data connections close with them, so no reply held for a data
            // connection is released to a client that is still connected
            open.stream().sorted(Comparator.comparing(c -> !c.toString().startsWith(CONTROL)))
                    .toList().forEach(RelayedConnection::close);
        } catch (IOException e) {
            LOG.debug("closing the fault proxy's listener failed: {}", e.toString());
        } finally {
            threads.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[" + host() + ":" + port() + " -> " + serverHost + ":" + serverPort + "]";
    }
}

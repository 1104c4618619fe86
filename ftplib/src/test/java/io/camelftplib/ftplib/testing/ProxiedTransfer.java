package io.camelftplib.ftplib.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One passive data connection through the {@link FaultProxy}: the listener that a rewritten 227/229 names, the
 * one client connection it accepts, the connection to the server's real data port, and the two {@link DataPump}s
 * between them. The command that uses it ({@code RETR}, {@code STOR}, ...) tells it what it carries and which
 * fault, if any, to apply ({@link #assign}). {@link #delivered()} completes once the receiver of the data has its
 * end of data, or never will: the control relay holds the server's final reply until then, so a client never
 * reads a {@code 226} for data still in the proxy. Thread-safe: the control relay assigns, the proxy's tasks relay.
 */
final class ProxiedTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(ProxiedTransfer.class);

    // a client that sent PASV connects at once; one that never does must not pin a thread for long
    private static final int ACCEPT_TIMEOUT_MILLIS = 30_000;
    // the command follows the connection at once; bounded so a client that never sends one frees the thread
    private static final long ASSIGN_TIMEOUT_SECONDS = 30;

    private final FaultProxy proxy;
    private final RelayedConnection control;
    private final int serverPort;
    private final ServerSocket listener;
    private final CompletableFuture<Assignment> assignment = new CompletableFuture<>();
    private final CompletableFuture<Void> delivered = new CompletableFuture<>();

    /** What the data connection carries and the fault armed for it. */
    private record Assignment(TransferKind kind, Optional<DataFault> fault) {
    }

    private ProxiedTransfer(FaultProxy proxy, RelayedConnection control, int serverPort) throws IOException {
        this.proxy = proxy;
        this.control = control;
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 1, proxy.listenAddress());
        listener.setSoTimeout(ACCEPT_TIMEOUT_MILLIS);
    }

    /**
     * Opens a listener for a passive reply and waits for the client on it.
     *
     * @param proxy      the proxy
     * @param control    the control connection: the listener closes with it
     * @param serverPort the data port the server named
     * @return the transfer; its {@link #port()} goes into the rewritten reply
     * @throws IOException when no listener can be opened
     */
    static ProxiedTransfer open(FaultProxy proxy, RelayedConnection control, int serverPort) throws IOException {
        ProxiedTransfer transfer = new ProxiedTransfer(proxy, control, serverPort);
        control.attach(transfer.listener);
        proxy.execute(transfer::accept);
        return transfer;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Completes when the data's receiver has its end of data, or never will. */
    CompletableFuture<Void> delivered() {
        return delivered;
    }

    /** Tells the transfer what the command that uses it carries, and the fault to apply (if any). */
    void assign(TransferKind kind, Optional<DataFault> fault) {
        assignment.complete(new Assignment(kind, fault));
    }

    private void accept() {
        try (listener) {
            Socket client = listener.accept();
            control.detach(listener);
            relay(client);
        } catch (SocketTimeoutException e) {
            LOG.debug("no client connected to the data listener for server port {} in {} ms", serverPort,
                    ACCEPT_TIMEOUT_MILLIS);
            delivered.complete(null);
        } catch (IOException e) {
            // closed with its control connection or the proxy: the normal end of an unused listener
            LOG.debug("data listener for server port {} ended: {}", serverPort, e.toString());
            delivered.complete(null);
        }
    }

    private void relay(Socket client) throws IOException {
        RelayedConnection data;
        try {
            data = proxy.connectData(client, serverPort);
        } catch (IOException e) {
            client.close();
            throw e;
        }
        data.closedSignal().thenRun(() -> delivered.complete(null));
        control.attach(data);
        proxy.execute(new DataPump("server to client", data, data.server(), data.client(), () -> faultFor(true),
                () -> delivered.complete(null)));
        proxy.execute(new DataPump("client to server", data, data.client(), data.server(), () -> faultFor(false),
                () -> deliveredIfUpload()));
    }

    private void deliveredIfUpload() {
        Assignment a = assignment.getNow(null);
        if (a != null && !a.kind().fromServer()) {
            delivered.complete(null);
        }
    }

    /** The fault for the direction that carries the data, waiting for the command when it has not passed yet. */
    private DataFault faultFor(boolean fromServer) {
        try {
            Assignment a = assignment.get(ASSIGN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return a.kind().fromServer() == fromServer ? a.fault().orElse(null) : null;
        } catch (TimeoutException | ExecutionException e) {
            LOG.debug("data on server port {} without a transfer command: relayed unharmed", serverPort);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}

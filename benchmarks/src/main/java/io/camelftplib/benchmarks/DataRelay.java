package io.camelftplib.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One passive data connection through the {@link LatencyProxy}: a listener on 127.0.0.1 that the rewritten 227/229
 * names, accepting exactly one client connection; then a connection to the server's real data port and the
 * delayed relay of raw bytes both ways. Each direction half-closes its target at its source's end, so a download
 * ends with EOF at the client while the control connection carries the 226. Thread-safe: runs on the proxy's
 * tasks.
 */
final class DataRelay {

    private static final Logger LOG = LoggerFactory.getLogger(DataRelay.class);

    // a client that sends PASV connects within a moment; one that never does must not pin a thread forever
    private static final int ACCEPT_TIMEOUT_MILLIS = 60_000;
    private static final int CHUNK = 64 * 1024;

    private DataRelay() {
    }

    /**
     * Opens the listener for one passive reply and starts waiting for the client on it.
     *
     * @param proxy      the proxy
     * @param control    the control connection's link: closing it closes a listener no one connected to
     * @param serverPort the server's data port from its reply
     * @return the listener's port, for the rewritten reply
     * @throws IOException when no listener can be opened
     */
    static int open(LatencyProxy proxy, ProxyLink control, int serverPort) throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName(LatencyProxy.HOST));
        listener.setSoTimeout(ACCEPT_TIMEOUT_MILLIS);
        control.attach(listener);
        proxy.threads().execute(() -> accept(proxy, control, listener, serverPort));
        return listener.getLocalPort();
    }

    private static void accept(LatencyProxy proxy, ProxyLink control, ServerSocket listener, int serverPort) {
        try (listener) {
            Socket client = listener.accept();
            control.detach(listener);
            relay(proxy, client, serverPort);
        } catch (SocketTimeoutException e) {
            LOG.debug("no client connected to the data listener for server port {} in {} ms", serverPort,
                    ACCEPT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            // closed with its control connection or the proxy: the normal end of an unused listener
            LOG.debug("data listener for server port {} ended: {}", serverPort, e.toString());
        }
    }

    private static void relay(LatencyProxy proxy, Socket client, int serverPort) throws IOException {
        Socket server;
        try {
            client.setTcpNoDelay(true);
            server = proxy.connectDataToServer(serverPort);
        } catch (IOException e) {
            client.close();
            throw e;
        }
        String name = "data " + client.getRemoteSocketAddress() + " <-> " + server.getRemoteSocketAddress();
        ProxyLink link = proxy.track(name, client, server);
        try {
            new DelayedPipe(name + " (client to server)", raw(client.getInputStream()), server, proxy.delay(), link)
                    .start(proxy.threads());
            new DelayedPipe(name + " (server to client)", raw(server.getInputStream()), client, proxy.delay(), link)
                    .start(proxy.threads());
        } catch (IOException e) {
            link.close();
            throw e;
        }
    }

    private static DelayedPipe.Source raw(InputStream in) {
        byte[] buffer = new byte[CHUNK];
        return () -> {
            int n = in.read(buffer);
            return n < 0 ? null : Arrays.copyOf(buffer, n);
        };
    }
}

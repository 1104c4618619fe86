package io.camelftplib.ftplib;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Opens a TCP connection to a target through an {@link FtpProxy}: connects to the proxy within the timeout, runs
 * the HTTP {@code CONNECT} ({@link HttpConnect}) or SOCKS5 ({@link Socks5Connect}) handshake with reads bounded by
 * the same timeout, and returns the socket, now a byte pipe to the target. A proxy that cannot be reached, closes
 * the connection or falls silent during the handshake raises {@link FtpProxyException} naming it. On any failure
 * the socket is closed. Stateless.
 *
 * <p>The JDK's own proxies do not serve here: {@code Proxy.Type.HTTP} applies to {@code URLConnection} only, and
 * {@code Proxy.Type.SOCKS} takes a username and password only from a JVM-wide {@code Authenticator}.
 */
final class ProxyTunnel {

    private ProxyTunnel() {
    }

    /**
     * Connects to {@code target} through {@code proxy}.
     *
     * @param proxy   the proxy
     * @param target  the FTP server's host (resolved by the proxy) and port
     * @param timeout bounds the connect and each read of the handshake; {@code null} blocks forever
     * @param source  the local address to bind, or {@code null}
     * @return the tunnelled socket, its read timeout set
     * @throws FtpProxyException when the proxy is unreachable, refuses or answers garbage
     * @throws IOException       when the socket fails otherwise
     */
    static Socket open(FtpProxy proxy, HostPort target, Duration timeout, InetSocketAddress source)
            throws IOException {
        Socket socket = new Socket();
        try {
            if (source != null) {
                socket.bind(source);
            }
            connect(socket, proxy, timeout);
            socket.setSoTimeout(DataConnector.millis(timeout));
            handshake(socket, proxy, target);
            return socket;
        } catch (IOException | RuntimeException e) {
            try {
                socket.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static void connect(Socket socket, FtpProxy proxy, Duration timeout) throws FtpProxyException {
        try {
            socket.connect(new InetSocketAddress(proxy.host(), proxy.port()), DataConnector.millis(timeout));
        } catch (IOException e) {
            throw new FtpProxyException(proxy.where(), null, "cannot connect to the " + proxy + ": " + e
                    + " (check the proxy host and port, and that the proxy runs and is reachable from here)", e);
        }
    }

    private static void handshake(Socket socket, FtpProxy proxy, HostPort target) throws IOException {
        String protocol = proxy.type() == FtpProxy.Type.HTTP ? "HTTP CONNECT" : "SOCKS5";
        try {
            if (proxy.type() == FtpProxy.Type.HTTP) {
                HttpConnect.handshake(socket, proxy, target);
            } else {
                Socks5Connect.handshake(socket, proxy, target);
            }
        } catch (EOFException e) {
            throw new FtpProxyException(proxy.where(), null, "the " + proxy + " closed the connection during the "
                    + protocol + " handshake for " + authority(target) + " (check that it is a " + protocol
                    + " proxy and allows this client)", e);
        } catch (SocketTimeoutException e) {
            throw new FtpProxyException(proxy.where(), null, "the " + proxy + " did not answer the " + protocol
                    + " handshake for " + authority(target) + " within the timeout (check that it is a " + protocol
                    + " proxy)", e);
        }
    }

    /** {@code host:port}, an IPv6 literal in brackets: the form of an HTTP CONNECT target and of messages. */
    static String authority(HostPort target) {
        String host = target.host().indexOf(':') >= 0 ? "[" + target.host() + "]" : target.host();
        return host + ":" + target.port();
    }

    /** Refuses a target host that could smuggle bytes into a handshake: empty, or with spaces or control bytes. */
    static void checkTargetHost(String host) {
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("FTP host \"" + host + "\" is empty or holds spaces or control"
                    + " characters; it cannot be sent to a proxy");
        }
    }
}

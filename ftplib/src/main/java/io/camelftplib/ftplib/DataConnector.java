package io.camelftplib.ftplib;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Opens connections: connects the control connection or a passive data connection, directly or through a proxy
 * ({@link ProxyTunnel}), or listens for and accepts an active one.
 *
 * <p>The checks that keep a hostile server from steering data elsewhere live here: a PASV address is range
 * checked before anything connects, and an active listener is bound to the control
 * connection's local address and accepts only the control connection's peer. Stateless.
 */
final class DataConnector {

    private DataConnector() {
    }

    /** Checks the port and, when the advertised host is trusted, the address a PASV/EPSV reply names. */
    static HostPort checkPassiveAddress(HostPort advertised, String reply, boolean hostTrusted) throws FtpException {
        if (advertised.port() < 1 || advertised.port() > 65535) {
            throw new FtpProtoException(reply, "the passive port " + advertised.port()
                    + " is outside 1-65535; refusing to connect", null);
        }
        if (hostTrusted) {
            checkTrustedHost(advertised.host(), reply);
        }
        return advertised;
    }

    /** Checks that the host of a 227 reply has octets 0-255, trusted or not: else the reply is garbage. */
    static void checkOctets(String host, String reply) throws FtpException {
        String[] octets = host.split("\\.");
        for (String octet : octets) {
            if (octet.length() > 3 || Integer.parseInt(octet) > 255) {
                throw new FtpProtoException(reply, "the PASV address " + host + " is not an IPv4 address", null);
            }
        }
    }

    private static void checkTrustedHost(String host, String reply) throws FtpException {
        checkOctets(host, reply);
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new FtpProtoException(reply, "the PASV address " + host + " is not an IPv4 address", e);
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || "255.255.255.255".equals(host)) {
            throw new FtpProtoException(reply, "the PASV address " + host + " cannot be connected to", null);
        }
    }

    /**
     * Connects a control or passive data socket, bound to {@code source} when given, through {@code proxy} when
     * one is set.
     */
    static Socket connect(HostPort target, Duration timeout, InetSocketAddress source, FtpProxy proxy)
            throws IOException {
        if (proxy != null) {
            return ProxyTunnel.open(proxy, target, timeout, source);
        }
        Socket socket = new Socket();
        try {
            if (source != null) {
                socket.bind(source);
            }
            socket.connect(new InetSocketAddress(target.host(), target.port()), millis(timeout));
            socket.setSoTimeout(millis(timeout));
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Listens on the control connection's local address, one connection at a time, on a port the OS picks or, when
     * {@code ports} is given, on the first free port of the range from a random one onwards (so that clients
     * sharing a range rarely try the same port first).
     *
     * @throws BindException when every port of the range is in use; the last refusal is its cause
     */
    static ServerSocket listen(InetAddress localAddress, Duration timeout, PortRange ports) throws IOException {
        if (ports == null) {
            ServerSocket server = new ServerSocket(0, 1, localAddress);
            server.setSoTimeout(millis(timeout));
            return server;
        }
        int count = ports.max() - ports.min() + 1;
        int start = ThreadLocalRandom.current().nextInt(count);
        BindException refused = null;
        for (int i = 0; i < count; i++) {
            ServerSocket server = new ServerSocket();
            try {
                server.bind(new InetSocketAddress(localAddress, ports.min() + (start + i) % count), 1);
                server.setSoTimeout(millis(timeout));
                return server;
            } catch (BindException e) {
                server.close();
                refused = e;
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
        }
        BindException busy = new BindException("no free port in the active port range " + ports + " on "
                + hostAddress(localAddress) + ": all " + count + " are in use; widen the range or use passive mode");
        busy.initCause(refused);
        throw busy;
    }

    /**
     * Accepts the data connection, refusing one from any address but the control connection's peer.
     *
     * @throws FtpProtoException when another host connected first
     * @throws SocketTimeoutException when nobody connected within the timeout
     */
    static Socket accept(ServerSocket server, InetAddress expectedPeer, Duration timeout) throws IOException {
        Socket socket = server.accept();
        InetAddress peer = socket.getInetAddress();
        if (!peer.equals(expectedPeer)) {
            socket.close();
            throw new FtpProtoException("data connection from " + peer.getHostAddress() + " refused",
                    "only the server's address " + expectedPeer.getHostAddress()
                            + " may open the active-mode data connection", null);
        }
        socket.setSoTimeout(millis(timeout));
        return socket;
    }

    /**
     * The textual form of an address for PORT/EPRT, as Python's {@code getsockname()} gives it: IPv6 in the
     * RFC 5952 short form ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}) and without a scope.
     */
    static String hostAddress(InetAddress address) {
        if (isIpv4(address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    static boolean isIpv4(InetAddress address) {
        return address instanceof Inet4Address;
    }

    static int millis(Duration timeout) {
        return timeout == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }
}

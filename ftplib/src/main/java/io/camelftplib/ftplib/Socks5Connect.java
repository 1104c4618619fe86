package io.camelftplib.ftplib;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The SOCKS5 handshake (RFC 1928) with username/password authentication (RFC 1929) when the proxy has a login,
 * else with none. The FTP host goes to the proxy as a name unless it is an address literal, so the proxy resolves
 * it. Each field is read with its exact length, so nothing of the FTP server's bytes is consumed and no read is
 * unbounded. A refusal raises {@link FtpProxyException} with the reply code, its meaning and what to check.
 * Stateless.
 */
final class Socks5Connect {

    private static final int VERSION = 5;
    private static final int NO_AUTHENTICATION = 0;
    private static final int USERNAME_PASSWORD = 2;
    private static final int NO_ACCEPTABLE_METHOD = 0xFF;
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final String[] REPLIES = {
        "succeeded", "general SOCKS server failure", "connection not allowed by ruleset", "network unreachable",
        "host unreachable", "connection refused", "TTL expired", "command not supported",
        "address type not supported"};

    private Socks5Connect() {
    }

    static void handshake(Socket socket, FtpProxy proxy, HostPort target) throws IOException {
        ProxyTunnel.checkTargetHost(target.host());
        DataInputStream in = new DataInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        out.write(proxy.hasCredentials()
                ? new byte[] {VERSION, 2, NO_AUTHENTICATION, USERNAME_PASSWORD}
                : new byte[] {VERSION, 1, NO_AUTHENTICATION});
        out.flush();
        int version = in.readUnsignedByte();
        int method = in.readUnsignedByte();
        if (version != VERSION) {
            throw new FtpProxyException(proxy.where(), "version " + version, "the " + proxy + " answered the SOCKS5"
                    + " greeting with version " + version + " (check that it is a SOCKS5 proxy, not an HTTP or"
                    + " SOCKS4 one)", null);
        }
        if (method == USERNAME_PASSWORD && proxy.hasCredentials()) {
            authenticate(in, out, proxy);
        } else if (method == NO_ACCEPTABLE_METHOD) {
            throw new FtpProxyException(proxy.where(), "no acceptable authentication method", "the " + proxy
                    + " accepts none of the authentication methods offered (" + (proxy.hasCredentials()
                    ? "none, username/password); check the proxy's authentication settings"
                    : "none); the proxy requires a login: set a proxy username and password"), null);
        } else if (method != NO_AUTHENTICATION) {
            throw new FtpProxyException(proxy.where(), "method " + method, "the " + proxy + " chose the SOCKS5"
                    + " authentication method " + method + ", which was not offered (check that it is a SOCKS5"
                    + " proxy)", null);
        }
        connect(in, out, proxy, target);
    }

    private static void authenticate(DataInputStream in, OutputStream out, FtpProxy proxy) throws IOException {
        byte[] user = proxy.username().getBytes(StandardCharsets.UTF_8);
        byte[] pass = proxy.password().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(1);
        request.write(user.length);
        request.write(user);
        request.write(pass.length);
        request.write(pass);
        out.write(request.toByteArray());
        out.flush();
        in.readUnsignedByte(); // the subnegotiation's version: 1, though some proxies send 5
        int status = in.readUnsignedByte();
        if (status != 0) {
            String reply = "SOCKS5 authentication status " + status + " (login refused)";
            throw new FtpProxyException(proxy.where(), reply, "the " + proxy + " refused the login: " + reply
                    + " (check the proxy username and password)", null);
        }
    }

    private static void connect(DataInputStream in, OutputStream out, FtpProxy proxy, HostPort target)
            throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(new byte[] {VERSION, 1, 0});
        writeAddress(request, target.host());
        request.write(target.port() >> 8);
        request.write(target.port() & 0xff);
        out.write(request.toByteArray());
        out.flush();
        in.readUnsignedByte();
        int reply = in.readUnsignedByte();
        in.readUnsignedByte();
        int addressType = in.readUnsignedByte();
        if (reply != 0) {
            String meaning = "SOCKS5 reply " + reply + " (" + (reply < REPLIES.length ? REPLIES[reply] : "unknown")
                    + ")";
            throw new FtpProxyException(proxy.where(), meaning, "the " + proxy + " refused to connect to "
                    + ProxyTunnel.authority(target) + ": " + meaning + " (" + advice(reply) + ")", null);
        }
        skipBoundAddress(in, addressType, proxy);
    }

    private static String advice(int reply) {
        switch (reply) {
            case 2:
                return "the proxy's rules must allow the FTP control port and the server's passive ports";
            case 3:
            case 4:
            case 5:
                return "check the FTP host and port, which the proxy resolves and connects to itself";
            default:
                return "check the proxy's settings and log";
        }
    }

    private static void writeAddress(ByteArrayOutputStream request, String host) throws IOException {
        if (IPV4_LITERAL.matcher(host).matches() || host.indexOf(':') >= 0) {
            // a literal: getByName parses it without a lookup
            byte[] address = InetAddress.getByName(host).getAddress();
            request.write(address.length == 4 ? 1 : 4);
            request.write(address);
            return;
        }
        byte[] name = host.getBytes(StandardCharsets.US_ASCII);
        if (name.length > 255) {
            throw new IllegalArgumentException("FTP host name \"" + host + "\" is longer than the 255 bytes SOCKS5"
                    + " can carry");
        }
        request.write(3);
        request.write(name.length);
        request.write(name);
    }

    /** Reads the address the proxy bound (of no use to a client) by its type, so the tunnel starts after it. */
    private static void skipBoundAddress(DataInputStream in, int addressType, FtpProxy proxy) throws IOException {
        int length;
        switch (addressType) {
            case 1:
                length = 4;
                break;
            case 4:
                length = 16;
                break;
            case 3:
                length = in.readUnsignedByte();
                break;
            default:
                throw new FtpProxyException(proxy.where(), "address type " + addressType, "the " + proxy
                        + " answered the SOCKS5 CONNECT with the unknown address type " + addressType
                        + " (check that it is a SOCKS5 proxy)", null);
        }
        in.readFully(new byte[length + 2]);
    }
}

package io.camelftplib.ftplib;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A proxy that every connection of an {@link Ftp} goes through: the control connection and each passive data
 * connection are tunnelled with HTTP {@code CONNECT} (RFC 9110, Basic authentication) or SOCKS5 (RFC 1928,
 * username/password authentication of RFC 1929). Set it with {@link Ftp#setProxy(FtpProxy)} before
 * {@code connect}:
 *
 * <pre>{@code
 * Ftp ftp = new FtpTls();
 * ftp.setProxy(FtpProxy.http("proxy.example.org", 3128).withCredentials("alice", "secret"));
 * ftp.connect("ftp.example.org", 21);
 * }</pre>
 *
 * <p>The proxy resolves the FTP host's name; TLS runs end to end over the tunnel and checks the FTP host's name,
 * never the proxy's. Active mode cannot go through a proxy (the server would have to connect back to this
 * client), so a transfer in active mode through a proxy fails. Failures of the proxy itself (refused
 * authentication, a port it does not allow) raise {@link FtpProxyException}.
 *
 * <p>Python's ftplib has no proxy support; Commons Net has {@code FTPHTTPClient} and a SOCKS socket factory.
 * The password never appears in {@link #toString()}. Immutable.
 */
public final class FtpProxy {

    /** The proxy protocol. */
    public enum Type {
        /** HTTP {@code CONNECT}, with Basic authentication when credentials are set. */
        HTTP,
        /** SOCKS version 5, with username/password authentication when credentials are set, else none. */
        SOCKS5
    }

    private final Type type;
    private final String host;
    private final int port;
    private final String username;
    private final String password;

    /**
     * Creates a proxy.
     *
     * @param type     HTTP or SOCKS5
     * @param host     the proxy's host name or address
     * @param port     the proxy's port, 1-65535
     * @param username the proxy login, or {@code null} for none
     * @param password the proxy password, or {@code null} for none; required with a username
     * @throws IllegalArgumentException when the host is empty or holds CR, LF or spaces, the port is out of range,
     *                                  a password comes without a username or the reverse, an HTTP username holds
     *                                  a colon (Basic authentication cannot carry it), or a SOCKS5 username or
     *                                  password is longer than 255 bytes (RFC 1929)
     */
    public FtpProxy(Type type, String host, int port, String username, String password) {
        this.type = Objects.requireNonNull(type, "type");
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.username = username;
        this.password = password;
        if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("proxy host \"" + host + "\" is empty or holds spaces or control"
                    + " characters; give the proxy's host name or address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port " + port + " is outside 1-65535");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("proxy " + where() + ": give both a username and a password, or"
                    + " neither");
        }
        if (username != null) {
            checkCredentials();
        }
    }

    private void checkCredentials() {
        if (type == Type.HTTP && username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("proxy " + where() + ": an HTTP proxy username cannot hold ':'"
                    + " (Basic authentication separates username and password with it)");
        }
        if (type == Type.SOCKS5 && (utf8Length(username) > 255 || utf8Length(password) > 255)) {
            throw new IllegalArgumentException("proxy " + where() + ": a SOCKS5 username and password have at most"
                    + " 255 bytes each in UTF-8");
        }
        if (username.isEmpty()) {
            throw new IllegalArgumentException("proxy " + where() + ": the username is empty");
        }
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * An HTTP {@code CONNECT} proxy without authentication.
     *
     * @param host the proxy's host
     * @param port the proxy's port
     * @return the proxy
     * @throws IllegalArgumentException as {@link #FtpProxy(Type, String, int, String, String)}
     */
    public static FtpProxy http(String host, int port) {
        return new FtpProxy(Type.HTTP, host, port, null, null);
    }

    /**
     * A SOCKS5 proxy without authentication.
     *
     * @param host the proxy's host
     * @param port the proxy's port
     * @return the proxy
     * @throws IllegalArgumentException as {@link #FtpProxy(Type, String, int, String, String)}
     */
    public static FtpProxy socks5(String host, int port) {
        return new FtpProxy(Type.SOCKS5, host, port, null, null);
    }

    /**
     * The same proxy with a login: Basic authentication for HTTP, username/password for SOCKS5.
     *
     * @param user     the proxy login
     * @param passwd   the proxy password
     * @return a new proxy
     * @throws IllegalArgumentException as {@link #FtpProxy(Type, String, int, String, String)}
     */
    public FtpProxy withCredentials(String user, String passwd) {
        return new FtpProxy(type, host, port, Objects.requireNonNull(user, "user"),
                Objects.requireNonNull(passwd, "passwd"));
    }

    /**
     * Returns the protocol.
     *
     * @return HTTP or SOCKS5
     */
    public Type type() {
        return type;
    }

    /**
     * Returns the proxy's host.
     *
     * @return the host name or address
     */
    public String host() {
        return host;
    }

    /**
     * Returns the proxy's port.
     *
     * @return 1-65535
     */
    public int port() {
        return port;
    }

    /**
     * Returns the proxy login.
     *
     * @return the username, or {@code null} when the proxy is used without authentication
     */
    public String username() {
        return username;
    }

    /** The password, for the handshake only: it never leaves the engine. */
    String password() {
        return password;
    }

    /**
     * Tells whether the proxy is used with a login.
     *
     * @return true when a username and password are set
     */
    public boolean hasCredentials() {
        return username != null;
    }

    /** {@code host:port}, as messages name the proxy. */
    String where() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Names the proxy for messages and logs, e.g. {@code HTTP proxy 10.0.0.1:3128 (user alice)}; never the password.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return type + " proxy " + where() + (username == null ? "" : " (user " + username + ")");
    }

    /**
     * Compares type, host, port and login.
     *
     * @param other the other object
     * @return true for the same proxy and login
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof FtpProxy that && type == that.type && host.equals(that.host) && port == that.port
                && Objects.equals(username, that.username) && Objects.equals(password, that.password);
    }

    /**
     * Hashes type, host, port and username.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(type, host, port, username);
    }
}

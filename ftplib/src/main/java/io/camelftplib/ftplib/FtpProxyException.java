package io.camelftplib.ftplib;

import java.io.IOException;

/**
 * A proxy would not open a tunnel to the FTP server: it refused the login, does not allow the port, could not reach
 * the server, or did not answer as an HTTP {@code CONNECT} or SOCKS5 proxy does. Not an {@link FtpException}: the
 * FTP server never answered, so there is no FTP reply; like socket failures it is an {@link IOException}, ftplib's
 * {@code all_errors}.
 *
 * <p>{@link #proxy()} names the proxy as {@code host:port}, {@link #reply()} is what it answered (the HTTP status
 * line, or the SOCKS5 reply code and its meaning); the message adds which target was asked for and what to check.
 * A password never appears in either. Immutable.
 */
public class FtpProxyException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String proxy;
    private final String reply;

    /**
     * Creates the exception.
     *
     * @param proxy   the proxy as {@code host:port}
     * @param reply   what the proxy answered, or {@code null} when it answered nothing usable
     * @param message what happened and what to check
     * @param cause   the underlying failure, or {@code null}
     */
    public FtpProxyException(String proxy, String reply, String message, Throwable cause) {
        super(message, cause);
        this.proxy = proxy;
        this.reply = reply;
    }

    /**
     * Returns the proxy that failed.
     *
     * @return {@code host:port}
     */
    public String proxy() {
        return proxy;
    }

    /**
     * Returns the proxy's answer, e.g. {@code HTTP/1.0 407 Proxy Authentication Required} or
     * {@code SOCKS5 authentication status 1 (login refused)}.
     *
     * @return the answer, or {@code null} when the proxy closed the connection or could not be reached
     */
    public String reply() {
        return reply;
    }
}

package io.camelftplib.camel;

/**
 * The proxy an endpoint's connections go through (option {@code proxyType}): none, HTTP {@code CONNECT} or SOCKS5.
 * The control connection and every passive data connection are tunnelled; FTPS runs end to end over the tunnel.
 * Immutable; thread-safe.
 */
public enum FtplibProxyType {
    /** Connects directly. */
    NONE,
    /** HTTP {@code CONNECT}, with Basic authentication when proxyUsername is set. */
    HTTP,
    /** SOCKS5, with username/password authentication when proxyUsername is set, else none. */
    SOCKS5
}

package io.camelftplib.ftplib;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How one {@link Ftp} opens connections: passive or active mode, whether a PASV address is trusted, the active
 * port range, the timeout, the local address to bind and the proxy. {@link Ftp}'s setters write it, {@link DataChannel} and
 * {@link Transfers} read it at each transfer.
 *
 * <p>Not thread-safe: it belongs to one conversation.
 */
final class DataSettings {

    private boolean passive = true;
    private boolean trustServerPasvIpv4Address;
    private PortRange activePorts;
    private Duration timeout;
    private InetSocketAddress sourceAddress;
    private FtpProxy proxy;

    boolean isPassive() {
        return passive;
    }

    void setPassive(boolean passive) {
        this.passive = passive;
    }

    boolean isTrustServerPasvIpv4Address() {
        return trustServerPasvIpv4Address;
    }

    void setTrustServerPasvIpv4Address(boolean trust) {
        this.trustServerPasvIpv4Address = trust;
    }

    /** The ports an active-mode listener may use; null lets the OS pick. */
    PortRange activePorts() {
        return activePorts;
    }

    void setActivePorts(PortRange activePorts) {
        this.activePorts = activePorts;
    }

    /** The timeout of connect, every read and every data connection; null blocks forever. */
    Duration timeout() {
        return timeout;
    }

    /**
     * Sets the timeout.
     *
     * @throws IllegalArgumentException when zero or negative (non-blocking sockets are not supported, as in ftplib)
     */
    void setTimeout(Duration timeout) {
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("Non-blocking socket (timeout=0) is not supported");
        }
        this.timeout = timeout;
    }

    InetSocketAddress sourceAddress() {
        return sourceAddress;
    }

    void setSourceAddress(InetSocketAddress sourceAddress) {
        this.sourceAddress = sourceAddress;
    }

    /** The proxy every connection goes through; null connects directly. */
    FtpProxy proxy() {
        return proxy;
    }

    void setProxy(FtpProxy proxy) {
        this.proxy = proxy;
    }
}

package io.camelftplib.ftplib;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How one {@link Ftp} opens connections: passive or active mode, whether a PASV address is trusted, the active
 * port range, the timeout, the local address to bind, the proxy, and what networks between client and server need: the
 * address active mode advertises behind NAT, EPSV on IPv4, PRET, and NOOPs that keep the control connection alive
 * during a long transfer. {@link Ftp}'s setters write it, {@link DataChannel} and {@link Transfers} read it at each
 * transfer.
 *
 * <p>Not thread-safe: it belongs to one conversation.
 */
final class DataSettings {

    /** How long a late NOOP reply is awaited after a transfer's final reply, as Commons Net's default. */
    static final Duration DEFAULT_KEEPALIVE_REPLY_TIMEOUT = Duration.ofSeconds(1);

    private boolean passive = true;
    private boolean trustServerPasvIpv4Address;
    private PortRange activePorts;
    private Duration timeout;
    private Duration listingTimeout;
    private InetSocketAddress sourceAddress;
    // networks between client and server: NAT, firewalls, idle timeouts
    private InetAddress activeExternalAddress;
    private boolean useEpsvWithIpv4;
    private boolean usePret;
    private Duration controlKeepAliveTimeout;
    private Duration controlKeepAliveReplyTimeout = DEFAULT_KEEPALIVE_REPLY_TIMEOUT;

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

    /** How long a whole listing ({@code retrLines}) may take; null for no bound beyond each read's timeout. */
    Duration listingTimeout() {
        return listingTimeout;
    }

    /**
     * Sets the listing timeout.
     *
     * @throws IllegalArgumentException when zero or negative
     */
    void setListingTimeout(Duration listingTimeout) {
        if (listingTimeout != null && (listingTimeout.isZero() || listingTimeout.isNegative())) {
            throw new IllegalArgumentException("the listing timeout must be positive, or null for none; was "
                    + listingTimeout);
        }
        this.listingTimeout = listingTimeout;
    }

    InetSocketAddress sourceAddress() {
        return sourceAddress;
    }

    void setSourceAddress(InetSocketAddress sourceAddress) {
        this.sourceAddress = sourceAddress;
    }

    // ---------------------------------------------------------------- networks: NAT, firewalls, idle timeouts

    /** The address PORT/EPRT advertise instead of the control connection's local one; null for that one. */
    InetAddress activeExternalAddress() {
        return activeExternalAddress;
    }

    void setActiveExternalAddress(InetAddress address) {
        this.activeExternalAddress = address;
    }

    boolean isUseEpsvWithIpv4() {
        return useEpsvWithIpv4;
    }

    void setUseEpsvWithIpv4(boolean useEpsvWithIpv4) {
        this.useEpsvWithIpv4 = useEpsvWithIpv4;
    }

    boolean isUsePret() {
        return usePret;
    }

    void setUsePret(boolean usePret) {
        this.usePret = usePret;
    }

    /** How often a transfer sends NOOP on the control connection; null for never. */
    Duration controlKeepAliveTimeout() {
        return controlKeepAliveTimeout;
    }

    /**
     * Sets the keepalive interval.
     *
     * @throws IllegalArgumentException when negative
     */
    void setControlKeepAliveTimeout(Duration interval) {
        if (interval != null && interval.isNegative()) {
            throw new IllegalArgumentException("the control keepalive interval cannot be negative, was " + interval);
        }
        this.controlKeepAliveTimeout = interval == null || interval.isZero() ? null : interval;
    }

    Duration controlKeepAliveReplyTimeout() {
        return controlKeepAliveReplyTimeout;
    }

    /**
     * Sets how long a NOOP reply still owed after a transfer is awaited.
     *
     * @throws IllegalArgumentException when zero or negative
     */
    void setControlKeepAliveReplyTimeout(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the control keepalive reply timeout must be positive, was " + timeout);
        }
        this.controlKeepAliveReplyTimeout = timeout;
    }

    /** The proxy every connection goes through; null connects directly. */
    FtpProxy proxy() {
        return proxy;
    }

    void setProxy(FtpProxy proxy) {
        this.proxy = proxy;
    }
}

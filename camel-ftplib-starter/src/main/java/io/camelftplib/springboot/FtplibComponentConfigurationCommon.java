package io.camelftplib.springboot;

import io.camelftplib.camel.FtplibProxyType;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;

/**
 * The properties {@code camel.component.ftplib.*} and {@code camel.component.ftplibs.*} share: the options both
 * components have (their catalog JSON lists them). Defaults are the components'.
 *
 * <p>Not thread-safe: Spring binds it once at startup, then it is only read.
 */
public abstract class FtplibComponentConfigurationCommon extends ComponentConfigurationPropertiesCommon {

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. By default the consumer will use the
     * ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to
     * allow CamelContext and routes to startup in situations where a producer may otherwise fail during starting
     * and cause the route to fail being started. By deferring this startup to be lazy then the startup failure can
     * be handled during routing messages via Camel's routing error handlers.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component.
     */
    private Boolean autowiredEnabled = true;
    /**
     * Used for enabling or disabling all consumer based health checks from this component: DOWN while the server
     * cannot be reached or refuses the login, or while polls fail.
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. A producer's check
     * connects and logs in to the server on a connection of its own (with the TLS handshake for ftplibs:) at most
     * once per health-check-producer-interval, without sending an exchange: DOWN while the server cannot be reached,
     * refuses the login or the TLS setup fails, UP again at the first probe that succeeds. Camel runs producer checks
     * only with camel.health.producers-enabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    // ---------------------------------------------------------------- producer health check
    /**
     * How often (ms) a producer's health check connects and logs in to the server on a connection of its own, to
     * find an unreachable server, a refused login or a broken TLS setup without waiting for a send to fail; between
     * probes it reports the last result. Runs only when Camel runs producer health checks
     * (healthCheckProducerEnabled, and camel.health.producersEnabled in Camel's configuration)
     */
    private Long healthCheckProducerInterval = 30000L;

    // ---------------------------------------------------------------- networks: NAT, firewalls, keepalive
    /**
     * The default controlKeepAliveTimeout of the endpoints, in milliseconds: send NOOP on the control connection
     * this often during a transfer, so firewalls and NAT that drop idle connections keep it and the final reply
     * arrives; 0 for none.
     */
    private Long controlKeepAliveTimeout = 0L;
    /**
     * The default controlKeepAliveReplyTimeout of the endpoints, in milliseconds: how long a keepalive NOOP reply
     * still owed after a transfer's final reply is awaited.
     */
    private Long controlKeepAliveReplyTimeout = 1000L;
    /**
     * The default activeExternalAddress of the endpoints: the IP address sent in PORT/EPRT in active mode instead of
     * the local one, for clients behind NAT (the router's public address).
     */
    private String activeExternalAddress;
    /** The default useEpsvWithIpv4 of the endpoints: send EPSV instead of PASV on IPv4 connections too. */
    private Boolean useEpsvWithIpv4 = false;
    /** The default usePret of the endpoints: send PRET before PASV/EPSV when the server's FEAT offers it. */
    private Boolean usePret = true;
    /**
     * The default trustPasvAddress of the endpoints: connect passive data connections to the address in PASV
     * replies instead of the control connection's address.
     */
    private Boolean trustPasvAddress = false;

    // ------------------------------------------------------------ proxy defaults for endpoints
    /**
     * The proxy of endpoints that set no proxy option of their own: none, http (HTTP CONNECT) or socks5. The
     * control connection and every passive data connection go through it; needs passive mode.
     */
    private FtplibProxyType proxyType;
    /** The proxy's host name or address, for endpoints without proxy options of their own. */
    private String proxyHost;
    /** The proxy's port (1-65535), for endpoints without proxy options of their own. */
    private Integer proxyPort;
    /** The proxy login (HTTP Basic or SOCKS5 username/password), for endpoints without proxy options of their own. */
    private String proxyUsername;
    /** The password of proxy-username. */
    private String proxyPassword;

    /** Creates the properties with the components' defaults. */
    protected FtplibComponentConfigurationCommon() {
    }

    /** @return whether consumer errors go to the route's error handler */
    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    /** @param bridgeErrorHandler whether consumer errors go to the route's error handler */
    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    /** @return whether producers start on their first message */
    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    /** @param lazyStartProducer whether producers start on their first message */
    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    /** @return whether autowiring is enabled */
    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    /** @param autowiredEnabled whether autowiring is enabled */
    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    /** @return whether consumer health checks are enabled */
    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    /** @param healthCheckConsumerEnabled whether consumer health checks are enabled */
    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    /** @return how often (ms) a producer's health check connects and logs in */
    public Long getHealthCheckProducerInterval() {
        return healthCheckProducerInterval;
    }

    /** @param healthCheckProducerInterval how often (ms) a producer's health check connects and logs in */
    public void setHealthCheckProducerInterval(Long healthCheckProducerInterval) {
        this.healthCheckProducerInterval = healthCheckProducerInterval;
    }

    /** @return whether producer health checks are enabled */
    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    /** @param healthCheckProducerEnabled whether producer health checks are enabled */
    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    // ---------------------------------------------------------------- networks: NAT, firewalls, keepalive

    /** @return the endpoints' default control keepalive interval in milliseconds */
    public Long getControlKeepAliveTimeout() {
        return controlKeepAliveTimeout;
    }

    /** @param controlKeepAliveTimeout the endpoints' default control keepalive interval in milliseconds */
    public void setControlKeepAliveTimeout(Long controlKeepAliveTimeout) {
        this.controlKeepAliveTimeout = controlKeepAliveTimeout;
    }

    /** @return the endpoints' default wait for a keepalive NOOP reply in milliseconds */
    public Long getControlKeepAliveReplyTimeout() {
        return controlKeepAliveReplyTimeout;
    }

    /** @param controlKeepAliveReplyTimeout the endpoints' default wait for a keepalive NOOP reply in milliseconds */
    public void setControlKeepAliveReplyTimeout(Long controlKeepAliveReplyTimeout) {
        this.controlKeepAliveReplyTimeout = controlKeepAliveReplyTimeout;
    }

    /** @return the endpoints' default address advertised in active mode */
    public String getActiveExternalAddress() {
        return activeExternalAddress;
    }

    /** @param activeExternalAddress the endpoints' default address advertised in active mode */
    public void setActiveExternalAddress(String activeExternalAddress) {
        this.activeExternalAddress = activeExternalAddress;
    }

    /** @return whether endpoints send EPSV on IPv4 */
    public Boolean getUseEpsvWithIpv4() {
        return useEpsvWithIpv4;
    }

    /** @param useEpsvWithIpv4 whether endpoints send EPSV on IPv4 */
    public void setUseEpsvWithIpv4(Boolean useEpsvWithIpv4) {
        this.useEpsvWithIpv4 = useEpsvWithIpv4;
    }

    /** @return whether endpoints send PRET to servers that offer it */
    public Boolean getUsePret() {
        return usePret;
    }

    /** @param usePret whether endpoints send PRET to servers that offer it */
    public void setUsePret(Boolean usePret) {
        this.usePret = usePret;
    }

    /** @return whether endpoints trust the address of PASV replies */
    public Boolean getTrustPasvAddress() {
        return trustPasvAddress;
    }

    /** @param trustPasvAddress whether endpoints trust the address of PASV replies */
    public void setTrustPasvAddress(Boolean trustPasvAddress) {
        this.trustPasvAddress = trustPasvAddress;
    }

    /** @return the default proxy type of endpoints */
    public FtplibProxyType getProxyType() {
        return proxyType;
    }

    /** @param proxyType the default proxy type of endpoints */
    public void setProxyType(FtplibProxyType proxyType) {
        this.proxyType = proxyType;
    }

    /** @return the default proxy host */
    public String getProxyHost() {
        return proxyHost;
    }

    /** @param proxyHost the default proxy host */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    /** @return the default proxy port */
    public Integer getProxyPort() {
        return proxyPort;
    }

    /** @param proxyPort the default proxy port */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    /** @return the default proxy login */
    public String getProxyUsername() {
        return proxyUsername;
    }

    /** @param proxyUsername the default proxy login */
    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    /** @return the default proxy password */
    public String getProxyPassword() {
        return proxyPassword;
    }

    /** @param proxyPassword the default proxy password */
    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }
}

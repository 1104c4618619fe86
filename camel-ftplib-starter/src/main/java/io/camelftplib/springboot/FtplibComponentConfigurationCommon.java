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
     * Used for enabling or disabling all producer based health checks from this component: DOWN while the server
     * cannot be reached or refuses the login. Camel runs producer checks only with
     * camel.health.producers-enabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

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

    /** @return whether producer health checks are enabled */
    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    /** @param healthCheckProducerEnabled whether producer health checks are enabled */
    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
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

package io.camelftplib.camel;

import java.net.URI;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.component.file.GenericFileComponent;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.util.StringHelper;

/**
 * The {@code ftplib:} component: FTP endpoints on the ftplib engine and camel-file's generic file framework. Found
 * by Camel from the jar on the classpath; no registry binding is needed.
 *
 * <p>Thread-safe: Camel creates endpoints under its own locking; the component keeps no per-endpoint state.
 */
@Component("ftplib")
public class FtplibComponent extends GenericFileComponent<FtplibFile> {

    // ---------------------------------------------------------------- producer health check
    @Metadata(label = "health", defaultValue = "30000",
              description = "How often (ms) a producer's health check connects and logs in to the server on a "
                            + "connection of its own, to find an unreachable server, a refused login or a broken TLS "
                            + "setup without waiting for a send to fail; between probes it reports the last result. "
                            + "Runs only when Camel runs producer health checks (healthCheckProducerEnabled, and "
                            + "camel.health.producersEnabled in Camel's configuration)")
    private long healthCheckProducerInterval = ProducerProbe.DEFAULT_INTERVAL_MILLIS;

    // ---------------------------------------------------------------- networks: NAT, firewalls, keepalive
    // the defaults of every endpoint of the component; an endpoint's own option wins
    @Metadata(label = "advanced", defaultValue = "0", javaType = "java.time.Duration",
              description = "The default controlKeepAliveTimeout of the endpoints: send NOOP on the control "
                            + "connection this often during a transfer, so firewalls and NAT keep it; 0 for none")
    private long controlKeepAliveTimeout;
    @Metadata(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration",
              description = "The default controlKeepAliveReplyTimeout of the endpoints: how long a keepalive NOOP "
                            + "reply owed after a transfer is awaited")
    private long controlKeepAliveReplyTimeout = 1000;
    @Metadata(label = "advanced",
              description = "The default activeExternalAddress of the endpoints: the IP address sent in PORT/EPRT in "
                            + "active mode instead of the local one, for clients behind NAT")
    private String activeExternalAddress;
    @Metadata(label = "advanced", defaultValue = "false",
              description = "The default useEpsvWithIpv4 of the endpoints: send EPSV instead of PASV on IPv4")
    private boolean useEpsvWithIpv4;
    @Metadata(label = "advanced", defaultValue = "true",
              description = "The default usePret of the endpoints: send PRET before PASV/EPSV when FEAT offers it")
    private boolean usePret = true;
    @Metadata(label = "security", defaultValue = "false",
              description = "The default trustPasvAddress of the endpoints: connect to the address of PASV replies")
    private boolean trustPasvAddress;

    /** The prefix of ftps:'s key store settings. */
    static final String KEY_STORE_PREFIX = "ftpClient.keyStore.";
    /** The prefix of ftps:'s trust store settings. */
    static final String TRUST_STORE_PREFIX = "ftpClient.trustStore.";

    /** Creates the component. */
    public FtplibComponent() {
    }

    /**
     * Creates the component for a context.
     *
     * @param context the Camel context
     */
    public FtplibComponent(CamelContext context) {
        super(context);
    }

    /**
     * Returns how often a producer's health check connects and logs in.
     *
     * @return the interval in milliseconds
     */
    public long getHealthCheckProducerInterval() {
        return healthCheckProducerInterval;
    }

    /**
     * Sets how often a producer's health check connects and logs in.
     *
     * @param healthCheckProducerInterval the interval in milliseconds, at least 1
     * @throws IllegalArgumentException when it is not positive
     */
    public void setHealthCheckProducerInterval(long healthCheckProducerInterval) {
        if (healthCheckProducerInterval <= 0) {
            throw new IllegalArgumentException("healthCheckProducerInterval must be a positive number of "
                    + "milliseconds, not " + healthCheckProducerInterval);
        }
        this.healthCheckProducerInterval = healthCheckProducerInterval;
    }

    @Override
    protected GenericFileEndpoint<FtplibFile> buildFileEndpoint(String uri, String remaining,
                                                                 Map<String, Object> parameters) throws Exception {
        String base = StringHelper.before(uri, "?", uri);
        // the scheme's own URI syntax: ftplib://user@host:port/dir (also accepted: ftplib:host/dir)
        String normalized = base.contains("://") ? base : base.replaceFirst(":", "://");
        FtplibEndpoint endpoint = newEndpoint(uri, new URI(normalized));
        applyDefaults(endpoint.getConfiguration());
        takePrefixedOptions(endpoint, parameters);
        CamelFtpOptions.translate(StringHelper.before(uri, ":"), parameters);
        refuseUnsupported(uri, parameters);
        OptionValues.checkWritten(uri, parameters);
        return endpoint;
    }

    /**
     * Sets the component's defaults on a new endpoint's options, before the URI's own options are set over them.
     *
     * @param config the new endpoint's options
     * @throws IllegalArgumentException when a default is out of range, naming the option
     */
    protected void applyDefaults(FtplibConfiguration config) {
        config.setControlKeepAliveTimeout(controlKeepAliveTimeout);
        config.setControlKeepAliveReplyTimeout(controlKeepAliveReplyTimeout);
        config.setActiveExternalAddress(activeExternalAddress);
        config.setUseEpsvWithIpv4(useEpsvWithIpv4);
        config.setUsePret(usePret);
        config.setTrustPasvAddress(trustPasvAddress);
    }

    /**
     * Takes the options that ftp: gives with a prefix of its own out of the parameters, before the ftp: names are
     * translated. Plain FTP has none: the key and trust stores of ftps: ({@code ftpClient.keyStore.*},
     * {@code ftpClient.trustStore.*}) are refused here, naming ftplibs:.
     *
     * @param endpoint   the endpoint being created
     * @param parameters the endpoint's parameters, changed in place
     * @throws IllegalArgumentException for a key or trust store setting
     */
    protected void takePrefixedOptions(FtplibEndpoint endpoint, Map<String, Object> parameters) {
        for (String name : parameters.keySet()) {
            if (name.startsWith(KEY_STORE_PREFIX) || name.startsWith(TRUST_STORE_PREFIX)) {
                throw new IllegalArgumentException("The option " + name + " sets a TLS key or trust store, which "
                        + "plain FTP does not use; use an ftplibs: endpoint for FTPS");
            }
        }
    }

    private static void refuseUnsupported(String uri, Map<String, Object> parameters) {
        for (String option : FtplibEndpoint.EXCLUDED.split(",")) {
            if (parameters.containsKey(option)) {
                // camel-file would accept them by reflection and then ignore them: fail instead
                throw new IllegalArgumentException("The option " + option + " of the file component is not "
                        + "supported by " + StringHelper.before(uri, ":") + " endpoints; remove it from "
                        + StringHelper.before(uri, "?", uri));
            }
        }
    }

    /**
     * Creates the endpoint for a parsed URI; {@link FtplibsComponent} makes FTPS endpoints.
     *
     * @param uri    the endpoint URI as given
     * @param parsed the URI without query, with {@code //} after the scheme
     * @return the endpoint
     */
    protected FtplibEndpoint newEndpoint(String uri, URI parsed) {
        return new FtplibEndpoint(uri, this, new FtplibConfiguration(parsed));
    }

    @Override
    protected void afterPropertiesSet(GenericFileEndpoint<FtplibFile> endpoint) {
        FtplibConfiguration config = ((FtplibEndpoint) endpoint).getConfiguration();
        if (config.getHost() == null || config.getHost().isEmpty()) {
            throw new IllegalArgumentException("The endpoint " + endpoint.getEndpointUri()
                    + " names no host: use ftplib://[user@]host[:port]/directory");
        }
        OptionValues.checkSet(endpoint.getEndpointUri(), config);
        ((FtplibEndpoint) endpoint).validateTransferOptions();
        applyProxyDefaults(config);
        config.resolveProxy(endpoint.toString());
    }

    // ------------------------------------------------------------ proxy defaults for every endpoint
    @Metadata(label = "proxy", enums = "none,http,socks5",
              description = "The proxyType of endpoints that set no proxy option of their own")
    private FtplibProxyType proxyType;
    @Metadata(label = "proxy", description = "The proxyHost of endpoints that set no proxy option of their own")
    private String proxyHost;
    @Metadata(label = "proxy", description = "The proxyPort of endpoints that set no proxy option of their own")
    private Integer proxyPort;
    @Metadata(label = "proxy,security", secret = true,
              description = "The proxyUsername of endpoints that set no proxy option of their own")
    private String proxyUsername;
    @Metadata(label = "proxy,security", secret = true,
              description = "The proxyPassword of endpoints that set no proxy option of their own")
    private String proxyPassword;

    /** An endpoint naming no proxy of its own takes the component's, all five options together. */
    private void applyProxyDefaults(FtplibConfiguration config) {
        boolean endpointHasProxy = config.getProxyType() != FtplibProxyType.NONE || config.getProxyHost() != null
                || config.getProxyPort() != null || config.getProxyUsername() != null;
        if (endpointHasProxy || proxyType == null) {
            return;
        }
        config.setProxyType(proxyType);
        config.setProxyHost(proxyHost);
        config.setProxyPort(proxyPort);
        config.setProxyUsername(proxyUsername);
        config.setProxyPassword(proxyPassword);
    }

    /** @return the default proxy type of endpoints, or null for none */
    public FtplibProxyType getProxyType() {
        return proxyType;
    }

    /** @param proxyType the default proxy type of endpoints that set no proxy option */
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

    // ---------------------------------------------------------------- networks: NAT, firewalls, keepalive

    /** @return the endpoints' default control keepalive interval in milliseconds, 0 for none */
    public long getControlKeepAliveTimeout() {
        return controlKeepAliveTimeout;
    }

    /** @param controlKeepAliveTimeout the endpoints' default control keepalive interval in milliseconds */
    public void setControlKeepAliveTimeout(long controlKeepAliveTimeout) {
        this.controlKeepAliveTimeout = controlKeepAliveTimeout;
    }

    /** @return the endpoints' default wait for a keepalive NOOP reply in milliseconds */
    public long getControlKeepAliveReplyTimeout() {
        return controlKeepAliveReplyTimeout;
    }

    /** @param controlKeepAliveReplyTimeout the endpoints' default wait for a keepalive NOOP reply in milliseconds */
    public void setControlKeepAliveReplyTimeout(long controlKeepAliveReplyTimeout) {
        this.controlKeepAliveReplyTimeout = controlKeepAliveReplyTimeout;
    }

    /** @return the endpoints' default address advertised in active mode, or null */
    public String getActiveExternalAddress() {
        return activeExternalAddress;
    }

    /** @param activeExternalAddress the endpoints' default address advertised in active mode */
    public void setActiveExternalAddress(String activeExternalAddress) {
        this.activeExternalAddress = activeExternalAddress;
    }

    /** @return whether endpoints send EPSV on IPv4 by default */
    public boolean isUseEpsvWithIpv4() {
        return useEpsvWithIpv4;
    }

    /** @param useEpsvWithIpv4 whether endpoints send EPSV on IPv4 by default */
    public void setUseEpsvWithIpv4(boolean useEpsvWithIpv4) {
        this.useEpsvWithIpv4 = useEpsvWithIpv4;
    }

    /** @return whether endpoints send PRET to servers that offer it by default */
    public boolean isUsePret() {
        return usePret;
    }

    /** @param usePret whether endpoints send PRET to servers that offer it by default */
    public void setUsePret(boolean usePret) {
        this.usePret = usePret;
    }

    /** @return whether endpoints trust the address of PASV replies by default */
    public boolean isTrustPasvAddress() {
        return trustPasvAddress;
    }

    /** @param trustPasvAddress whether endpoints trust the address of PASV replies by default */
    public void setTrustPasvAddress(boolean trustPasvAddress) {
        this.trustPasvAddress = trustPasvAddress;
    }
}

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

    @Override
    protected GenericFileEndpoint<FtplibFile> buildFileEndpoint(String uri, String remaining,
                                                                 Map<String, Object> parameters) throws Exception {
        refuseUnsupported(uri, parameters);
        String base = StringHelper.before(uri, "?", uri);
        // the scheme's own URI syntax: ftplib://user@host:port/dir (also accepted: ftplib:host/dir)
        String normalized = base.contains("://") ? base : base.replaceFirst(":", "://");
        return newEndpoint(uri, new URI(normalized));
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
}

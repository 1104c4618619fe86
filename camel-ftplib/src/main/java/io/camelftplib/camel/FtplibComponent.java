package io.camelftplib.camel;

import java.net.URI;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.component.file.GenericFileComponent;
import org.apache.camel.component.file.GenericFileEndpoint;
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

    @Override
    protected GenericFileEndpoint<FtplibFile> buildFileEndpoint(String uri, String remaining,
                                                                 Map<String, Object> parameters) throws Exception {
        String base = StringHelper.before(uri, "?", uri);
        // the scheme's own URI syntax: ftplib://user@host:port/dir (also accepted: ftplib:host/dir)
        String normalized = base.contains("://") ? base : base.replaceFirst(":", "://");
        FtplibEndpoint endpoint = newEndpoint(uri, new URI(normalized));
        takePrefixedOptions(endpoint, parameters);
        CamelFtpOptions.translate(StringHelper.before(uri, ":"), parameters);
        refuseUnsupported(uri, parameters);
        return endpoint;
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
        ((FtplibEndpoint) endpoint).validateTransferOptions();
    }
}

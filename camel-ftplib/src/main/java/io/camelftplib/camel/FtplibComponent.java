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
        config.resolveProxy(endpoint.toString());
    }
}

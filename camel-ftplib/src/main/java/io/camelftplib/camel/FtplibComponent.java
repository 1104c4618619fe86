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
        refuseUnsupported(uri, parameters);
        OptionValues.checkWritten(uri, parameters);
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
        OptionValues.checkSet(endpoint.getEndpointUri(), config);
        ((FtplibEndpoint) endpoint).validateTransferOptions();
    }
}

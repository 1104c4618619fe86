package io.camelftplib.camel;

import java.io.IOException;
import java.security.GeneralSecurityException;

import javax.net.ssl.SSLContext;

import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.component.file.GenericFileConfiguration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Upload and download files to/from FTPS servers with the ftplib engine: ftplib over TLS (RFC 4217), explicit or
 * implicit, with the server's host name verified by default and TLS session reuse between control and data
 * connections always on.
 *
 * <p>Thread-safe once configured.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "ftplibs", extendsScheme = "file", title = "FTPS (ftplib)",
             syntax = "ftplibs:host:port/directoryName", alternativeSyntax = "ftplibs:username@host:port/directoryName",
             category = { Category.FILE }, headersClass = FtplibConstants.class)
@Metadata(excludeProperties = FtplibEndpoint.EXCLUDED)
public class FtplibsEndpoint extends FtplibEndpoint {

    @UriParam
    private FtplibsConfiguration configuration;
    @UriParam(label = "security", description = "The JSSE configuration (key and trust stores, TLS versions) that "
                                                + "overrides securityProtocol. It is asked for a new SSL context on "
                                                + "each connection, so changed certificates apply without a restart")
    private SSLContextParameters sslContextParameters;

    /** Creates an endpoint for tooling. */
    public FtplibsEndpoint() {
    }

    /**
     * Creates an endpoint.
     *
     * @param uri           the endpoint URI
     * @param component     the component
     * @param configuration the options parsed from the URI
     */
    public FtplibsEndpoint(String uri, Component component, FtplibsConfiguration configuration) {
        super(uri, component, configuration);
    }

    @Override
    public FtplibsConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * Sets the configuration; it must be an {@link FtplibsConfiguration}.
     *
     * @param configuration the configuration
     */
    @Override
    public void setConfiguration(GenericFileConfiguration configuration) {
        this.configuration = (FtplibsConfiguration) configuration;
        super.setConfiguration(configuration);
    }

    @Override
    public String getScheme() {
        return "ftplibs";
    }

    /**
     * Returns the JSSE configuration.
     *
     * @return the parameters, or null for the security protocol's default context
     */
    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * Sets the JSSE configuration (key and trust stores, protocols) used to build the SSL context.
     *
     * @param sslContextParameters the parameters
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    FtpClientFactory clientFactory() {
        return new TlsClientFactory(this::createSslContext, configuration, this::tlsAdvice,
                sslContextParameters != null);
    }

    /** The advice after a failed handshake: the parameters' own (an SSL bundle's) or the endpoint options. */
    private TlsAdvice tlsAdvice() {
        return sslContextParameters instanceof TlsAdvice own ? own : TlsAdvice.ENDPOINT_OPTIONS;
    }

    /**
     * Builds the SSL context of one new connection: from {@code sslContextParameters} (the endpoint's, or the
     * global ones the component put there) when set, else the JDK's trust store with {@code securityProtocol}.
     * Built anew for each connection, so changed key or trust material applies without a restart.
     */
    private SSLContext createSslContext() throws IOException {
        try {
            SSLContextParameters parameters = sslContextParameters;
            if (parameters != null) {
                return parameters.createSSLContext(getCamelContext());
            }
            SSLContext context = SSLContext.getInstance(configuration.getSecurityProtocol());
            context.init(null, null, null);
            return context;
        } catch (GeneralSecurityException | RuntimeException e) {
            // parameters made elsewhere fail unchecked too (a Spring SSL bundle whose files cannot be read says
            // "Could not load SSL context"): either way the connection attempt fails, and health checks see it
            throw new IOException("Cannot create the SSL context of " + this + ": " + e.getMessage(), e);
        }
    }
}

package io.camelftplib.camel;

import java.net.URI;
import java.util.Map;

import io.camelftplib.ftplib.FtpTls;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.PropertiesHelper;

/**
 * The {@code ftplibs:} component: FTPS endpoints. An endpoint without its own {@code sslContextParameters} uses the
 * component's, else (with {@code useGlobalSslContextParameters}) the context's global ones.
 *
 * <p>Thread-safe: Camel creates endpoints under its own locking.
 */
@Component("ftplibs")
public class FtplibsComponent extends FtplibComponent implements SSLContextParametersAware {

    @Metadata(label = "security", defaultValue = "false", description = "Enable usage of global SSL context "
                                                                        + "parameters.")
    private boolean useGlobalSslContextParameters;
    @Metadata(label = "security", description = "The JSSE configuration of endpoints without their own "
                                                + "sslContextParameters; asked for a context on every new connection")
    private SSLContextParameters sslContextParameters;
    // ---------------------------------------------------------------- networks: NAT, firewalls, keepalive
    @Metadata(label = "security", defaultValue = "false",
              description = "The default clearCommandChannel of the endpoints: send CCC after login, so firewalls "
                            + "and NAT can read the control connection")
    private boolean clearCommandChannel;

    /** Creates the component. */
    public FtplibsComponent() {
    }

    @Override
    protected FtplibEndpoint newEndpoint(String uri, URI parsed) {
        return new FtplibsEndpoint(uri, this, new FtplibsConfiguration(parsed));
    }

    /**
     * Takes ftps:'s key and trust store settings ({@code ftpClient.keyStore.*}, {@code ftpClient.trustStore.*}).
     *
     * @param endpoint   the endpoint being created
     * @param parameters the endpoint's parameters, changed in place
     */
    @Override
    protected void takePrefixedOptions(FtplibEndpoint endpoint, Map<String, Object> parameters) {
        FtplibsConfiguration configuration = ((FtplibsEndpoint) endpoint).getConfiguration();
        Map<String, Object> keyStore = PropertiesHelper.extractProperties(parameters, KEY_STORE_PREFIX);
        Map<String, Object> trustStore = PropertiesHelper.extractProperties(parameters, TRUST_STORE_PREFIX);
        configuration.setFtpClientKeyStoreParameters(keyStore.isEmpty() ? null : keyStore);
        configuration.setFtpClientTrustStoreParameters(trustStore.isEmpty() ? null : trustStore);
    }

    @Override
    protected void applyDefaults(FtplibConfiguration config) {
        super.applyDefaults(config);
        ((FtplibsConfiguration) config).setClearCommandChannel(clearCommandChannel);
    }

    @Override
    protected void afterPropertiesSet(GenericFileEndpoint<FtplibFile> endpoint) {
        super.afterPropertiesSet(endpoint);
        FtplibsEndpoint ftps = (FtplibsEndpoint) endpoint;
        FtplibsConfiguration configuration = ftps.getConfiguration();
        if (configuration.isImplicit() && !configuration.hasPortInUri()) {
            // the options are set only now, after the URI was parsed: implicit FTPS listens on 990, not 21
            configuration.setPort(FtpTls.FTPS_IMPLICIT_PORT);
        }
        if (configuration.getFtpClientKeyStoreParameters() != null
                || configuration.getFtpClientTrustStoreParameters() != null) {
            if (ftps.getSslContextParameters() != null) {
                throw new IllegalArgumentException("The endpoint " + ftps + " gives both sslContextParameters and "
                        + "ftpClient.keyStore.* or ftpClient.trustStore.*: use one of the two");
            }
            ftps.setSslContextParameters(StoreOptions.toSslContextParameters(
                    configuration.getFtpClientKeyStoreParameters(), configuration.getFtpClientTrustStoreParameters(),
                    configuration.getSecurityProtocol()));
        }
        if (ftps.getSslContextParameters() == null) {
            ftps.setSslContextParameters(sslContextParameters != null
                    ? sslContextParameters : retrieveGlobalSslContextParameters());
        }
    }

    /**
     * Returns the JSSE configuration of endpoints without their own.
     *
     * @return the parameters, or null
     */
    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * Sets the JSSE configuration of endpoints without their own; its {@code createSSLContext} runs for every new
     * connection, so parameters whose material changes (e.g. a reloaded Spring Boot SSL bundle) apply without
     * restarting routes.
     *
     * @param sslContextParameters the parameters
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /**
     * Enables the context's global SSL context parameters for endpoints without their own.
     *
     * @param useGlobalSslContextParameters true to use them
     */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    // ---------------------------------------------------------------- networks: NAT, firewalls, keepalive

    /** @return whether endpoints send CCC after login by default */
    public boolean isClearCommandChannel() {
        return clearCommandChannel;
    }

    /** @param clearCommandChannel whether endpoints send CCC after login by default */
    public void setClearCommandChannel(boolean clearCommandChannel) {
        this.clearCommandChannel = clearCommandChannel;
    }
}

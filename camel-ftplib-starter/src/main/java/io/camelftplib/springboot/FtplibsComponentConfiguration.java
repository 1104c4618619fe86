package io.camelftplib.springboot;

import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.ftplibs.*} properties: those of {@code ftplib:}, the FTPS options of the
 * {@code ftplibs:} component, and {@code ssl-bundle}, which takes the TLS material from a Spring Boot SSL bundle.
 *
 * <p>A property under this prefix that is not listed here fails the startup, naming it
 * ({@link FtplibPropertiesFailureAnalyzer}): a misspelt one would otherwise be ignored without a word.
 *
 * <p>Not thread-safe: Spring binds it once at startup, then it is only read.
 */
@ConfigurationProperties(prefix = "camel.component.ftplibs", ignoreUnknownFields = false)
public class FtplibsComponentConfiguration extends FtplibComponentConfigurationCommon {

    /**
     * Enable usage of global SSL context parameters (camel.ssl.*) for endpoints without their own
     * sslContextParameters.
     */
    private Boolean useGlobalSslContextParameters = false;
    /**
     * The JSSE configuration of endpoints without their own sslContextParameters, as a reference to a bean
     * ("#bean:name" or "name"). Set by ssl-bundle when that is given.
     */
    private SSLContextParameters sslContextParameters;
    /**
     * The name of the Spring Boot SSL bundle (spring.ssl.bundle.*) that provides the trust material, client key,
     * protocols and ciphers of ftplibs: endpoints without their own sslContextParameters. A reloaded bundle
     * (reload-on-update) applies to the next new connection. Host names stay verified.
     */
    private String sslBundle;

    // ---------------------------------------------------------------- networks: NAT, firewalls, keepalive
    /**
     * The default clearCommandChannel of the endpoints: send CCC after login, so the control connection continues in
     * plain text that firewalls and NAT can read; the login stays encrypted.
     */
    private Boolean clearCommandChannel = false;

    /** Creates the properties with the component's defaults. */
    public FtplibsComponentConfiguration() {
    }

    /** @return whether the context's global SSL parameters apply */
    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** @param useGlobalSslContextParameters whether the context's global SSL parameters apply */
    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    /** @return the component's JSSE configuration, or null */
    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** @param sslContextParameters the component's JSSE configuration */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    /** @return the SSL bundle name, or null */
    public String getSslBundle() {
        return sslBundle;
    }

    /** @param sslBundle the SSL bundle name */
    public void setSslBundle(String sslBundle) {
        this.sslBundle = sslBundle;
    }

    // ---------------------------------------------------------------- networks: NAT, firewalls, keepalive

    /** @return whether endpoints send CCC after login */
    public Boolean getClearCommandChannel() {
        return clearCommandChannel;
    }

    /** @param clearCommandChannel whether endpoints send CCC after login */
    public void setClearCommandChannel(Boolean clearCommandChannel) {
        this.clearCommandChannel = clearCommandChannel;
    }
}

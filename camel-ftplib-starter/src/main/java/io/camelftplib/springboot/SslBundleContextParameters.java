package io.camelftplib.springboot;

import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import io.camelftplib.camel.TlsAdvice;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;

/**
 * Camel {@link SSLContextParameters} backed by a Spring Boot {@link SslBundle}: every
 * {@link #createSSLContext(CamelContext)} returns the context of the bundle as it is <em>now</em>, so after a
 * reload ({@code reload-on-update}) the next connection uses the new material, and one INFO line says so. The
 * bundle's {@code options} (enabled protocols, ciphers) are applied to each {@link SSLEngine} the context creates; host
 * name verification is left to the component, which keeps it on. A failed handshake is explained in the bundle's
 * terms ({@link TlsAdvice}): its name and the property that names its trust material.
 *
 * <p>One context is built per bundle version (the registry hands out a new {@link SslBundle} on reload), so
 * connections share its TLS session cache until the material changes. Thread-safe.
 */
public final class SslBundleContextParameters extends SSLContextParameters implements TlsAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(SslBundleContextParameters.class);

    private final SslBundles bundles;
    private final String bundleName;
    private final String trustSource;
    private volatile Built built;

    /** A bundle version and the context made from it. */
    private record Built(SslBundle bundle, SSLContext context) {
    }

    /**
     * Creates the parameters and builds the bundle's context once, so a wrong name or unreadable material fails
     * at startup rather than at the first connection, then asks the registry to be told of reloads.
     *
     * @param bundles     Spring Boot's bundle registry
     * @param bundleName  the bundle's name
     * @param trustSource where the bundle's trust material is configured, for messages: e.g.
     *                    {@code spring.ssl.bundle.pem.server.truststore.certificate=file:/etc/ftp/ca.crt}
     * @throws FtplibsSslBundleException when no bundle has that name, or its material cannot be loaded; the message
     *                                   names the bundle and what to change
     */
    public SslBundleContextParameters(SslBundles bundles, String bundleName, String trustSource) {
        this.bundles = bundles;
        this.bundleName = bundleName;
        this.trustSource = trustSource;
        current();
        bundles.addBundleUpdateHandler(bundleName, bundle -> LOG.info("SSL bundle '{}' was reloaded ({}): new "
                + "ftplibs: connections use its new TLS material", bundleName, trustSource));
    }

    /**
     * Returns the bundle's current context.
     *
     * @param camelContext not used: the bundle holds everything
     * @return the context, decorated to apply the bundle's protocols and ciphers
     */
    @Override
    public SSLContext createSSLContext(CamelContext camelContext) {
        return current();
    }

    /**
     * Returns the name of the bundle.
     *
     * @return the name
     */
    public String getBundleName() {
        return bundleName;
    }

    /**
     * Says where to add the server's certificate: the bundle's trust material.
     *
     * @return the advice, naming the bundle and its trust store property
     */
    @Override
    public String untrustedCertificate() {
        return "add the server's certificate or its CA to the trust material of the SSL bundle '" + bundleName
                + "' (camel.component.ftplibs.ssl-bundle; " + trustSource + ")";
    }

    /**
     * Says where the TLS versions and ciphers are set: the bundle's options.
     *
     * @return the advice, naming the bundle's option properties
     */
    @Override
    public String noCommonProtocol() {
        return "check spring.ssl.bundle.*." + bundleName + ".options.enabled-protocols and .ciphers of the SSL "
                + "bundle '" + bundleName + "' against the TLS versions the server accepts";
    }

    private SSLContext current() {
        SslBundle bundle = lookup();
        Built last = built;
        if (last == null || last.bundle() != bundle) {
            last = new Built(bundle, build(bundle));
            built = last;
        }
        return last.context();
    }

    private SslBundle lookup() {
        try {
            return bundles.getBundle(bundleName);
        } catch (NoSuchSslBundleException e) {
            throw new FtplibsSslBundleException("camel.component.ftplibs.ssl-bundle names the SSL bundle '"
                    + bundleName + "', which is not defined (" + e.getMessage() + ")",
                    "Define the bundle under spring.ssl.bundle.pem." + bundleName + " or spring.ssl.bundle.jks."
                            + bundleName + ", or fix the name in camel.component.ftplibs.ssl-bundle.", e);
        }
    }

    /** Builds the context; Spring Boot reads the bundle's files only now, so unreadable material fails here. */
    private SSLContext build(SslBundle bundle) {
        try {
            return decorate(bundle);
        } catch (RuntimeException e) {
            throw new FtplibsSslBundleException("The TLS material of the SSL bundle '" + bundleName
                    + "' (camel.component.ftplibs.ssl-bundle) cannot be loaded: " + e.getMessage(),
                    "Check that the files of the bundle exist, are readable and hold PEM or key store content ("
                            + trustSource + "), and that passwords and key aliases match.", e);
        }
    }

    private static SSLContext decorate(SslBundle bundle) {
        SslOptions options = bundle.getOptions();
        Configurer<SSLEngine> applyOptions = engine -> {
            if (options.getEnabledProtocols() != null) {
                engine.setEnabledProtocols(options.getEnabledProtocols());
            }
            if (options.getCiphers() != null) {
                engine.setEnabledCipherSuites(options.getCiphers());
            }
            return engine;
        };
        return new SSLContextDecorator(new SSLContextSpiDecorator(bundle.createSslContext(), List.of(applyOptions),
                List.of(), List.of()));
    }

    @Override
    public String toString() {
        return "SslBundleContextParameters[bundle=" + bundleName + "]";
    }
}

package io.camelftplib.springboot;

import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;

/**
 * Camel {@link SSLContextParameters} backed by a Spring Boot {@link SslBundle}: every
 * {@link #createSSLContext(CamelContext)} returns the context of the bundle as it is <em>now</em>, so after a
 * reload ({@code reload-on-update}) the next connection uses the new material. The bundle's {@code options}
 * (enabled protocols, ciphers) are applied to each {@link SSLEngine} the context creates; host name verification is
 * left to the component, which keeps it on.
 *
 * <p>One context is built per bundle version (the registry hands out a new {@link SslBundle} on reload), so
 * connections share its TLS session cache until the material changes. Thread-safe.
 */
public final class SslBundleContextParameters extends SSLContextParameters {

    private final SslBundles bundles;
    private final String bundleName;
    private volatile Built built;

    /** A bundle version and the context made from it. */
    private record Built(SslBundle bundle, SSLContext context) {
    }

    /**
     * Creates the parameters and builds the bundle's context once, so a wrong name or unreadable material fails
     * at startup rather than at the first connection.
     *
     * @param bundles    Spring Boot's bundle registry
     * @param bundleName the bundle's name
     * @throws IllegalStateException when no bundle has that name; the message names it and where to define it
     */
    public SslBundleContextParameters(SslBundles bundles, String bundleName) {
        this.bundles = bundles;
        this.bundleName = bundleName;
        current();
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

    private SSLContext current() {
        SslBundle bundle = lookup();
        Built last = built;
        if (last == null || last.bundle() != bundle) {
            last = new Built(bundle, decorate(bundle));
            built = last;
        }
        return last.context();
    }

    private SslBundle lookup() {
        try {
            return bundles.getBundle(bundleName);
        } catch (NoSuchSslBundleException e) {
            throw new IllegalStateException("camel.component.ftplibs.ssl-bundle names the SSL bundle '" + bundleName
                    + "', which is not defined: define it under spring.ssl.bundle.pem." + bundleName
                    + " or spring.ssl.bundle.jks." + bundleName + ", or fix the name", e);
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

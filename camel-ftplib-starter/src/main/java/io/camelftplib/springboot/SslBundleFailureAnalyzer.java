package io.camelftplib.springboot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a failed startup caused by the SSL bundle of {@code camel.component.ftplibs.ssl-bundle} (an unknown name,
 * TLS material that cannot be loaded) as Spring Boot's "Description / Action" report. Registered in
 * {@code META-INF/spring.factories}.
 *
 * <p>Stateless; thread-safe.
 */
public final class SslBundleFailureAnalyzer extends AbstractFailureAnalyzer<FtplibsSslBundleException> {

    /** Creates the analyzer; Spring Boot does, from {@code META-INF/spring.factories}. */
    public SslBundleFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FtplibsSslBundleException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
    }
}

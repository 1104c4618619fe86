package io.camelftplib.camel;

/**
 * What to do after a failed TLS handshake, in the terms of whoever supplies an {@code ftplibs:} endpoint's TLS
 * material: endpoint options for a route ({@link #ENDPOINT_OPTIONS}), a Spring Boot SSL bundle's name and files for
 * the starter. An {@code SSLContextParameters} that also implements this interface supplies the advice for the
 * endpoints that use it.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface TlsAdvice {

    /**
     * Says what to change when the server's certificate is not trusted.
     *
     * @return the advice, e.g. which trust store to add the certificate to
     */
    String untrustedCertificate();

    /**
     * Says what to change when client and server share no TLS version or cipher suite.
     *
     * @return the advice
     */
    String noCommonProtocol();

    /** The advice for routes: the endpoint options that set the TLS material. */
    TlsAdvice ENDPOINT_OPTIONS = new TlsAdvice() {
        @Override
        public String untrustedCertificate() {
            return "set sslContextParameters (or useGlobalSslContextParameters) to a trust store holding the "
                    + "server's certificate or its CA";
        }

        @Override
        public String noCommonProtocol() {
            return "check securityProtocol or sslContextParameters against the TLS versions the server accepts";
        }
    };
}

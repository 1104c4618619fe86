package io.camelftplib.camel;

import java.io.IOException;
import java.nio.charset.Charset;
import java.security.cert.CertificateException;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpTls;

/**
 * Makes the FTPS clients of {@code ftplibs:} endpoints: the engine's {@link FtpTls} with an {@link SSLContext}
 * obtained for each new connection, explicit ({@code AUTH TLS} before login) or implicit (TLS from the first byte),
 * host name verification unless {@code verifyHostname=false}, then {@code PBSZ 0} and {@code PROT P} or
 * {@code PROT C} after login (RFC 4217 sections 8 and 9). TLS session reuse on data connections is the engine's.
 *
 * <p>The context is asked for on every connect, not once: an SSL bundle or {@code SSLContextParameters} whose
 * certificates change (a reloaded Spring SSL bundle) applies to the next connection without a restart. A refused
 * {@code AUTH TLS} or a failed handshake fails the connection; the conversation never goes on in plain text.
 *
 * <p>Immutable; thread-safe. The clients it makes are not.
 */
final class TlsClientFactory implements FtpClientFactory {

    /** Where the {@link SSLContext} of a new connection comes from. */
    @FunctionalInterface
    interface ContextSource {

        /**
         * Returns the context for one new connection.
         *
         * @return the context, initialised
         * @throws IOException when it cannot be built (a missing key store, a wrong password)
         */
        SSLContext get() throws IOException;
    }

    private final ContextSource contexts;
    private final FtplibsConfiguration config;
    private final Supplier<TlsAdvice> advice;
    private final String reuseAdvice;

    /**
     * Creates the factory.
     *
     * @param contexts           where each connection's context comes from
     * @param config             the endpoint's options
     * @param advice             what a failed handshake advises, in the terms of the API the user configures
     * @param fromSslParameters  whether the context comes from {@code sslContextParameters} (or a Spring Boot SSL
     *                           bundle), so that its TLS versions are set there and not by {@code securityProtocol}
     */
    TlsClientFactory(ContextSource contexts, FtplibsConfiguration config, Supplier<TlsAdvice> advice,
                     boolean fromSslParameters) {
        this.contexts = contexts;
        this.config = config;
        this.advice = advice;
        this.reuseAdvice = reuseAdvice(fromSslParameters);
    }

    /**
     * What to set when a TLS 1.2 data connection could not resume the control session (vsftpd with its TLS 1.2
     * session tickets), in the terms of the endpoint's options and Spring Boot's properties.
     */
    private static String reuseAdvice(boolean fromSslParameters) {
        String tls13 = fromSslParameters
                ? "let sslContextParameters offer TLSv1.3 (with camel.component.ftplibs.ssl-bundle in Spring Boot:"
                        + " include TLSv1.3 in spring.ssl.bundle.<type>.<name>.options.enabled-protocols, or leave it"
                        + " unset)"
                : "set securityProtocol=TLSv1.3 (the default)";
        return tls13 + ", which this server resumes; or start the JVM with"
                + " -Djdk.tls.client.enableSessionTicketExtension=false, so that the server gives TLS 1.2 session ids";
    }

    @Override
    public Ftp create(Charset encoding) throws IOException {
        FtpTls ftp = new FtpTls(contexts.get(), encoding);
        ftp.setImplicit(config.isImplicit());
        ftp.setHostnameVerification(config.isVerifyHostname());
        ftp.setReuseAdvice(reuseAdvice);
        return ftp;
    }

    /**
     * Asks for a new login when protected data connections have no TLS session left to resume: on TLS 1.3 after an
     * upload to a server that sends no session ticket on uploads (ProFTPD), which would refuse the next data
     * connection with {@code 425}. A new control connection's handshake brings new tickets.
     *
     * @param ftp a logged-in client from {@link #create}
     * @return true when the next data connection could not resume a session
     */
    @Override
    public boolean needsNewConnection(Ftp ftp) {
        return "P".equals(config.getExecProt()) && !((FtpTls) ftp).hasResumableSession();
    }

    /**
     * Sends {@code AUTH TLS} and runs the handshake in explicit mode; implicit mode is secured already.
     *
     * @param ftp a client from {@link #create}
     * @throws IOException when the server refuses TLS or the handshake fails (the connection is closed then)
     */
    @Override
    public void beforeLogin(Ftp ftp) throws IOException {
        if (!config.isImplicit()) {
            ((FtpTls) ftp).auth();
        }
    }

    /**
     * Sends {@code PBSZ 0} and {@code PROT P} ({@code execProt=P}) or {@code PROT C} ({@code execProt=C}),
     * nothing with {@code disableSecureDataChannelDefaults} and no {@code execProt} in the URI, then {@code CCC}
     * with {@code clearCommandChannel=true}. RFC 4217 section 9 requires {@code PBSZ} before {@code PROT} and
     * allows only 0 over TLS.
     *
     * @param ftp a logged-in client from {@link #create}
     * @throws IOException when the server refuses a command
     */
    @Override
    public void afterLogin(Ftp ftp) throws IOException {
        FtpTls tls = (FtpTls) ftp;
        if (!config.sendsDataChannelProtection()) {
            return;
        }
        if ("P".equals(config.getExecProt())) {
            tls.protP();
        } else {
            tls.voidCmd("PBSZ " + config.getExecPbsz());
            tls.protC();
        }
        if (config.isClearCommandChannel()) {
            tls.ccc();
        }
    }

    /**
     * Says what to change after a failed TLS handshake in the terms of whoever supplied the TLS material (endpoint
     * options, or an SSL bundle: {@link TlsAdvice}), instead of the engine's method names the engine's message
     * carries.
     *
     * @param failure why the connection failed
     * @return the failure, or an {@link SSLHandshakeException} whose message adds what to change
     */
    @Override
    public IOException explain(IOException failure) {
        if (!(failure instanceof SSLException)) {
            return failure;
        }
        String what;
        if (hasCause(failure, "No subject alternative", "No name matching")) {
            what = "the certificate does not name the host \"" + config.getHost() + "\"; use a host name it "
                    + "carries, or set verifyHostname=false if this certificate is trusted for this server by other "
                    + "means";
        } else if (hasCause(failure)) {
            what = "the certificate is not trusted; " + advice.get().untrustedCertificate();
        } else {
            what = advice.get().noCommonProtocol();
        }
        // the engine's rewording (its cause is JSSE's own failure) advises engine methods: keep only JSSE's words
        Throwable jsse = failure.getCause() instanceof SSLException ? failure.getCause() : failure;
        String message = "TLS handshake failed: " + jsse.getMessage() + " [" + config.remoteServerInformation()
                + ": " + what + "]";
        SSLException explained = failure instanceof SSLHandshakeException
                ? new SSLHandshakeException(message) : new SSLException(message);
        explained.initCause(failure);
        return explained;
    }

    /** Tells whether a certificate problem caused the failure, one whose message starts so when prefixes given. */
    private static boolean hasCause(Throwable failure, String... messagePrefixes) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            boolean matches = messagePrefixes.length == 0 || startsWithAny(t, messagePrefixes);
            if (t instanceof CertificateException && matches) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(Throwable t, String... prefixes) {
        for (String prefix : prefixes) {
            if (t.getMessage() != null && t.getMessage().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return (config.isImplicit() ? "implicit" : "explicit") + " FTPS, PROT " + config.getExecProt()
                + (config.isVerifyHostname() ? "" : ", host name not verified");
    }
}

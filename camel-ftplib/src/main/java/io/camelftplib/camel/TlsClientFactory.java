package io.camelftplib.camel;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpTls;

/**
 * Makes the FTPS clients of {@code ftplibs:} endpoints: the engine's {@link FtpTls} with the endpoint's
 * {@link SSLContext}, explicit ({@code AUTH TLS} before login) or implicit, then {@code PBSZ} and {@code PROT} after
 * login, and host name verification unless turned off.
 *
 * <p>The context is asked for on every new connection, not once: TLS material that changes at run time (a rotated
 * certificate, a reloaded Spring Boot SSL bundle) reaches the next connection without restarting the route.
 *
 * <p>Immutable; thread-safe as long as the context supplier is.
 */
final class TlsClientFactory implements FtpClientFactory {

    private final Supplier<SSLContext> sslContext;
    private final FtplibsConfiguration config;

    TlsClientFactory(Supplier<SSLContext> sslContext, FtplibsConfiguration config) {
        this.sslContext = sslContext;
        this.config = config;
    }

    @Override
    public Ftp create(Charset encoding) throws IOException {
        FtpTls ftp = new FtpTls(sslContext.get(), encoding);
        ftp.setImplicit(config.isImplicit());
        ftp.setHostnameVerification(config.isVerifyHostname());
        return ftp;
    }

    @Override
    public void beforeLogin(Ftp ftp) throws IOException {
        FtpTls tls = (FtpTls) ftp;
        if (!tls.isImplicit()) {
            // AUTH TLS before USER, so the password never crosses in clear text
            tls.auth();
        }
    }

    @Override
    public void afterLogin(Ftp ftp) throws IOException {
        FtpTls tls = (FtpTls) ftp;
        if ("C".equals(config.getExecProt())) {
            tls.voidCmd("PBSZ " + config.getExecPbsz());
            tls.protC();
        } else {
            tls.protP();
        }
    }

    @Override
    public String toString() {
        return (config.isImplicit() ? "implicit" : "explicit") + " FTPS, PROT " + config.getExecProt()
                + (config.isVerifyHostname() ? "" : ", host name not verified");
    }
}

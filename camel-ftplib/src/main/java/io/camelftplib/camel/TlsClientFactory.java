package io.camelftplib.camel;

import java.io.IOException;
import java.nio.charset.Charset;

import javax.net.ssl.SSLContext;

import io.camelftplib.ftplib.Ftp;

/**
 * Makes the FTPS clients of {@code ftplibs:} endpoints: the engine's TLS client with the endpoint's
 * {@link SSLContext}, explicit ({@code AUTH TLS} before login) or implicit, then {@code PBSZ} and {@code PROT} after
 * login, and host name verification unless turned off.
 *
 * <p>The ftplib build this module compiles against has no TLS client yet, so {@link #create} refuses with a
 * message saying so; everything else (options, SSL context resolution, validation) is in place.
 *
 * <p>Immutable; thread-safe.
 */
final class TlsClientFactory implements FtpClientFactory {

    private final SSLContext sslContext;
    private final FtplibsConfiguration config;

    TlsClientFactory(SSLContext sslContext, FtplibsConfiguration config) {
        this.sslContext = sslContext;
        this.config = config;
    }

    @Override
    public Ftp create(Charset encoding) throws IOException {
        throw new IOException("ftplibs: needs the FTPS client of the ftplib engine (io.camelftplib.ftplib.FtpTls), "
                + "which the ftplib version on the classpath does not provide; upgrade ftplib or use ftplib: for "
                + config.remoteServerInformation() + " (TLS context " + sslContext.getProtocol() + ")");
    }

    @Override
    public void beforeLogin(Ftp ftp) {
        // explicit FTPS sends AUTH TLS here once the engine provides its TLS client
    }

    @Override
    public void afterLogin(Ftp ftp) {
        // PBSZ and PROT follow login once the engine provides its TLS client
    }

    @Override
    public String toString() {
        return (config.isImplicit() ? "implicit" : "explicit") + " FTPS, PROT " + config.getExecProt()
                + (config.isVerifyHostname() ? "" : ", host name not verified");
    }
}

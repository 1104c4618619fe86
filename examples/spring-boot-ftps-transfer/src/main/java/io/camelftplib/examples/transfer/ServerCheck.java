package io.camelftplib.examples.transfer;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import io.camelftplib.ftplib.FtpTls;
import io.camelftplib.springboot.SslBundleContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Logs in once before the routes start, with the same TLS context they use, so a wrong password, an unreachable
 * host or an untrusted certificate stops the application at once with one clear message, instead of a consumer
 * warning on every poll.
 */
final class ServerCheck implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCheck.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final ServerAddress server;
    private final ObjectProvider<SslBundleContextParameters> tls;

    ServerCheck(ServerAddress server, ObjectProvider<SslBundleContextParameters> tls) {
        this.server = server;
        this.tls = tls;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try (FtpTls ftp = new FtpTls(sslContext())) {
            ftp.connect(server.host(), server.port(), CONNECT_TIMEOUT, null);
            ftp.login(server.username(), server.password());
            LOG.info("Logged in to {} ({})", server, ftp.getWelcome());
        } catch (IOException e) {
            throw new FtpServerUnavailableException(server, e);
        }
    }

    private SSLContext sslContext() {
        SslBundleContextParameters bundle = tls.getIfAvailable();
        if (bundle != null) {
            return bundle.createSSLContext(null);
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }
}

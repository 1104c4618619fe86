package io.camelftplib.examples.transfer;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import io.camelftplib.ftplib.FtpPermException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Replaces the stack trace of a failed startup login with what happened (host, port, user, the server's reply) and
 * which properties to check.
 */
public final class ServerFailureAnalyzer extends AbstractFailureAnalyzer<FtpServerUnavailableException> {

    /** Creates the analyzer; Spring Boot finds it through {@code META-INF/spring.factories}. */
    public ServerFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FtpServerUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(), action(cause), cause);
    }

    private static String action(FtpServerUnavailableException failure) {
        ServerAddress server = failure.server();
        Throwable cause = failure.getCause();
        if (cause instanceof FtpPermException perm && "530".equals(perm.replyCode())) {
            return "The server refused user '" + server.username() + "'. Check demo.server.username and "
                    + "demo.server.password.";
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
            return "Nothing answered at " + server.host() + ":" + server.port() + ". Check demo.server.host and "
                    + "demo.server.port, that the FTPS server is running, and that no firewall blocks the port.";
        }
        if (cause instanceof SSLException) {
            return "TLS failed. Check that the SSL bundle named by camel.component.ftplibs.ssl-bundle trusts the "
                    + "server's certificate (spring.ssl.bundle.pem.<name>.truststore.certificate) and that the "
                    + "certificate names " + server.host() + ".";
        }
        return "Check the server's log for why it refused user '" + server.username() + "', and demo.server.*.";
    }
}

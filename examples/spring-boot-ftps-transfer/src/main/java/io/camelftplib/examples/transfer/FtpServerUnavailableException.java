package io.camelftplib.examples.transfer;

/**
 * The demo's FTPS server could not be reached or refused the login at startup; {@link ServerFailureAnalyzer}
 * turns it into a short report of what to check.
 */
public final class FtpServerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ServerAddress server;

    FtpServerUnavailableException(ServerAddress server, Exception cause) {
        super("Cannot log in to the FTPS server " + server.host() + ":" + server.port() + " as user '"
                + server.username() + "': " + cause.getMessage(), cause);
        this.server = server;
    }

    /** @return the server and user that failed */
    ServerAddress server() {
        return server;
    }
}

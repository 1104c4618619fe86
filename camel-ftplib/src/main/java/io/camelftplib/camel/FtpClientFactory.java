package io.camelftplib.camel;

import java.io.IOException;
import java.nio.charset.Charset;

import io.camelftplib.ftplib.Ftp;

/**
 * Makes the engine client of a session and secures it around login: the one seam between {@code ftplib:} (plain
 * {@link Ftp}) and {@code ftplibs:} (the engine's TLS client).
 *
 * <p>Implementations are immutable and thread-safe; the clients they make are not.
 */
interface FtpClientFactory {

    /**
     * Creates an unconnected client.
     *
     * @param encoding the control encoding
     * @return the client
     * @throws IOException when the client cannot be made (e.g. no TLS context)
     */
    Ftp create(Charset encoding) throws IOException;

    /**
     * Runs after the welcome, before USER: explicit FTPS sends {@code AUTH TLS} here.
     *
     * @param ftp the connected client
     * @throws IOException when the server refuses
     */
    void beforeLogin(Ftp ftp) throws IOException;

    /**
     * Runs after login: FTPS sends {@code PBSZ} and {@code PROT} here.
     *
     * @param ftp the logged-in client
     * @throws IOException when the server refuses
     */
    void afterLogin(Ftp ftp) throws IOException;

    /**
     * Rewords a failed connection attempt in terms of the endpoint's options, e.g. a TLS handshake failure.
     *
     * @param failure why the attempt failed
     * @return the failure to report: {@code failure} itself, or a new exception with it as the cause
     */
    default IOException explain(IOException failure) {
        return failure;
    }

    /**
     * Tells whether a connection must be replaced before its next transfer because the server would refuse the
     * data connection, e.g. FTPS on TLS 1.3 once the login's session tickets are spent.
     *
     * @param ftp a logged-in client from {@link #create}
     * @return true to log in again on a new connection first
     */
    default boolean needsNewConnection(Ftp ftp) {
        return false;
    }

    /** The factory of plain FTP clients. */
    FtpClientFactory PLAIN = new FtpClientFactory() {
        @Override
        public Ftp create(Charset encoding) {
            return new Ftp(encoding);
        }

        @Override
        public void beforeLogin(Ftp ftp) {
            // plain FTP: nothing to negotiate
        }

        @Override
        public void afterLogin(Ftp ftp) {
            // plain FTP: nothing to negotiate
        }

        @Override
        public String toString() {
            return "plain FTP";
        }
    };
}

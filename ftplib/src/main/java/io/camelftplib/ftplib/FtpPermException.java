package io.camelftplib.ftplib;

/**
 * A 5xx reply (permanent negative completion): ftplib's {@code error_perm}. Retrying the same command will fail again.
 *
 * <p>Immutable.
 */
public class FtpPermException extends FtpException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a reply, with no further context.
     *
     * @param reply the reply as ftplib's {@code str(err)} shows it
     */
    public FtpPermException(String reply) {
        super(reply);
    }

    /**
     * Creates the exception for a reply with a context sentence for the message.
     *
     * @param reply   the reply as ftplib's {@code str(err)} shows it
     * @param context what the reply answered and what to do; {@code null} for none
     * @param cause   the underlying failure, or {@code null}
     */
    public FtpPermException(String reply, String context, Throwable cause) {
        super(reply, context, cause);
    }
}

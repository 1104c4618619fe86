package io.camelftplib.ftplib;

/**
 * A reply of an unexpected class (1xx, 2xx or 3xx where another was needed): ftplib's {@code error_reply}.
 *
 * <p>Immutable.
 */
public class FtpReplyException extends FtpException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a reply, with no further context.
     *
     * @param reply the reply as ftplib's {@code str(err)} shows it
     */
    public FtpReplyException(String reply) {
        super(reply);
    }

    /**
     * Creates the exception for a reply with a context sentence for the message.
     *
     * @param reply   the reply as ftplib's {@code str(err)} shows it
     * @param context what the reply answered and what to do; {@code null} for none
     * @param cause   the underlying failure, or {@code null}
     */
    public FtpReplyException(String reply, String context, Throwable cause) {
        super(reply, context, cause);
    }
}

package io.camelftplib.ftplib;

/**
 * A 4xx reply (transient negative completion): ftplib's {@code error_temp}. Retrying later may succeed.
 *
 * <p>Immutable.
 */
public class FtpTempException extends FtpException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a reply, with no further context.
     *
     * @param reply the reply as ftplib's {@code str(err)} shows it
     */
    public FtpTempException(String reply) {
        super(reply);
    }

    /**
     * Creates the exception for a reply with a context sentence for the message.
     *
     * @param reply   the reply as ftplib's {@code str(err)} shows it
     * @param context what the reply answered and what to do; {@code null} for none
     * @param cause   the underlying failure, or {@code null}
     */
    public FtpTempException(String reply, String context, Throwable cause) {
        super(reply, context, cause);
    }
}

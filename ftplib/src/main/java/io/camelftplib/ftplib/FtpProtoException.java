package io.camelftplib.ftplib;

/**
 * A reply that breaks the protocol (a first character outside 1-5, an unparsable PASV/EPSV/SIZE reply, an
 * undecodable or overlong reply): ftplib's {@code error_proto}. {@link FtpIncompleteTransferException} is the kind
 * for a transfer whose byte count disagrees with a known size.
 *
 * <p>Immutable.
 */
public class FtpProtoException extends FtpException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a reply, with no further context.
     *
     * @param reply the reply as ftplib's {@code str(err)} shows it
     */
    public FtpProtoException(String reply) {
        super(reply);
    }

    /**
     * Creates the exception for a reply with a context sentence for the message.
     *
     * @param reply   the reply as ftplib's {@code str(err)} shows it
     * @param context what the reply answered and what to do; {@code null} for none
     * @param cause   the underlying failure, or {@code null}
     */
    public FtpProtoException(String reply, String context, Throwable cause) {
        super(reply, context, cause);
    }
}

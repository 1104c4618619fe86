package io.camelftplib.ftplib;

import java.io.IOException;

/**
 * An FTP failure reported by the server or by the protocol rules: ftplib's {@code Error}.
 *
 * <p>{@link #reply()} is the server's reply exactly as ftplib's {@code str(err)} shows it (multi-line replies
 * joined with {@code \n}); {@link #getMessage()} adds which command it answered, at which host, and what to do.
 * A password never appears in either. {@link IOException} plays ftplib's {@code all_errors}: catch it to catch
 * every failure of a conversation, these and the socket, TLS and end-of-stream errors alike.
 *
 * <p>Immutable.
 */
public class FtpException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The reply as ftplib's {@code str(err)} would show it. */
    private final String reply;

    /**
     * Creates an exception for a reply, with no further context.
     *
     * @param reply the server's reply (or ftplib's message text), as {@code str(err)} shows it
     */
    public FtpException(String reply) {
        this(reply, null, null);
    }

    /**
     * Creates an exception for a reply with a context sentence for the message.
     *
     * @param reply   the server's reply (or ftplib's message text), as {@code str(err)} shows it
     * @param context what the reply answered and what to do, e.g. {@code reply to RETR a.txt at 127.0.0.1:21};
     *                {@code null} for none
     * @param cause   the underlying failure, or {@code null}
     */
    public FtpException(String reply, String context, Throwable cause) {
        super(context == null || context.isEmpty() ? reply : reply + " (" + context + ")", cause);
        this.reply = reply;
    }

    /**
     * Returns the reply exactly as Python's {@code str(err)} would show it.
     *
     * @return the reply text, lines joined with {@code \n}
     */
    public String reply() {
        return reply;
    }

    /**
     * Returns the three-character reply code, ftplib's {@code lastresp}.
     *
     * @return the first three characters of the reply, or {@code null} when the reply is shorter
     */
    public String replyCode() {
        return reply != null && reply.length() >= 3 ? reply.substring(0, 3) : null;
    }
}

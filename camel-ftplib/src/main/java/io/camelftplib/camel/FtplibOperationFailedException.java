package io.camelftplib.camel;

import org.apache.camel.component.file.GenericFileOperationFailedException;

/**
 * A failed operation with the server's reply code and reply kept apart from the message: camel-file's own
 * constructor with a code and reason writes the reply into the message twice and the code a third time
 * ({@code File operation failed: 530 Login incorrect. Cannot connect ...: 530 Login incorrect. (...). Code: 530}),
 * and returns the whole message as the reason. Here the message names the reply once, and {@link #getReason()} is the
 * reply alone.
 *
 * <p>Immutable; thread-safe.
 */
final class FtplibOperationFailedException extends GenericFileOperationFailedException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String reply;

    /**
     * Creates the exception.
     *
     * @param code    the reply code, e.g. 530
     * @param reply   the server's reply, e.g. {@code 530 Login incorrect.}
     * @param message the whole message, which names the reply once
     * @param cause   the engine's failure
     */
    FtplibOperationFailedException(int code, String reply, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.reply = reply;
    }

    /**
     * Returns the reply code.
     *
     * @return e.g. 530
     */
    @Override
    public int getCode() {
        return code;
    }

    /**
     * Returns the server's reply, without the message around it.
     *
     * @return e.g. {@code 530 Login incorrect.}
     */
    @Override
    public String getReason() {
        return reply;
    }
}

package io.camelftplib.camel;

import java.io.IOException;

import io.camelftplib.ftplib.FtpException;
import org.apache.camel.component.file.GenericFileOperationFailedException;

/**
 * Wraps engine failures once, in the operations layer, as {@link GenericFileOperationFailedException} with the
 * reply code and reply, so Camel's error handling sees the FTP verdict.
 *
 * <p>Stateless; thread-safe.
 */
final class OperationFailures {

    private OperationFailures() {
    }

    /**
     * Wraps a failure.
     *
     * @param what   what was being done, e.g. {@code Cannot retrieve file: in/a.txt}
     * @param server the server, for the message
     * @param e      the engine or socket failure
     * @return the exception to throw
     */
    static GenericFileOperationFailedException wrap(String what, String server, IOException e) {
        return failed(what + " on " + server + ": " + e.getMessage(), e);
    }

    /**
     * Wraps a failure with a message of the caller's: it should name the failure's message once.
     *
     * @param message the whole message
     * @param e       the engine or socket failure
     * @return the exception to throw, with the reply code and reply of an FTP failure
     */
    static GenericFileOperationFailedException failed(String message, IOException e) {
        if (e instanceof FtpException f && f.replyCode() != null) {
            int code;
            try {
                code = Integer.parseInt(f.replyCode());
            } catch (NumberFormatException nfe) {
                code = 0;
            }
            return new FtplibOperationFailedException(code, f.reply(), message, e);
        }
        return new GenericFileOperationFailedException(message, e);
    }
}

package io.camelftplib.camel;

import java.io.IOException;

import io.camelftplib.ftplib.FtpException;
import org.apache.camel.Message;
import org.apache.camel.component.file.GenericFileOperationFailedException;

/**
 * The one place that sets {@code CamelFtpReplyCode}/{@code CamelFtpReplyString}: after a transfer or operation,
 * and on every failure.
 *
 * <p>Stateless; thread-safe.
 */
final class ReplyHeaders {

    private ReplyHeaders() {
    }

    /**
     * Sets the headers from a reply.
     *
     * @param message the message
     * @param reply   the server's reply, e.g. {@code 226 Transfer complete}
     */
    static void set(Message message, String reply) {
        if (message == null || reply == null) {
            return;
        }
        message.setHeader(FtplibConstants.FTP_REPLY_STRING, reply);
        if (reply.length() >= 3 && Character.isDigit(reply.charAt(0))) {
            try {
                message.setHeader(FtplibConstants.FTP_REPLY_CODE, Integer.parseInt(reply.substring(0, 3)));
            } catch (NumberFormatException e) {
                message.removeHeader(FtplibConstants.FTP_REPLY_CODE);
            }
        }
    }

    /**
     * Sets the headers from a failure: the reply of an FTP failure, or the message of an I/O failure.
     *
     * @param message the message
     * @param failure the failure
     */
    static void set(Message message, Throwable failure) {
        if (message == null) {
            return;
        }
        if (failure instanceof GenericFileOperationFailedException g && g.getCode() > 0) {
            message.setHeader(FtplibConstants.FTP_REPLY_CODE, g.getCode());
            message.setHeader(FtplibConstants.FTP_REPLY_STRING, g.getReason());
        } else if (failure instanceof FtpException f) {
            set(message, f.reply());
        } else if (failure instanceof IOException || failure != null) {
            message.setHeader(FtplibConstants.FTP_REPLY_STRING, String.valueOf(failure.getMessage()));
        }
    }
}

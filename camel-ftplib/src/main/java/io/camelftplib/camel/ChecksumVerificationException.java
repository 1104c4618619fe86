package io.camelftplib.camel;

import java.io.IOException;

/**
 * A transfer whose content could not be proven whole: the digest over the bytes transferred differs from the
 * server's digest of the stored file, or {@code verifyChecksum=required} met a server that offers no hash command.
 * The exchange fails and nothing is committed.
 *
 * <p>Immutable.
 */
public final class ChecksumVerificationException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what differed (both digests and the command) or what the server lacks, and what to do
     */
    public ChecksumVerificationException(String message) {
        super(message);
    }
}

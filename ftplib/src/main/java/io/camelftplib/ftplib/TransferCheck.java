package io.camelftplib.ftplib;

import java.util.OptionalLong;

/**
 * The one rule that decides whether a confirmed transfer delivered the whole file: every size the engine knows
 * (a {@code 150} reply's, the caller's {@link ExpectedSize}, a {@code SIZE} reply) is compared with the bytes that
 * moved, with the restart offset accounted for. A mismatch is an {@link FtpIncompleteTransferException}.
 *
 * <p>Servers differ after {@code REST n}: vsftpd's {@code 150} still announces the whole file, others the rest of
 * it, so a {@code 150} size equal to either the received count or the received count plus {@code n} is accepted.
 * An {@link ExpectedSize} is always the whole file, so {@code bytes - n} must arrive.
 *
 * <p>Immutable.
 */
final class TransferCheck {

    /** What the 150 reply is called in messages. */
    static final String FROM_150 = "the 150 reply";
    /** What the SIZE reply after an upload is called in messages. */
    static final String FROM_SIZE_AFTER_UPLOAD = "the SIZE reply after the upload";

    private final String command;
    private final String where;
    private final long rest;

    /**
     * @param command the transfer command; for an upload's check, the {@code SIZE} command that measured it
     * @param where   the server, {@code host:port}
     * @param rest    the restart offset, 0 for none, negative when it is not a byte count (nothing is checked)
     */
    TransferCheck(String command, String where, long rest) {
        this.command = command;
        this.where = where;
        this.rest = rest;
    }

    /**
     * Checks a confirmed download.
     *
     * @param reply     the final reply
     * @param announced the size the 150 reply announced
     * @param expected  the caller's size of the whole file
     * @param received  the bytes received
     * @throws FtpIncompleteTransferException when a known size disagrees
     */
    void download(String reply, OptionalLong announced, ExpectedSize expected, long received)
            throws FtpIncompleteTransferException {
        if (rest < 0) {
            return;
        }
        if (announced.isPresent()) {
            long whole = announced.getAsLong();
            boolean matches = received == whole || (rest > 0 && received == whole - rest);
            if (!matches) {
                // report the reading of the 150 that asks for less: the whole file less the offset, if it is short
                long wanted = rest > 0 && received < whole - rest ? whole - rest : whole;
                throw mismatch(reply, wanted, received, FROM_150, false);
            }
        }
        if (expected.isKnown()) {
            long wanted = expected.bytes().getAsLong() - rest;
            if (received != wanted) {
                throw mismatch(reply, wanted, received, expected.source(), false);
            }
        }
    }

    /**
     * Checks the server's size of an uploaded file against the bytes sent.
     *
     * @param reply  the SIZE reply
     * @param sent   the bytes the upload sent, or the whole size expected on the server
     * @param stored the size the server reports
     * @throws FtpIncompleteTransferException when they differ
     */
    void upload(String reply, long sent, long stored) throws FtpIncompleteTransferException {
        if (stored != sent) {
            throw mismatch(reply, sent, stored, FROM_SIZE_AFTER_UPLOAD, true);
        }
    }

    private FtpIncompleteTransferException mismatch(String reply, long wanted, long actual, String source,
            boolean upload) {
        // after an upload the command is the SIZE that measured it: name the upload, not the SIZE
        String subject = (upload ? "the upload of " + command.substring(command.indexOf(' ') + 1) : command)
                + " at " + where;
        return new FtpIncompleteTransferException(reply,
                new Mismatch(subject, command, wanted, actual, source, upload, rest));
    }

    /** The counts of a transfer that disagree, and how to say so. */
    record Mismatch(String subject, String command, long expected, long actual, String source, boolean upload,
            long rest) {

        String describe() {
            String offset = rest > 0 ? " from offset " + rest : "";
            if (upload) {
                return actual < expected
                        ? subject + " ended early: the server holds " + actual + " bytes according to " + source
                                + ", but " + expected + " were sent, so the stored file is truncated; upload it again"
                        : subject + ": the server holds more than was sent: " + actual + " bytes according to "
                                + source + ", but " + expected + " were sent; another writer may have changed the"
                                + " file, upload it again";
            }
            String counts = actual + " bytes arrived" + offset + ", " + expected + " expected from " + source;
            return actual < expected
                    ? subject + " ended early: " + counts + "; the data is truncated, do not use it and fetch the"
                            + " file again"
                    : subject + ": the server sent more than announced: " + counts + "; do not use the data, the"
                            + " file may have changed while it was sent";
        }
    }
}

package io.camelftplib.ftplib.testing;

/**
 * What the {@link FaultProxy} does to one data connection, at which byte of the data.
 *
 * @param action what to do
 * @param offset the number of bytes passed on unharmed first (for a flip: the offset of the flipped byte)
 * @param cut    how to close, for {@link Action#CUT}
 * @param handle reports that it struck
 */
record DataFault(Action action, long offset, Cut cut, Fault handle) {

    /** The faults a data connection can suffer. */
    enum Action {
        /** Close both sides of the data connection after {@code offset} bytes. */
        CUT,
        /** End the data towards the receiver after {@code offset} bytes; the sender's 226 is still passed on. */
        TRUNCATE,
        /** Pass on nothing after {@code offset} bytes and never close. */
        STALL,
        /** Invert every bit of the byte at {@code offset}. */
        FLIP
    }

    DataFault {
        if (offset < 0) {
            throw new IllegalArgumentException("a fault offset counts bytes and cannot be negative: " + offset);
        }
    }
}

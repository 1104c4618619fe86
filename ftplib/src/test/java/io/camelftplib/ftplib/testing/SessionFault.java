package io.camelftplib.ftplib.testing;

/**
 * A control connection that the {@link FaultProxy} cuts after a number of reply bytes.
 *
 * @param bytes  the bytes passed from the server to the client first
 * @param cut    how to close
 * @param handle reports that it struck
 */
record SessionFault(long bytes, Cut cut, Fault handle) {

    SessionFault {
        if (bytes < 0) {
            throw new IllegalArgumentException("a fault offset counts bytes and cannot be negative: " + bytes);
        }
    }
}

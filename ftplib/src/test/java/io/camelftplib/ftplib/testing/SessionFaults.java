package io.camelftplib.ftplib.testing;

import java.util.function.Function;

/**
 * Arms a fault on one future control connection through a {@link FaultProxy}, e.g.
 * {@code proxy.nextSession().cutAfter(100, Cut.RST)}. Thread-safe.
 */
public final class SessionFaults {

    private final String target;
    private final Function<SessionFault, Fault> arm;

    SessionFaults(String target, Function<SessionFault, Fault> arm) {
        this.target = target;
        this.arm = arm;
    }

    /**
     * Passes {@code bytes} bytes from the server to the client (the welcome counts), then closes the control
     * connection on both sides.
     *
     * @param bytes how many bytes of replies pass
     * @param cut   an orderly close or a reset
     * @return the armed fault
     */
    public Fault cutAfter(long bytes, Cut cut) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a fault offset counts bytes and cannot be negative: " + bytes);
        }
        return arm.apply(new SessionFault(bytes, cut, new Fault("cut (" + cut + ") after " + bytes + " of " + target)));
    }

    /**
     * A control connection cut after a number of reply bytes.
     *
     * @param bytes  the bytes passed first
     * @param cut    how to close
     * @param handle reports that it struck
     */
    record SessionFault(long bytes, Cut cut, Fault handle) {
    }
}

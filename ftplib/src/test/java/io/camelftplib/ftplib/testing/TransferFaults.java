package io.camelftplib.ftplib.testing;

import java.util.function.Function;

/**
 * Arms a fault on one future transfer through a {@link FaultProxy}, e.g.
 * {@code proxy.nextDownload().cutAfter(3 * MiB, Cut.FIN)}. Offsets count the bytes of the file's data on that
 * data connection (for a resumed transfer: from the {@code REST} offset). Each method arms exactly one fault, which
 * strikes once. Thread-safe.
 */
public final class TransferFaults {

    private final String target;
    private final Function<DataFault, Fault> arm;

    TransferFaults(String target, Function<DataFault, Fault> arm) {
        this.target = target;
        this.arm = arm;
    }

    /**
     * Passes {@code bytes} bytes, then closes the data connection on both sides (the client and the server).
     *
     * @param bytes how many bytes pass first
     * @param cut   an orderly close or a reset
     * @return the armed fault
     */
    public Fault cutAfter(long bytes, Cut cut) {
        return arm.apply(new DataFault(DataFault.Action.CUT, bytes, cut, fault("cut (" + cut + ") after " + bytes)));
    }

    /**
     * Passes {@code bytes} bytes, then ends the data towards the receiver with an orderly close while the sender
     * goes on sending into the proxy; the sender's final reply ({@code 226}) reaches the client only after that
     * close. This is a short file that the server reports as complete.
     *
     * @param bytes how many bytes pass
     * @return the armed fault
     */
    public Fault truncateAfter(long bytes) {
        return arm.apply(new DataFault(DataFault.Action.TRUNCATE, bytes, null, fault("truncate after " + bytes)));
    }

    /**
     * Passes {@code bytes} bytes, then passes nothing more and keeps the connection open until the client gives
     * up and closes its side (or the proxy closes).
     *
     * @param bytes how many bytes pass
     * @return the armed fault
     */
    public Fault stallAfter(long bytes) {
        return arm.apply(new DataFault(DataFault.Action.STALL, bytes, null, fault("stall after " + bytes)));
    }

    /**
     * Inverts every bit of one byte of the data, and passes everything else as it is.
     *
     * @param offset the offset of the byte in the data of this connection
     * @return the armed fault
     */
    public Fault flipByteAt(long offset) {
        return arm.apply(new DataFault(DataFault.Action.FLIP, offset, null, fault("flip byte " + offset)));
    }

    private Fault fault(String what) {
        return new Fault(what + " of " + target);
    }
}

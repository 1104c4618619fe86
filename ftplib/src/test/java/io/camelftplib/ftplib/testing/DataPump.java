package io.camelftplib.ftplib.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.function.Supplier;

/**
 * One direction of a data connection through the {@link FaultProxy}: copies bytes from one socket to the other
 * and, when the transfer was armed with a {@link DataFault}, harms the data at its offset. Not thread-safe: one
 * task runs it.
 */
final class DataPump implements Runnable {

    private static final int CHUNK = 64 * 1024;

    private final String direction;
    private final RelayedConnection connection;
    private final Socket from;
    private final Socket to;
    private final Supplier<DataFault> fault;
    private final Runnable delivered;
    private long passed;

    /**
     * @param direction  for the log, e.g. "server to client"
     * @param connection the data connection; cut or closed through it
     * @param from       the socket read
     * @param to         the socket written
     * @param fault      asked once, at the first byte: the fault for this direction, or null
     * @param delivered  run once the receiver has been given its end of data (or never will be)
     */
    DataPump(String direction, RelayedConnection connection, Socket from, Socket to, Supplier<DataFault> fault,
            Runnable delivered) {
        this.direction = direction;
        this.connection = connection;
        this.from = from;
        this.to = to;
        this.fault = fault;
        this.delivered = delivered;
    }

    @Override
    public void run() {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[CHUNK];
            DataFault armed = null;
            boolean relaying = true;
            int n = in.read(buffer);
            if (n >= 0) {
                armed = fault.get();
            }
            while (n >= 0 && !connection.isClosed()) {
                if (relaying) {
                    relaying = relay(buffer, n, armed, out);
                }
                passed += n;
                n = connection.isClosed() ? -1 : in.read(buffer);
            }
            if (relaying) {
                to.shutdownOutput();
                delivered.run();
            }
            connection.directionEnded();
        } catch (IOException e) {
            connection.directionFailed(direction, e);
        }
    }

    /** Passes one chunk on, harmed as armed; returns whether later chunks are still passed on. */
    private boolean relay(byte[] buffer, int n, DataFault armed, OutputStream out) throws IOException {
        if (armed == null || armed.offset() >= passed + n) {
            out.write(buffer, 0, n);
            return true;
        }
        if (armed.action() == DataFault.Action.FLIP) {
            if (armed.offset() >= passed) {
                buffer[(int) (armed.offset() - passed)] ^= (byte) 0xFF;
                armed.handle().fire();
            }
            out.write(buffer, 0, n);
            return true;
        }
        int keep = (int) Math.max(0, armed.offset() - passed);
        out.write(buffer, 0, keep);
        out.flush();
        armed.handle().fire();
        switch (armed.action()) {
            case CUT -> connection.cut(armed.cut());
            case TRUNCATE -> {
                // the receiver sees a clean end of data; the sender goes on into the void and reports success
                to.shutdownOutput();
                delivered.run();
            }
            default -> {
                // STALL: nothing more passes and nothing closes; the rest is read and dropped so the sender finishes
            }
        }
        return false;
    }
}

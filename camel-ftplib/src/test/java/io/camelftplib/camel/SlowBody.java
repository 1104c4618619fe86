package io.camelftplib.camel;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A body that arrives slowly: from the first read on, a scheduler hands over one piece of the data per period, and
 * the stream's reads block until the next piece is there, as the stream of a slow source would. For tests that
 * observe a transfer while it runs.
 *
 * <p>Thread-safe: the scheduler writes, one reader reads. Closing stops the scheduler.
 */
final class SlowBody implements AutoCloseable {

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> pieces = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    private final byte[] data;
    private final int pieceSize;
    private final Duration period;
    private boolean started;

    SlowBody(byte[] data, int pieceSize, Duration period) {
        this.data = data;
        this.pieceSize = pieceSize;
        this.period = period;
    }

    /** Starts handing over pieces at the first read, so none pile up before the transfer begins. */
    private synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        int[] offset = {0};
        scheduler.scheduleAtFixedRate(() -> {
            if (offset[0] >= data.length) {
                pieces.add(END);
                scheduler.shutdown();
                return;
            }
            int end = Math.min(data.length, offset[0] + pieceSize);
            pieces.add(Arrays.copyOfRange(data, offset[0], end));
            offset[0] = end;
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Returns the stream of the data.
     *
     * @return the stream; reads block until the next piece arrives
     */
    InputStream stream() {
        return new InputStream() {
            private byte[] piece = new byte[0];
            private int position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (piece == END) {
                    return -1;
                }
                if (position == piece.length) {
                    start();
                    try {
                        piece = pieces.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while waiting for the next piece", e);
                    }
                    position = 0;
                    if (piece == END) {
                        return -1;
                    }
                }
                int n = Math.min(len, piece.length - position);
                System.arraycopy(piece, position, b, off, n);
                position += n;
                return n;
            }
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

package io.camelftplib.examples.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.IntConsumer;

/**
 * Counts the bytes its reader takes from the wrapped stream and reports each tenth of the expected total once, as
 * it is reached. It tells the truth about a transfer only when the transfer itself reads it: an upload whose
 * producer reads the body while writing the data connection, a download whose body is the data connection's
 * stream. A route that caches the body (Camel's stream caching) reads it all into memory first, and the tenths
 * would then count that copy; {@link TransferLog} turns caching off for that reason.
 *
 * <p>Closing it closes the wrapped stream. Not thread-safe: one transfer reads it.
 */
final class ProgressInputStream extends FilterInputStream {

    private final long total;
    private final IntConsumer tenths;
    private long read;
    private int lastTenth;

    /**
     * Wraps a stream.
     *
     * @param in     the body stream
     * @param total  the expected size, above 0
     * @param tenths told 1 to 10 as each tenth of {@code total} has been read
     */
    ProgressInputStream(InputStream in, long total, IntConsumer tenths) {
        super(in);
        if (total <= 0) {
            throw new IllegalArgumentException("a progress stream needs the expected size, got " + total);
        }
        this.total = total;
        this.tenths = tenths;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    /** Bytes read so far. */
    long bytesRead() {
        return read;
    }

    private void count(long n) {
        if (n <= 0) {
            return;
        }
        read += n;
        int tenth = (int) Math.min(10, read * 10 / total);
        while (lastTenth < tenth) {
            lastTenth++;
            tenths.accept(lastTenth);
        }
    }
}

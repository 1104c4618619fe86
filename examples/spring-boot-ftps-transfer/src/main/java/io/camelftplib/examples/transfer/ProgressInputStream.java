package io.camelftplib.examples.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every tenth of a large transfer as its bytes are read: the body stream of an upload or a download.
 *
 * <p>Closing it closes the wrapped stream. Not thread-safe: one transfer reads it.
 */
final class ProgressInputStream extends FilterInputStream {

    /** Files below this size transfer too fast for progress lines to help. */
    static final long LARGE = 4L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ProgressInputStream.class);

    private final String label;
    private final long total;
    private long read;
    private int lastTenth;

    ProgressInputStream(InputStream in, String label, long total) {
        super(in);
        this.label = label;
        this.total = total;
    }

    /**
     * Wraps a stream when the transfer is large enough to show progress.
     *
     * @param in    the body stream
     * @param label e.g. {@code upload big.bin}
     * @param total the expected size, or a negative number when unknown
     * @return the stream to read
     */
    static InputStream of(InputStream in, String label, long total) {
        return total >= LARGE ? new ProgressInputStream(in, label, total) : in;
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

    private void count(int n) {
        if (n <= 0) {
            return;
        }
        read += n;
        int tenth = (int) Math.min(10, read * 10 / total);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            LOG.info("{}: {}% ({} of {} MiB)", label, tenth * 10, read / (1024 * 1024), total / (1024 * 1024));
        }
    }
}

package io.camelftplib.camel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A route's view of a download that breaks part way: once the first megabyte has been read, it runs the drop (the
 * test's server disconnects every session), the first time only, and keeps reading.
 */
final class DropAfterFirstMegabyte extends FilterInputStream {

    private final AtomicBoolean dropped;
    private final Runnable drop;
    private long read;

    DropAfterFirstMegabyte(InputStream in, AtomicBoolean dropped, Runnable drop) {
        super(in);
        this.dropped = dropped;
        this.drop = drop;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        read += Math.max(n, 0);
        if (read > 1024 * 1024 && dropped.compareAndSet(false, true)) {
            drop.run();
        }
        return n;
    }
}

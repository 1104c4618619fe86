package io.camelftplib.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a control connection line by line for the {@link LatencyProxy}, so a line can be looked at (a 227 reply,
 * a PORT command) and replaced before it is queued. A line ends at LF; a line longer than {@link #MAX_LINE}
 * bytes is passed on in pieces, unread, so a peer that sends no LF costs no memory. Not thread-safe: one reader
 * task uses it.
 */
final class LineSource implements DelayedPipe.Source {

    /** What to send for a line: its bytes, other bytes, or null to send nothing (the filter answered itself). */
    @FunctionalInterface
    interface Filter {
        /**
         * Looks at one line.
         *
         * @param line the line in ISO-8859-1 (byte for byte), without CR LF
         * @param raw  the line's bytes as received, with CR LF
         * @return the bytes to forward, or null to forward nothing
         * @throws IOException when acting on the line fails (the connection then ends)
         */
        byte[] apply(String line, byte[] raw) throws IOException;
    }

    /** The same bound as the engine's {@code MAXLINE}. */
    static final int MAX_LINE = 8192;

    private final InputStream in;
    private final Filter filter;

    LineSource(InputStream in, Filter filter) {
        this.in = new BufferedInputStream(in, MAX_LINE);
        this.filter = filter;
    }

    @Override
    public byte[] next() throws IOException {
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            int b = -1;
            while (line.size() < MAX_LINE && (b = in.read()) != -1) {
                line.write(b);
                if (b == '\n') {
                    break;
                }
            }
            if (line.size() == 0) {
                return null;
            }
            byte[] raw = line.toByteArray();
            if (b != '\n') {
                return raw;
            }
            byte[] out = filter.apply(text(raw), raw);
            if (out != null) {
                return out;
            }
        }
    }

    private static String text(byte[] raw) {
        int end = raw.length;
        while (end > 0 && (raw[end - 1] == '\n' || raw[end - 1] == '\r')) {
            end--;
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }
}

package io.camelftplib.camel;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what the test logging backend (slf4j-simple, which writes to {@code System.err} as it is when a line is
 * logged) prints while it is open, so a test that provokes a WARN can assert it and keep the build log quiet.
 *
 * <p>Not thread-safe to open twice at once; lines from every thread are captured.
 */
final class CapturedLog implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    CapturedLog() {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    /**
     * Returns the lines logged so far.
     *
     * @return the lines
     */
    List<String> lines() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    /**
     * Returns the logged lines that contain a text.
     *
     * @param text e.g. {@code WARN}
     * @return the matching lines
     */
    List<String> linesWith(String text) {
        return lines().stream().filter(line -> line.contains(text)).toList();
    }

    /** Restores the original standard error. */
    @Override
    public void close() {
        System.setErr(original);
    }
}

package io.camelftplib.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts the FTP commands a server received, from vsftpd's {@code log_ftp_protocol} log: every command is one
 * line holding {@code FTP command:}. A round marks the log's end before it starts and counts what was appended
 * after it ends.
 *
 * <p>Only the benchmark's own clients talk to the private server, so every command counted is the round's.
 * Not thread-safe.
 */
final class ServerLog {

    private static final byte[] COMMAND = "FTP command:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Path file;

    ServerLog(Path file) {
        this.file = file;
    }

    /** The log's current end. */
    long mark() throws IOException {
        return Files.size(file);
    }

    /**
     * Counts the commands logged since {@code mark}. vsftpd writes a line when it has read the command, which may
     * be a moment after the client saw its reply (QUIT), so the count is read until it stops changing.
     *
     * @param mark a value from {@link #mark()}
     * @return the number of commands
     * @throws IOException when the log cannot be read
     * @throws InterruptedException when interrupted while waiting for the log to settle
     */
    long commandsSince(long mark) throws IOException, InterruptedException {
        long previous = -1;
        long count = count(mark);
        for (int i = 0; i < 40 && count != previous; i++) {
            Thread.sleep(25);
            previous = count;
            count = count(mark);
        }
        return count;
    }

    private long count(long mark) throws IOException {
        long count = 0;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(mark);
            byte[] buffer = new byte[64 * 1024];
            int matched = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    matched = buffer[i] == COMMAND[matched] ? matched + 1 : (buffer[i] == COMMAND[0] ? 1 : 0);
                    if (matched == COMMAND.length) {
                        count++;
                        matched = 0;
                    }
                }
            }
        }
        return count;
    }
}

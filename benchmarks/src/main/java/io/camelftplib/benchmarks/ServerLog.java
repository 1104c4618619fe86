package io.camelftplib.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the FTP commands a server received, by verb, from vsftpd's {@code log_ftp_protocol} log: every command
 * is one line holding {@code FTP command:}. A round marks the log's end before it starts and counts what was appended
 * after it ends.
 *
 * <p>Only the benchmark's own clients talk to the private server, so every command counted is the round's.
 * Not thread-safe.
 */
final class ServerLog {

    // vsftpd: ... FTP command: Client "127.0.0.1", "RETR w3/f00001.bin"
    private static final Pattern COMMAND = Pattern.compile("FTP command: Client \"[^\"]*\", \"([A-Za-z]+)");

    private final Path file;

    ServerLog(Path file) {
        this.file = file;
    }

    /** The log's current end. */
    long mark() throws IOException {
        return Files.size(file);
    }

    /**
     * Counts the commands logged since {@code mark}, by verb ({@code RETR}, {@code PASV}, ...). vsftpd writes a
     * line when it has read the command, which may be a moment after the client saw its reply (QUIT), so the log
     * is read until it stops growing.
     *
     * @param mark a value from {@link #mark()}
     * @return the number of commands of each verb, in the order first seen
     * @throws IOException when the log cannot be read
     * @throws InterruptedException when interrupted while waiting for the log to settle
     */
    Map<String, Long> commandsSince(long mark) throws IOException, InterruptedException {
        long previous = -1;
        long size = Files.size(file);
        for (int i = 0; i < 40 && size != previous; i++) {
            Thread.sleep(25);
            previous = size;
            size = Files.size(file);
        }
        Map<String, Long> verbs = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            in.skip(mark);
            String line;
            while ((line = in.readLine()) != null) {
                Matcher m = COMMAND.matcher(line);
                if (m.find()) {
                    verbs.merge(m.group(1).toUpperCase(Locale.ROOT), 1L, Long::sum);
                }
            }
        }
        return verbs;
    }
}

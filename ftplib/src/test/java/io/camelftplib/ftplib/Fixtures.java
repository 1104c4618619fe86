package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;

/**
 * Test data and client set-up shared by the tests against the embedded server. Stateless.
 */
final class Fixtures {

    /** Bounds every socket read, so a broken test fails instead of hanging. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A directory and file name with spaces and non-ASCII characters. */
    static final String ODD_DIR = "dïr ®";
    /** A file in {@link #ODD_DIR}. */
    static final String ODD_FILE = ODD_DIR + "/fïle ü.bin";

    /** CPython test_ftplib's {@code RETR_DATA}: 11,000 characters, CRLF line ends, Latin-1 range letters. */
    static final String RETR_DATA = "abcde\u00b9\u00b2\u00b3\u00a4\u00a6\r\n".repeat(1000);

    private Fixtures() {
    }

    /**
     * Returns test bytes: all 256 byte values, then CR, LF, CRLF and spaces, then a pseudo-random tail, so any
     * lost, added or reordered byte shows.
     */
    static byte[] binary(int length) {
        byte[] data = new byte[length];
        byte[] head = " \r\n\r\n \n\r".getBytes(StandardCharsets.US_ASCII);
        int seed = 12345;
        for (int i = 0; i < length; i++) {
            if (i < 256) {
                data[i] = (byte) i;
            } else if (i < 256 + head.length) {
                data[i] = head[i - 256];
            } else {
                seed = seed * 1103515245 + 12345;
                data[i] = (byte) (seed >>> 16);
            }
        }
        return data;
    }

    /** Connects a UTF-8 client to the server, without logging in. */
    static Ftp connect(EmbeddedFtpServerExtension server) throws IOException {
        return connect(server, StandardCharsets.UTF_8);
    }

    /** Connects a client with the given encoding, without logging in. */
    static Ftp connect(EmbeddedFtpServerExtension server, Charset encoding) throws IOException {
        Ftp ftp = new Ftp(encoding);
        ftp.connect(server.host(), server.port(), TIMEOUT, null);
        return ftp;
    }

    /** Connects a UTF-8 client and logs in as the test user. */
    static Ftp login(EmbeddedFtpServerExtension server) throws IOException {
        return login(server, StandardCharsets.UTF_8);
    }

    /** Connects a client with the given encoding and logs in as the test user. */
    static Ftp login(EmbeddedFtpServerExtension server, Charset encoding) throws IOException {
        Ftp ftp = connect(server, encoding);
        ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD);
        return ftp;
    }

    /** Places a file on the server, creating its directories. */
    static void put(EmbeddedFtpServerExtension server, String path, byte[] content) {
        try {
            Path file = server.file(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a file from the server's disk. */
    static byte[] read(EmbeddedFtpServerExtension server, String path) throws IOException {
        return Files.readAllBytes(server.file(path));
    }

    /** Returns the bytes from {@code offset} on. */
    static byte[] from(byte[] data, int offset) {
        return Arrays.copyOfRange(data, offset, data.length);
    }

    /**
     * Writes 1 MiB blocks to an upload the server does not read until a write fails, and checks that it failed by
     * the client's 300 ms timeout, with the message that tells the user what to check.
     */
    static void assertUploadTimesOutAfter300Ms(OutputStream upload) {
        byte[] block = new byte[1024 * 1024];
        assertThatThrownBy(() -> {
            while (true) {
                upload.write(block);
            }
        }).isExactlyInstanceOf(SocketTimeoutException.class)
                .hasMessage("the server read nothing of the upload for 300 ms; the data connection was closed"
                        + " (check the server's disk and quota)");
    }
}

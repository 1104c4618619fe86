package io.camelftplib.camel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Shared helpers of the component's route tests: URIs for the embedded server and files on its disk.
 */
abstract class FtplibTestSupport extends CamelTestSupport {

    /**
     * Returns the server of the test class.
     *
     * @return the server
     */
    abstract EmbeddedFtpServerExtension server();

    String ftp(String directory, String options) {
        return "ftplib://" + EmbeddedFtpServerExtension.USER + "@localhost:" + server().port() + "/" + directory
                + "?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")&initialDelay=0"
                + (options.contains("delay=") ? "" : "&delay=100") + (options.isEmpty() ? "" : "&" + options);
    }

    Path write(String path, String content) {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String path, byte[] content) {
        try {
            Path file = server().file(path);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

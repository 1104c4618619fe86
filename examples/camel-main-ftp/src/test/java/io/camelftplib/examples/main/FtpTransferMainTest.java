package io.camelftplib.examples.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import io.camelftplib.examples.support.EmbeddedFtpServer;
import io.camelftplib.examples.support.SampleInbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Camel Main demo against its embedded server: every sample lands in the outbox byte for byte, and a wrong
 * password gives one line naming host, user and what to check.
 */
@Timeout(120)
class FtpTransferMainTest {

    @TempDir
    Path work;

    @Test
    void everySampleArrivesInTheOutboxByteForByte() throws Exception {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.plain("demo", "demo")) {
            Settings settings = settings(server.port(), "demo");
            assertThat(FtpTransferMain.run(settings, Duration.ofSeconds(60))).isTrue();
            try (Stream<Path> samples = Files.list(Path.of("sample-inbox"))) {
                for (Path sample : (Iterable<Path>) samples::iterator) {
                    assertThat(work.resolve("outbox").resolve(sample.getFileName())).hasSameBinaryContentAs(sample);
                }
            }
            assertThat(work.resolve("outbox").resolve(SampleInbox.LARGE_FILE))
                    .hasSize(5L * 1024 * 1024)
                    .hasSameBinaryContentAs(server.file("transfer/.done/" + SampleInbox.LARGE_FILE));
        }
    }

    @Test
    void wrongPasswordIsOneLineNamingHostUserAndWhatToCheck() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.plain("demo", "demo")) {
            String problem = FtpTransferMain.checkLogin(settings(server.port(), "wrong"));
            assertThat(problem).startsWith("ERROR: cannot log in to the FTP server 127.0.0.1:" + server.port()
                    + " as user 'demo': 530").contains("check -Ddemo.server.host").doesNotContain("\n");
        }
    }

    private Settings settings(int port, String password) {
        return new Settings(true, "127.0.0.1", port, "demo", password, "transfer", Path.of("sample-inbox"),
                work.resolve("inbox"), work.resolve("outbox"), 5);
    }
}

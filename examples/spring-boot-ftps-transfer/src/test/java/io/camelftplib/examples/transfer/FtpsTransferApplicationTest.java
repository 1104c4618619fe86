package io.camelftplib.examples.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo's flow as the README runs it, against its embedded FTPS server: every sample file, and a generated large
 * one, lands in the outbox byte for byte, and the server copies are moved to {@code .done}.
 */
@SpringBootTest(properties = {"demo.exit-when-done=false", "demo.large-file=5MB", "camel.main.run-controller=false"})
@Timeout(120)
class FtpsTransferApplicationTest {

    @TempDir
    static Path work;

    @Autowired
    EmbeddedFtpServer server;

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        registry.add("demo.inbox", () -> work.resolve("inbox").toString());
        registry.add("demo.outbox", () -> work.resolve("outbox").toString());
    }

    @Test
    void everyInboxFileArrivesInTheOutboxByteForByte() throws IOException {
        try (Stream<Path> samples = Files.list(Path.of("sample-inbox"))) {
            for (Path sample : (Iterable<Path>) samples::iterator) {
                Path arrived = work.resolve("outbox").resolve(sample.getFileName());
                await(sample.getFileName() + " in the outbox").atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> assertThat(arrived).hasSameBinaryContentAs(sample));
                await("server copy moved to .done").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(server.file("transfer/.done/" + sample.getFileName())).hasSameBinaryContentAs(sample));
            }
        }
        Path large = work.resolve("outbox").resolve(SampleInbox.LARGE_FILE);
        Path serverCopy = server.file("transfer/.done/" + SampleInbox.LARGE_FILE);
        await("the large file in the outbox").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            // the server copy is moved to .done only after the outbox file is written: wait for both
            assertThat(serverCopy).exists();
            assertThat(large).hasSize(5L * 1024 * 1024).hasSameBinaryContentAs(serverCopy);
        });
    }
}

package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consumes a 1 GiB file into a {@code file:} endpoint with Camel's default settings (stream caching on). Surefire
 * runs this class alone with {@code -Xmx128m} (execution {@code large-consume}): buffering the file anywhere in
 * heap fails it with an OutOfMemoryError.
 */
@Timeout(300)
class LargeConsumeTest extends FtplibTestSupport {

    private static final long SIZE = 1024L * 1024 * 1024;

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    @TempDir
    Path destination;

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    @Test
    void oneGibibyteStreamsThroughDefaultSettingsInASmallHeap() throws Exception {
        Path remote = SERVER.file("big/one-gib.bin");
        Files.createDirectories(remote.getParent());
        try (RandomAccessFile file = new RandomAccessFile(remote.toFile(), "rw")) {
            file.setLength(SIZE);
            file.seek(SIZE - 4);
            file.write(new byte[] {1, 2, 3, 4});
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftp("big", "delete=true")).routeId("big").autoStartup(false)
                        .to("file:" + destination);
            }
        });
        assertThat(context.isStreamCaching()).as("Camel's default: stream caching on").isTrue();
        NotifyBuilder done = new NotifyBuilder(context).whenCompleted(1).create();
        long start = System.nanoTime();
        context.getRouteController().startRoute("big");

        assertThat(done.matches(240, TimeUnit.SECONDS)).isTrue();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Path copy = destination.resolve("one-gib.bin");
        assertThat(Files.size(copy)).isEqualTo(SIZE);
        try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "r")) {
            file.seek(SIZE - 4);
            assertThat(file.read()).isEqualTo(1);
        }
        org.awaitility.Awaitility.await().until(() -> !Files.exists(remote));
        System.out.printf("LargeConsumeTest: 1 GiB consumed to file: in %d ms (%.0f MiB/s) with max heap %d MiB%n",
                millis, 1024.0 * 1000 / millis, Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}

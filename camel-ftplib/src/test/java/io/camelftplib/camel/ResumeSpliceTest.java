package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

import io.camelftplib.ftplib.testing.Cut;
import io.camelftplib.ftplib.testing.Fault;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code resumeDownload} continues a partial file only when the remote file is the one it came from. When the file
 * was replaced between the attempts (same size, new content) or shrank, continuing would splice two versions; the
 * file delivered must equal the new remote file byte for byte.
 */
@Timeout(60)
class ResumeSpliceTest extends IntegrityTestSupport {

    @TempDir
    Path work;

    @TempDir
    Path destination;

    @ParameterizedTest(name = "new size {0} MiB")
    @ValueSource(ints = {8, 5})
    void aResumedDownloadOfAChangedFileDeliversTheNewFileNotASplice(int newMib) throws Exception {
        String directory = "resume-" + newMib;
        Path remote = write(directory + "/file.bin", content(8 * MIB, 1));
        FileTime first = Files.getLastModifiedTime(remote);
        Fault cut = proxy.nextDownload().cutAfter(3 * MIB, Cut.FIN);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                from(via(directory, "resumeDownload=true&localWorkDirectory=" + work + "&move=.done&delay=60000"))
                        .routeId("r").autoStartup(false)
                        .to("file:" + destination + "?tempPrefix=.part-").to("mock:delivered");
            }
        });
        MockEndpoint delivered = getMockEndpoint("mock:delivered");
        context.getRouteController().startRoute("r");
        awaitFailureRatherThan(() -> delivered.getReceivedCounter() > 0);
        context.getRouteController().stopRoute("r");
        assertThat(cut.hasFired()).isTrue();

        byte[] replacement = content(newMib * MIB, 2);
        Files.write(remote, replacement);
        Files.setLastModifiedTime(remote, FileTime.fromMillis(first.toMillis() + 3_600_000));
        context.getRouteController().startRoute("r");

        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.getReceivedCounter() == 1
                && context.getInflightRepository().size() == 0);
        assertThat(Files.readAllBytes(destination.resolve("file.bin"))).isEqualTo(replacement);
    }
}

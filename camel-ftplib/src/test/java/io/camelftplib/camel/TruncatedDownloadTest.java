package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.camelftplib.ftplib.testing.Fault;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A download whose data connection ends early while the server still answers {@code 226}: the embedded server's
 * {@code 150} states no size, so only the size the listing gave ({@code MLSD}) can tell that the file is short.
 * The exchange must fail naming the file and both byte counts, the remote file stays where it is, nothing reaches
 * the destination, and the next poll fetches the file whole.
 */
@Timeout(60)
class TruncatedDownloadTest extends IntegrityTestSupport {

    private static final byte[] CONTENT = content(8 * MIB, 11);

    @TempDir
    Path destination;

    @TempDir
    Path work;

    /** The three ways the consumer downloads: into the route's stream, into memory, into a local work file. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"streamDownload=true", "streamDownload=false", "localWorkDirectory"})
    void aTruncatedDownloadWithA226IsNotCommittedAndTheNextPollFetchesItWhole(String mode) throws Exception {
        String directory = "t-" + mode.replace('=', '-');
        write(directory + "/big.bin", CONTENT);
        Fault truncate = proxy.nextDownload().truncateAfter(3 * MIB);
        String options = "move=.done&delay=500&" + (mode.startsWith("local") ? "localWorkDirectory=" + work : mode);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                from(via(directory, options)).routeId("r").autoStartup(false)
                        .to("file:" + destination + "?tempPrefix=.part-").to("mock:delivered");
            }
        });
        MockEndpoint delivered = getMockEndpoint("mock:delivered");
        context.getRouteController().startRoute("r");

        Throwable failure = awaitFailureRatherThan(() -> delivered.getReceivedCounter() > 0);
        assertThat(truncate.hasFired()).isTrue();
        assertThat(messages(failure)).contains("big.bin", String.valueOf(CONTENT.length), String.valueOf(3 * MIB));
        assertThat(SERVER.file(directory + "/big.bin")).exists();

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(SERVER.file(directory + "/.done/big.bin")));
        await().atMost(Duration.ofSeconds(20)).until(() -> context.getInflightRepository().size() == 0);
        assertThat(delivered.getReceivedCounter()).isEqualTo(1);
        assertThat(Files.readAllBytes(destination.resolve("big.bin"))).isEqualTo(CONTENT);
    }
}

package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import io.camelftplib.ftplib.testing.Cut;
import io.camelftplib.ftplib.testing.Fault;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A download that fails (the {@code RETR} refused with 425 or 450, or the control connection cut at {@code RETR})
 * must not mark the file as consumed: with {@code noop=true} or {@code idempotent=true} (eager keys, in memory or
 * in a file) the key is taken back, so a later poll fetches the file, whole, and delivers it exactly once.
 */
@Timeout(60)
class FailedDownloadRetriedTest extends IntegrityTestSupport {

    private static final byte[] CONTENT = content(256 * 1024, 5);

    @TempDir
    Path temp;

    @ParameterizedTest(name = "RETR {0}, {1}, {2}")
    @CsvSource({
        "425, noop, stream", "450, noop, stream", "cut, noop, stream",
        "425, memory, stream", "450, memory, stream", "cut, memory, stream",
        "425, file, stream", "450, file, stream", "cut, file, stream",
        "425, noop, memory", "425, noop, local", "cut, noop, local",
        "425, memory, memory", "425, memory, local", "450, file, memory", "cut, file, local"})
    void aFailedDownloadIsFetchedAgainOnALaterPollAndDeliveredOnceWhole(String failure, String repository,
            String mode) throws Exception {
        String directory = "again-" + failure + "-" + repository + "-" + mode;
        write(directory + "/file.bin", CONTENT);
        Fault fault = switch (failure) {
            case "cut" -> proxy.onCommand("RETR").cut(Cut.FIN);
            case "450" -> proxy.onCommand("RETR").reply("450 File unavailable, busy.");
            default -> proxy.onCommand("RETR").reply("425 Can't open data connection.");
        };
        String options = repositoryOptions(repository) + "&" + modeOptions(mode) + "&delay=200";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                from(via(directory, options)).routeId("r").autoStartup(false)
                        .convertBodyTo(byte[].class).to("mock:delivered");
            }
        });
        MockEndpoint delivered = getMockEndpoint("mock:delivered");
        context.getRouteController().startRoute("r");

        await().atMost(Duration.ofSeconds(20)).until(fault::hasFired);
        long dataConnections = proxy.dataConnections();
        // a listing and a RETR each take a data connection: six more cover the retry and later polls
        await("six more data connections").atMost(Duration.ofSeconds(20))
                .until(() -> proxy.dataConnections() >= dataConnections + 6);
        assertThat(delivered.getReceivedCounter()).as("deliveries after the failed RETR").isEqualTo(1);
        assertThat(delivered.getExchanges().get(0).getIn().getBody(byte[].class)).isEqualTo(CONTENT);
    }

    private String repositoryOptions(String repository) {
        return switch (repository) {
            case "noop" -> "noop=true";
            case "memory" -> "idempotent=true";
            default -> {
                context.getRegistry().bind("fileRepository",
                        FileIdempotentRepository.fileIdempotentRepository(temp.resolve("consumed.txt").toFile()));
                yield "idempotent=true&idempotentRepository=#fileRepository";
            }
        };
    }

    private String modeOptions(String mode) {
        return switch (mode) {
            case "memory" -> "streamDownload=false";
            case "local" -> "localWorkDirectory=" + temp.resolve("work");
            default -> "streamDownload=true";
        };
    }
}

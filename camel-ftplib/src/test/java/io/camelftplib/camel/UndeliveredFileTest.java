package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file whose retrieval fails is not marked as consumed: its idempotent key is released, the poll does not count
 * it, and the next poll fetches it whole. Every way a file is fetched (streamed, into memory, into the local work
 * directory) with every idempotent consumer (noop, idempotent with move or delete) and both kinds of repository
 * (in memory, in a file).
 */
@Timeout(60)
class UndeliveredFileTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain().withoutSessionLeakCheck();

    /** Bytes a text conversion would mangle, under a name that is not ASCII. */
    private static final byte[] CONTENT = {0x00, (byte) 0xFF, '\r', '\n', 'd', (byte) 0xC3, (byte) 0xA9, ' ', 0x7F};
    private static final String NAME = "données ü.bin";

    @TempDir
    Path work;

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    static List<Arguments> modesAndConsumers() {
        List<String> modes = List.of("streamed", "streamDownload=false", "localWorkDirectory");
        List<String> consumers = List.of("noop=true", "noop=true&idempotentRepository=#fileRepo",
                "idempotent=true&move=.done", "idempotent=true&delete=true&idempotentRepository=#fileRepo");
        List<Arguments> all = new ArrayList<>();
        for (String mode : modes) {
            for (String consumer : consumers) {
                all.add(Arguments.of(mode, consumer));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("modesAndConsumers")
    void fileWhoseControlConnectionIsCutAtRetrIsFetchedOnTheNextPoll(String mode, String consumer) throws Exception {
        String dir = "cut" + Integer.toHexString((mode + consumer).hashCode());
        write(dir + "/" + NAME, CONTENT);
        IdempotentRepository fileRepo = FileIdempotentRepository.fileIdempotentRepository(
                work.resolve("consumed.dat").toFile(), 100);
        context.getRegistry().bind("fileRepo", fileRepo);
        CountingPollStrategy polls = new CountingPollStrategy();
        context.getRegistry().bind("polls", polls);
        AtomicInteger retrs = new AtomicInteger();
        SERVER.beforeCommand("RETR", path -> {
            if (retrs.getAndIncrement() == 0) {
                SERVER.disconnectAllSessions();
            }
        });
        String options = consumer + "&pollStrategy=#polls&bridgeErrorHandler=true&maximumReconnectAttempts=0"
                + switch (mode) {
                    case "streamDownload=false" -> "&streamDownload=false";
                    case "localWorkDirectory" -> "&localWorkDirectory=" + work.resolve("local");
                    default -> "";
                };
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from(ftp(dir, options)).routeId("r").autoStartup(false)
                        .convertBodyTo(byte[].class).to("mock:delivered");
            }
        });
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        MockEndpoint delivered = getMockEndpoint("mock:delivered");
        delivered.expectedMessageCount(1);
        context.getRouteController().startRoute("r");

        delivered.assertIsSatisfied();
        dead.assertIsSatisfied();
        assertThat(delivered.getExchanges().get(0).getIn().getBody(byte[].class)).isEqualTo(CONTENT);
        assertThat(dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .isInstanceOf(GenericFileOperationFailedException.class)
                .hasMessageStartingWith("Cannot retrieve file: " + dir + "/" + NAME);
        assertThat(retrs).hasValue(2);
        IdempotentRepository used = consumer.contains("#fileRepo") ? fileRepo
                : context.getEndpoint(ftp(dir, options), FtplibEndpoint.class).getIdempotentRepository();
        assertThat(used).isInstanceOf(consumer.contains("#fileRepo")
                ? FileIdempotentRepository.class : MemoryIdempotentRepository.class);
        assertThat(used.contains(dir + "/" + NAME)).isTrue();
        // only the poll that delivered the file counted it
        await().atMost(Duration.ofSeconds(10)).until(() -> polls.commits.get() >= 3);
        assertThat(polls.polledMessages).hasValue(1);
        assertThat(delivered.getReceivedCounter()).isEqualTo(1);
    }
}

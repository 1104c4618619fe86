package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.Fault;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.apache.camel.Exchange;
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
 * it, and the next poll fetches it whole. A control connection cut at RETR in every way a file is fetched
 * (streamed, into memory, into the local work directory), and a RETR refused with 425 or 450 (answered by a fault
 * proxy), with every idempotent consumer (noop, idempotent with move or delete) and both kinds of repository (in
 * memory, in a file).
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
        AtomicInteger retrs = new AtomicInteger();
        SERVER.beforeCommand("RETR", path -> {
            if (retrs.getAndIncrement() == 0) {
                SERVER.disconnectAllSessions();
            }
        });
        assertFetchedOnlyOnTheSecondPoll(ftp(dir, consumer + fetchOptions(mode, work.resolve("local"))), dir,
                consumer);
        assertThat(retrs).hasValue(2);
    }

    static List<Arguments> refusalsAndConsumers() {
        List<Arguments> all = new ArrayList<>();
        for (String reply : List.of("425 Can't open data connection.", "450 Requested file action not taken.")) {
            for (String consumer : List.of("noop=true", "idempotent=true&delete=true&idempotentRepository=#fileRepo")) {
                all.add(Arguments.of(reply, consumer));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("refusalsAndConsumers")
    void fileWhoseRetrIsRefusedIsFetchedOnTheNextPoll(String reply, String consumer) throws Exception {
        String dir = "refused" + Integer.toHexString((reply + consumer).hashCode());
        write(dir + "/" + NAME, CONTENT);
        try (FaultProxy proxy = FaultProxy.start("127.0.0.1", SERVER.port())) {
            Fault refused = proxy.onCommand("RETR").reply(reply);
            Exception failure = assertFetchedOnlyOnTheSecondPoll(ftpVia(proxy, dir, consumer), dir, consumer);
            assertThat(refused.hasFired()).isTrue();
            assertThat(failure).isInstanceOf(GenericFileOperationFailedException.class)
                    .extracting(e -> ((GenericFileOperationFailedException) e).getCode())
                    .isEqualTo(Integer.parseInt(reply.substring(0, 3)));
        }
    }

    /**
     * Runs the consumer until it delivered the file once, and checks that the first attempt failed (once, to the
     * error handler), that the poll which failed did not count the file, and that the key is kept after delivery.
     *
     * @return the failure of the first attempt
     */
    private Exception assertFetchedOnlyOnTheSecondPoll(String uri, String dir, String consumer) throws Exception {
        IdempotentRepository fileRepo = FileIdempotentRepository.fileIdempotentRepository(
                work.resolve("consumed.dat").toFile(), 100);
        context.getRegistry().bind("fileRepo", fileRepo);
        CountingPollStrategy polls = new CountingPollStrategy();
        context.getRegistry().bind("polls", polls);
        String endpoint = uri + "&pollStrategy=#polls&bridgeErrorHandler=true&maximumReconnectAttempts=0";
        consumeBytes("delivered", endpoint);
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        MockEndpoint delivered = getMockEndpoint("mock:delivered");
        delivered.expectedMessageCount(1);
        start("delivered");

        delivered.assertIsSatisfied();
        dead.assertIsSatisfied();
        // the commit follows the route: wait for it, and for the polls after it
        await().atMost(Duration.ofSeconds(10)).until(() -> polls.commits.get() >= 3
                && (!consumer.contains("delete=true") || !Files.exists(SERVER.file(dir + "/" + NAME))));
        assertThat(delivered.getExchanges().get(0).getIn().getBody(byte[].class)).isEqualTo(CONTENT);
        Exception failure = dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(failure).isInstanceOf(GenericFileOperationFailedException.class)
                .hasMessageContaining("Cannot retrieve file: " + dir + "/" + NAME);
        IdempotentRepository used = consumer.contains("#fileRepo") ? fileRepo
                : context.getEndpoint(endpoint, FtplibEndpoint.class).getIdempotentRepository();
        assertThat(used).isInstanceOf(consumer.contains("#fileRepo")
                ? FileIdempotentRepository.class : MemoryIdempotentRepository.class);
        assertThat(used.contains(dir + "/" + NAME)).isTrue();
        // only the poll that delivered the file counted it
        assertThat(polls.polledMessages).hasValue(1);
        assertThat(delivered.getReceivedCounter()).isEqualTo(1);
        return failure;
    }
}

package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A download that breaks part way (the server drops every connection) must keep the remote file, leave nothing
 * under the final name at the destination, and be fetched whole on the next poll.
 */
@Timeout(60)
class TransferFailureTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain().withoutSessionLeakCheck();

    @TempDir
    Path destination;

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    private static byte[] content() {
        byte[] bytes = new byte[8 * 1024 * 1024];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    @Test
    void droppedConnectionMidStreamRollsBackAndNextPollFetchesTheWholeFile() throws Exception {
        byte[] content = content();
        write("in/big.bin", content);
        AtomicBoolean dropped = new AtomicBoolean();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftp("in", "move=.done&maximumReconnectAttempts=0")).routeId("r").autoStartup(false)
                        .process(e -> e.getIn().setBody(new DropAfterFirstMegabyte(
                                e.getIn().getBody(InputStream.class), dropped, SERVER::disconnectAllSessions)))
                        .to("file:" + destination + "?tempPrefix=.part-")
                        .to("mock:done");
            }
        });
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);
        context.getRouteController().startRoute("r");

        done.assertIsSatisfied();
        assertThat(dropped).isTrue();
        assertThat(Files.readAllBytes(destination.resolve("big.bin"))).isEqualTo(content);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(SERVER.file("in/.done/big.bin")));
    }

    @Test
    void droppedConnectionLeavesRemoteFileAndNoFinalNameAtTheDestination() throws Exception {
        write("in2/big.bin", content());
        AtomicBoolean dropped = new AtomicBoolean();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftp("in2", "move=.done&maximumReconnectAttempts=0&delay=60000")).routeId("r2")
                        .autoStartup(false)
                        .process(e -> e.getIn().setBody(new DropAfterFirstMegabyte(
                                e.getIn().getBody(InputStream.class), dropped, SERVER::disconnectAllSessions)))
                        .to("file:" + destination + "?tempPrefix=.part-");
            }
        });
        context.getRouteController().startRoute("r2");

        await().atMost(Duration.ofSeconds(20)).untilTrue(dropped);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> context.getInflightRepository().size() == 0);
        context.getRouteController().stopRoute("r2");
        assertThat(destination.resolve("big.bin")).doesNotExist();
        assertThat(SERVER.file("in2/big.bin")).exists();
        assertThat(SERVER.file("in2/.done/big.bin")).doesNotExist();
    }
}

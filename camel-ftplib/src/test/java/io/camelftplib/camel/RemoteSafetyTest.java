package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults no healthy server shows: a RETR that fails after partial data (the server's 426/551), and listings with
 * names that point outside the listed directory.
 */
@Timeout(60)
class RemoteSafetyTest extends CamelTestSupport {

    @RegisterExtension
    static final FaultyFtpServerExtension SERVER = new FaultyFtpServerExtension();

    @TempDir
    Path destination;

    private String ftp(String directory, String options) {
        return "ftplib://" + EmbeddedFtpServerExtension.USER + "@localhost:" + SERVER.port() + "/" + directory
                + "?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")&initialDelay=0&" + options;
    }

    private static byte[] content() {
        byte[] bytes = new byte[4 * 1024 * 1024];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    @Test
    void failedRetrAfterPartialDataRollsBackAndKeepsTheRemoteFile() throws Exception {
        Files.createDirectories(SERVER.file("in1"));
        Files.write(SERVER.file("in1/broken.bin"), content());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(ftp("in1", "move=.done&delay=60000")).routeId("r").autoStartup(false)
                        .to("file:" + destination + "?tempPrefix=.part-")
                        .to("mock:written");
            }
        });
        MockEndpoint written = getMockEndpoint("mock:written");
        written.expectedMessageCount(0);
        context.getRouteController().startRoute("r");

        await().atMost(Duration.ofSeconds(20)).until(() -> SERVER.commands().contains("RETR")
                && context.getInflightRepository().size() == 0);
        context.getRouteController().stopRoute("r");
        written.assertIsSatisfied();
        assertThat(destination.resolve("broken.bin")).doesNotExist();
        assertThat(SERVER.file("in1/broken.bin")).exists();
        assertThat(SERVER.file("in1/.done")).doesNotExist();
    }

    @Test
    void failedRetrIntoLocalWorkDirectoryLeavesNoFileUnderTheFinalName(@TempDir Path work) throws Exception {
        Files.createDirectories(SERVER.file("in2"));
        Files.write(SERVER.file("in2/broken.bin"), content());
        RecordingExceptionHandler failures = new RecordingExceptionHandler();
        context.getRegistry().bind("failures", failures);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftp("in2", "move=.done&delay=60000&exceptionHandler=#failures&localWorkDirectory=" + work)).routeId("r2")
                        .autoStartup(false)
                        .to("mock:never");
            }
        });
        getMockEndpoint("mock:never").expectedMessageCount(0);
        SERVER.resetCommands();
        context.getRouteController().startRoute("r2");

        await().atMost(Duration.ofSeconds(20)).until(() -> SERVER.commands().contains("RETR"));
        await().atMost(Duration.ofSeconds(20)).until(() -> context.getInflightRepository().size() == 0);
        context.getRouteController().stopRoute("r2");
        getMockEndpoint("mock:never").assertIsSatisfied();
        assertThat(work.resolve("broken.bin")).doesNotExist();
        assertThat(work.resolve("broken.bin.inprogress")).doesNotExist();
        assertThat(SERVER.file("in2/broken.bin")).exists();
        assertThat(failures.failures()).singleElement().asString().contains("broken.bin").contains("426");
    }

    @Test
    void namesPointingOutsideTheDirectoryAreNeverFetchedMovedOrDeleted() throws Exception {
        Files.createDirectories(SERVER.file("hostile"));
        Files.writeString(SERVER.file("hostile/good.txt"), "good", StandardCharsets.UTF_8);
        Files.writeString(SERVER.file("escape.txt"), "outside", StandardCharsets.UTF_8);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftp("hostile", "delete=true&delay=200")).routeId("h").autoStartup(false)
                        .convertBodyTo(String.class).to("mock:files");
            }
        });
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedBodiesReceived("good");
        files.expectedHeaderReceived(Exchange.FILE_NAME, "good.txt");
        SERVER.resetCommands();
        context.getRouteController().startRoute("h");

        files.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file("hostile/good.txt")));
        context.getRouteController().stopRoute("h");
        assertThat(SERVER.file("escape.txt")).hasContent("outside");
        assertThat(SERVER.commands()).filteredOn(c -> c.equals("RETR")).hasSize(1);
        assertThat(SERVER.commands()).filteredOn(c -> c.equals("DELE")).hasSize(1);
    }
}

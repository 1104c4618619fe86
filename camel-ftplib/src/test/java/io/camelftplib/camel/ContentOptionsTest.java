package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What the content of a file becomes: the charset option both ways, and a download resumed with REST. */
@Timeout(60)
class ContentOptionsTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();
    @RegisterExtension
    static final FaultyFtpServerExtension FAULTY = new FaultyFtpServerExtension();

    /** "café" in ISO-8859-1: not valid UTF-8. */
    private static final byte[] LATIN_1 = {'c', 'a', 'f', (byte) 0xE9};

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    @Test
    void charsetDecodesDownloadedText() throws Exception {
        write("cs/latin.txt", LATIN_1);
        write("cs0/latin.txt", LATIN_1);
        MockEndpoint declared = consume("cs", "charset=ISO-8859-1&delete=true", 1);
        declared.expectedBodiesReceived("caf\u00e9");
        MockEndpoint undeclared = consume("cs0", "delete=true", 1);
        undeclared.expectedBodiesReceived("caf\ufffd");
        start("cs");
        start("cs0");
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void charsetEncodesUploadedText() throws Exception {
        template.sendBodyAndHeader(to("csp", "charset=ISO-8859-1"), "caf\u00e9", Exchange.FILE_NAME, "latin.txt");
        template.sendBodyAndHeader(to("csp", ""), "caf\u00e9", Exchange.FILE_NAME, "utf8.txt");
        assertThat(Files.readAllBytes(SERVER.file("csp/latin.txt"))).isEqualTo(LATIN_1);
        assertThat(Files.readAllBytes(SERVER.file("csp/utf8.txt"))).isEqualTo(new byte[] {'c', 'a', 'f', (byte) 0xC3,
            (byte) 0xA9});
    }

    /**
     * The faulty server fails every RETR of a {@code broken} file after 1 MiB. A file of 1.5 MiB therefore
     * arrives only when the second attempt asks for the rest (REST 1048576) and appends it to the partial file.
     */
    @Test
    void resumeDownloadContinuesThePartialFileWithRest(@TempDir Path work) throws Exception {
        byte[] content = new byte[3 * 512 * 1024];
        new Random(7).nextBytes(content);
        Files.createDirectories(FAULTY.file("resume"));
        Files.write(FAULTY.file("resume/broken.bin"), content);
        RecordingExceptionHandler failures = new RecordingExceptionHandler();
        context.getRegistry().bind("failures", failures);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ftplib://" + EmbeddedFtpServerExtension.USER + "@localhost:" + FAULTY.port()
                        + "/resume?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")&initialDelay=0&delay=100"
                        + "&localWorkDirectory=" + work + "&resumeDownload=true&delete=true"
                        + "&exceptionHandler=#failures")
                        .routeId("resume").autoStartup(false).convertBodyTo(byte[].class).to("mock:resume");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:resume");
        mock.expectedMessageCount(1);
        FAULTY.resetCommands();
        context.getRouteController().startRoute("resume");
        mock.assertIsSatisfied();
        assertThat(mock.getExchanges().get(0).getIn().getBody(byte[].class)).isEqualTo(content);
        assertThat(FAULTY.commands()).containsSubsequence("RETR", "REST", "RETR");
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(FAULTY.file("resume/broken.bin")));
        assertThat(work.resolve("broken.bin.inprogress")).doesNotExist();
        // the broken first attempt reached the consumer's exception handler
        assertThat(failures.failures()).isNotEmpty().allSatisfy(f -> assertThat(f).hasMessageContaining("broken.bin"));
    }
}

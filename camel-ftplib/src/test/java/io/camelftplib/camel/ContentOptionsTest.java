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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the content of a file becomes: the charset option both ways, and a download resumed with REST. A test that
 * takes a scheme runs the same URI with Camel's {@code ftp:} 4.22.0 and with {@code ftplib:} and asserts the same
 * outcome.
 */
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

    /** The file holds UTF-8 bytes without line ends, so ftp:'s default ASCII type leaves them alone here. */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void charsetDecodesTheBody(String scheme) throws Exception {
        String latin = scheme + "-latin";
        String utf8 = scheme + "-utf8";
        write(latin + "/a.txt", "grün");
        write(utf8 + "/a.txt", "grün");
        MockEndpoint asLatin = consume(scheme, latin, "charset=ISO-8859-1&noop=true", 1);
        asLatin.expectedBodiesReceived(new String("grün".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1));
        MockEndpoint asUtf8 = consume(scheme, utf8, "charset=UTF-8&noop=true", 1);
        asUtf8.expectedBodiesReceived("grün");
        start(latin);
        start(utf8);
        MockEndpoint.assertIsSatisfied(context);
    }

    /** Without the charset option a text body is decoded as UTF-8: Latin-1 bytes become replacement characters. */
    @Test
    void withoutCharsetADownloadIsDecodedAsUtf8() throws Exception {
        write("cs0/latin.txt", LATIN_1);
        MockEndpoint undeclared = consume("cs0", "delete=true", 1);
        undeclared.expectedBodiesReceived("caf\ufffd");
        start("cs0");
        undeclared.assertIsSatisfied();
    }

    /** The String body is written in the endpoint's charset by both; no line ends, so ftp:'s ASCII type is fine. */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void charsetEncodesAStringBody(String scheme) {
        String dir = scheme + "-charset";
        template.sendBodyAndHeader(uri(scheme, dir, "charset=ISO-8859-1"), "grün", Exchange.FILE_NAME, "latin.txt");
        template.sendBodyAndHeader(uri(scheme, dir, "charset=UTF-8"), "grün", Exchange.FILE_NAME, "utf8.txt");
        assertThat(SERVER.file(dir + "/latin.txt")).hasBinaryContent("grün".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(SERVER.file(dir + "/utf8.txt")).hasBinaryContent("grün".getBytes(StandardCharsets.UTF_8));
    }

    /** Without the charset option a String body is written as UTF-8. */
    @Test
    void withoutCharsetAnUploadIsEncodedAsUtf8() throws Exception {
        template.sendBodyAndHeader(to("csp", ""), "caf\u00e9", Exchange.FILE_NAME, "utf8.txt");
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

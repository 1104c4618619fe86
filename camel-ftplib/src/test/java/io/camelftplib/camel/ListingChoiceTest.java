package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The listing on a server without MLSD (the embedded server answering as vsftpd does): LIST by default, so sizes,
 * times and types are known as with {@code ftp:}; NLST only when asked, and then still no directory is fetched as a
 * file and sizes come from SIZE; a missing directory, which such a server lists as an empty one, fails the poll
 * with a message that says what to do.
 */
@Timeout(60)
class ListingChoiceTest extends CamelTestSupport {

    @RegisterExtension
    static final ListingServerExtension SERVER = new ListingServerExtension();

    private String ftp(String directory, String options) {
        return "ftplib://" + EmbeddedFtpServerExtension.USER + "@localhost:" + SERVER.port() + "/" + directory
                + "?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")&initialDelay=0&delay=100&" + options;
    }

    private void route(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("r").autoStartup(false).convertBodyTo(String.class).to("mock:files");
            }
        });
    }

    /**
     * Without MLSD the consumer lists with LIST (auto) and fills the length and time headers as ftp: does, and a
     * subdirectory is never fetched as a file, in either listing that knows no MLSD, even when 550 errors are to be
     * ignored (which once hid the directory's failed RETR on every poll).
     */
    @ParameterizedTest(name = "listing={0}")
    @CsvSource({"auto, LIST", "list, LIST", "nlst, NLST"})
    void withoutMlsdSizesAreKnownAndSubdirectoriesAreNotFetched(String listing, String verb) throws Exception {
        String dir = "plain-" + listing;
        Files.createDirectories(SERVER.file(dir + "/sub"));
        Files.writeString(SERVER.file(dir + "/a.txt"), "hello", StandardCharsets.UTF_8);
        Files.writeString(SERVER.file(dir + "/sub/inner.txt"), "inner", StandardCharsets.UTF_8);
        SERVER.withoutMlsd();
        route(ftp(dir, "noop=true&ignoreFileNotFoundOrPermissionError=true&listing=" + listing));
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedBodiesReceived("hello");
        files.expectedHeaderReceived(Exchange.FILE_LENGTH, 5L);
        context.getRouteController().startRoute("r");

        files.assertIsSatisfied();
        Long modified = files.getExchanges().get(0).getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, Long.class);
        assertThat(modified).isPositive();
        // a few more polls: the directory must never be retrieved
        await().atMost(Duration.ofSeconds(10)).until(() -> SERVER.commands().stream()
                .filter(c -> c.startsWith(verb + " " + dir)).count() >= 3);
        context.getRouteController().stopRoute("r");
        assertThat(SERVER.commands()).noneMatch(c -> c.startsWith("RETR") && c.contains("sub"));
        assertThat(SERVER.commands()).noneMatch(c -> c.startsWith("NLST") && !verb.equals("NLST"));
        files.assertIsSatisfied();
    }

    /** A missing directory listed as an empty one (vsftpd's 226) fails every poll, naming the 550 and the fix. */
    @Test
    void missingDirectoryListedAsEmptyFailsEachPollWithTheReplyAndTheFix() throws Exception {
        SERVER.withoutMlsd();
        RecordingExceptionHandler failures = new RecordingExceptionHandler();
        context.getRegistry().bind("failures", failures);
        route(ftp("missing", "autoCreate=false&exceptionHandler=#failures"));
        context.getRouteController().startRoute("r");

        await().atMost(Duration.ofSeconds(10)).until(() -> failures.failures().size() >= 2);
        context.getRouteController().stopRoute("r");
        assertThat(SERVER.commands()).contains("LIST missing", "CWD missing");
        assertThat(failures.failures().get(0))
                .hasMessageContaining("Cannot list directory: missing")
                .hasMessageContaining("550")
                .hasMessageContaining("the server listed nothing for directory 'missing' and refused CWD missing")
                .hasMessageContaining("set autoCreate=true, or fix the path");
        assertThat(failures.failures().get(1)).hasMessage(failures.failures().get(0).getMessage());
    }

    /** With ignoreFileNotFoundOrPermissionError=true the missing directory's 550 is ignored, as with ftp:. */
    @Test
    void missingDirectoryIsIgnoredWhenAsked() throws Exception {
        SERVER.withoutMlsd();
        RecordingExceptionHandler failures = new RecordingExceptionHandler();
        context.getRegistry().bind("failures", failures);
        route(ftp("missing2", "autoCreate=false&ignoreFileNotFoundOrPermissionError=true&exceptionHandler=#failures"));
        context.getRouteController().startRoute("r");

        await().atMost(Duration.ofSeconds(10)).until(() -> SERVER.commands().stream()
                .filter(c -> c.equals("CWD missing2")).count() >= 2);
        context.getRouteController().stopRoute("r");
        assertThat(failures.failures()).isEmpty();
    }

    /** An empty directory that exists is just empty: no failure, one CWD check and back per poll. */
    @Test
    void emptyExistingDirectoryIsNoFailure() throws Exception {
        Files.createDirectories(SERVER.file("empty"));
        SERVER.withoutMlsd();
        RecordingExceptionHandler failures = new RecordingExceptionHandler();
        context.getRegistry().bind("failures", failures);
        route(ftp("empty", "autoCreate=false&exceptionHandler=#failures"));
        context.getRouteController().startRoute("r");

        await().atMost(Duration.ofSeconds(10)).until(() -> SERVER.commands().stream()
                .filter(c -> c.equals("LIST empty")).count() >= 2);
        context.getRouteController().stopRoute("r");
        assertThat(failures.failures()).isEmpty();
        assertThat(SERVER.commands()).contains("CWD empty", "CWD /");
    }

    /** With MLSD on offer the listing is MLSD, no LIST or NLST. */
    @Test
    void withMlsdTheListingIsMlsd() throws Exception {
        Files.createDirectories(SERVER.file("with-mlsd"));
        Files.writeString(SERVER.file("with-mlsd/a.txt"), "hello", StandardCharsets.UTF_8);
        route(ftp("with-mlsd", "noop=true"));
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedBodiesReceived("hello");
        files.expectedHeaderReceived(Exchange.FILE_LENGTH, 5L);
        context.getRouteController().startRoute("r");

        files.assertIsSatisfied();
        context.getRouteController().stopRoute("r");
        assertThat(SERVER.commands()).contains("MLSD with-mlsd")
                .noneMatch(c -> c.startsWith("LIST") || c.startsWith("NLST"));
    }
}

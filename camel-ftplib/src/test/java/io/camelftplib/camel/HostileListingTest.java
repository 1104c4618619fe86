package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Odd and hostile entries in a listing are skipped one by one, with one WARN per listing naming the directory, and
 * the other files of the directory are still delivered: names holding a bare CR or LF (real files on the server,
 * listed by MLSD, LIST and NLST), an MLSD line without facts and a name longer than the record bound (scripted, as
 * no file system holds them).
 */
@Timeout(60)
class HostileListingTest extends CamelTestSupport {

    @RegisterExtension
    static final ListingServerExtension SERVER = new ListingServerExtension();

    private String ftp(String directory, String options) {
        return "ftplib://" + EmbeddedFtpServerExtension.USER + "@localhost:" + SERVER.port() + "/" + directory
                + "?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")&initialDelay=0&delay=100&" + options;
    }

    private MockEndpoint deleteRoute(String directory, String options, String... bodies) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftp(directory, "delete=true&" + options)).routeId("r").autoStartup(false)
                        .convertBodyTo(String.class).to("mock:files");
            }
        });
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedBodiesReceivedInAnyOrder((Object[]) bodies);
        return files;
    }

    /** A bare CR or LF in a name: the entry is skipped (never fetched nor deleted), one WARN per listing. */
    @ParameterizedTest(name = "mlsd={0}, listing={1}")
    @CsvSource({"true, auto, MLSD", "false, auto, LIST", "false, nlst, NLST"})
    void namesWithCrOrLfAreSkippedWithOneWarnPerListing(boolean mlsd, String listing, String verb) throws Exception {
        String dir = "crlf-" + verb;
        Files.createDirectories(SERVER.file(dir));
        Files.writeString(SERVER.file(dir + "/evil\nname.txt"), "evil", StandardCharsets.UTF_8);
        Files.writeString(SERVER.file(dir + "/cr\rname.txt"), "cr", StandardCharsets.UTF_8);
        Files.writeString(SERVER.file(dir + "/good.txt"), "good", StandardCharsets.UTF_8);
        if (!mlsd) {
            SERVER.withoutMlsd();
        }
        MockEndpoint files = deleteRoute(dir, "listing=" + listing, "good");
        try (CapturedLog log = new CapturedLog()) {
            context.getRouteController().startRoute("r");
            files.assertIsSatisfied();
            await().atMost(Duration.ofSeconds(10)).until(() -> SERVER.commands().stream()
                    .filter(c -> c.equals(verb + " " + dir)).count() >= 3);
            context.getRouteController().stopRoute("r");

            List<String> warnings = log.linesWith("Skipped 2 entries listed in directory '" + dir + "'");
            assertThat(warnings).hasSizeGreaterThanOrEqualTo(3)
                    .allMatch(w -> w.contains("WARN") && w.contains("2 whose name holds CR, LF or NUL"));
            assertThat(log.linesWith("WARN")).hasSameSizeAs(warnings);
        }
        assertThat(SERVER.file(dir + "/evil\nname.txt")).hasContent("evil");
        assertThat(SERVER.file(dir + "/cr\rname.txt")).hasContent("cr");
        assertThat(SERVER.file(dir + "/good.txt")).doesNotExist();
        assertThat(SERVER.commands()).filteredOn(c -> c.startsWith("RETR") || c.startsWith("DELE"))
                .containsExactly("RETR " + dir + "/good.txt", "DELE " + dir + "/good.txt");
    }

    /** An MLSD line without facts names nothing that can be trusted: skipped, and the file 'world' is kept. */
    @Test
    void malformedMlsdLineIsSkipped() throws Exception {
        Files.createDirectories(SERVER.file("odd"));
        Files.writeString(SERVER.file("odd/good.txt"), "good", StandardCharsets.UTF_8);
        Files.writeString(SERVER.file("odd/world"), "world", StandardCharsets.UTF_8);
        SERVER.script("MLSD odd", "type=file;size=4;modify=20240101120000; good.txt\r\nhello world\r\n");
        MockEndpoint files = deleteRoute("odd", "repeatCount=1", "good");
        try (CapturedLog log = new CapturedLog()) {
            context.getRouteController().startRoute("r");
            files.assertIsSatisfied();
            await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file("odd/good.txt")));
            context.getRouteController().stopRoute("r");
            assertThat(log.linesWith("WARN")).singleElement().asString()
                    .contains("Skipped 1 entries listed in directory 'odd'")
                    .contains("1 malformed MLSD line(s) without facts, such as 'hello world'");
        }
        assertThat(SERVER.file("odd/world")).hasContent("world");
        assertThat(SERVER.commands()).noneMatch(c -> c.contains("world"));
    }

    /** A 9,000-character name skips that entry only: the files before and after it are delivered. */
    @Test
    void overlongEntrySkipsOnlyItself() throws Exception {
        Files.createDirectories(SERVER.file("long"));
        Files.writeString(SERVER.file("long/before.txt"), "before", StandardCharsets.UTF_8);
        Files.writeString(SERVER.file("long/after.txt"), "after", StandardCharsets.UTF_8);
        SERVER.script("MLSD long", "type=file;size=6; before.txt\r\ntype=file;size=1; " + "x".repeat(9000)
                + "\r\ntype=file;size=5; after.txt\r\n");
        MockEndpoint files = deleteRoute("long", "repeatCount=1", "before", "after");
        try (CapturedLog log = new CapturedLog()) {
            context.getRouteController().startRoute("r");
            files.assertIsSatisfied();
            await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file("long/after.txt")));
            context.getRouteController().stopRoute("r");
            assertThat(log.linesWith("WARN")).singleElement().asString()
                    .contains("Skipped 1 entries listed in directory 'long'")
                    .contains("1 longer than the 8192 bytes this client reads of one entry (the longest had 9018)");
        }
    }
}

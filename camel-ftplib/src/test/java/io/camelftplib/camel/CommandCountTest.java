package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Counts the FTP commands the server receives for one poll of {@value #FILES} files (moved after processing) and
 * for one upload, for ftplib: and for Camel's ftp: 4.22.0 with the same route, prints both, and asserts that
 * ftplib: sends no more than it did when this test was written.
 */
@Timeout(120)
class CommandCountTest extends CamelTestSupport {

    static final int FILES = 10;
    /**
     * ftplib: commands for the poll at the time of writing; see the printed table. The engine's download stream
     * sends TYPE before each RETR (it owns the transfer, and so the type it is sent in): one per file.
     */
    static final int POLL_BUDGET = 60;
    /**
     * ftplib: commands for the upload: NOOP, TYPE I (the engine states the type of every transfer), PASV, STOR, and
     * the SIZE that proves the file arrived whole.
     */
    static final int UPLOAD_BUDGET = 5;

    @RegisterExtension
    static final FaultyFtpServerExtension SERVER = new FaultyFtpServerExtension();

    private String uri(String scheme, String directory, String options) {
        return scheme + "://" + EmbeddedFtpServerExtension.USER + "@localhost:" + SERVER.port() + "/" + directory
                + "?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")" + options;
    }

    @Test
    void pollAndUploadSendNoMoreCommandsThanAtTheTimeOfWriting() throws Exception {
        List<String> ftplibPoll = poll("ftplib", "a");
        List<String> ftpPoll = poll("ftp", "b");
        List<String> ftplibUpload = upload("ftplib", "c");
        List<String> ftpUpload = upload("ftp", "d");

        System.out.printf("CommandCountTest: one poll of %d files (move=.done)%n", FILES);
        System.out.printf("  ftplib: %3d %s%n  ftp:    %3d %s%n", ftplibPoll.size(), histogram(ftplibPoll),
                ftpPoll.size(), histogram(ftpPoll));
        System.out.printf("CommandCountTest: one upload%n  ftplib: %3d %s%n  ftp:    %3d %s%n",
                ftplibUpload.size(), histogram(ftplibUpload), ftpUpload.size(), histogram(ftpUpload));
        assertThat(ftplibPoll).hasSizeLessThanOrEqualTo(POLL_BUDGET).doesNotContain("SIZE", "MDTM", "LIST");
        assertThat(ftplibUpload).hasSizeLessThanOrEqualTo(UPLOAD_BUDGET);
    }

    private List<String> poll(String scheme, String directory) throws Exception {
        Files.createDirectories(SERVER.file(directory));
        for (int i = 0; i < FILES; i++) {
            Files.writeString(SERVER.file(directory + "/f" + i + ".txt"), "file " + i, StandardCharsets.UTF_8);
        }
        String route = scheme + "-poll";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(scheme, directory, "&move=.done&initialDelay=0&delay=600000")).routeId(route)
                        .autoStartup(false).convertBodyTo(String.class).to("mock:" + route);
            }
        });
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(route).whenDone(FILES).create();
        SERVER.resetCommands();
        context.getRouteController().startRoute(route);
        assertThat(done.matches(60, TimeUnit.SECONDS)).isTrue();
        context.getRouteController().stopRoute(route);
        assertThat(SERVER.file(directory + "/.done/f0.txt")).exists();
        return SERVER.commands();
    }

    private List<String> upload(String scheme, String directory) throws Exception {
        String route = scheme + "-upload";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + route).to(uri(scheme, directory, ""));
            }
        });
        template.sendBody("direct:" + route, "warm-up connects and creates the directory");
        SERVER.resetCommands();
        template.sendBodyAndHeader("direct:" + route, "payload", "CamelFileName", "up.txt");
        List<String> commands = SERVER.commands();
        assertThat(SERVER.file(directory + "/up.txt")).hasContent("payload");
        context.getRouteController().stopRoute(route);
        return commands;
    }

    private static Map<String, Integer> histogram(List<String> commands) {
        Map<String, Integer> counts = new TreeMap<>();
        commands.forEach(c -> counts.merge(c, 1, Integer::sum));
        return counts;
    }
}

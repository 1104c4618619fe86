package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.ScriptedFtpServer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection options, each asserted on the commands the server received: active mode in a port range, SITE
 * commands, {@code OPTS UTF8 ON}, NOOP checks, and disconnecting after use or after a batch.
 */
@Timeout(60)
class ConnectionOptionsTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    private static long count(String command) {
        return SERVER.commands().stream().filter(c -> c.equals(command) || c.startsWith(command + " ")).count();
    }

    @Test
    void activePortRangeMakesActiveModeListenOnAPortOfTheRange() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        write("ap/a.txt", "active");
        MockEndpoint mock = consume("ap", "passiveMode=false&activePortRange=" + port + "-" + port + "&delete=true", 1);
        mock.expectedBodiesReceived("active");
        start("ap");
        mock.assertIsSatisfied();
        String portCommand = "PORT 127,0,0,1," + port / 256 + "," + port % 256;
        // the listing and the RETR each had a data connection, both on the one port of the range
        assertThat(SERVER.commands()).filteredOn(c -> c.startsWith("PORT")).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(portCommand::equals);
        assertThat(SERVER.commands()).doesNotContain("PASV", "EPSV");
    }

    @Test
    void siteCommandsAreSentInOrderAfterLoginAndAFailingOneFailsTheConnection() {
        template.sendBodyAndHeader(to("site", "siteCommand=HELP%0AZONE"), "s", Exchange.FILE_NAME, "s.txt");
        assertThat(SERVER.commands()).containsSubsequence("PASS " + EmbeddedFtpServerExtension.PASSWORD,
                "SITE HELP", "SITE ZONE", "STOR site/s.txt");
        assertThatThrownBy(() -> template.sendBodyAndHeader(to("site", "siteCommand=NOPE&maximumReconnectAttempts=0"),
                "s", Exchange.FILE_NAME, "t.txt")).rootCause().hasMessageContaining("reply to SITE NOPE");
        assertThat(SERVER.file("site/t.txt")).doesNotExist();
    }

    @Test
    void optsUtf8OnIsSentWhenFeatOffersUtf8AndTheEncodingIsUtf8() {
        template.sendBodyAndHeader(to("utf", ""), "u", Exchange.FILE_NAME, "\u00e9t\u00e9.txt");
        assertThat(SERVER.commands()).containsSubsequence("FEAT", "OPTS UTF8 ON", "STOR utf/\u00e9t\u00e9.txt");
        assertThat(SERVER.file("utf/\u00e9t\u00e9.txt")).hasContent("u");

        List<String> before = SERVER.commands();
        template.sendBodyAndHeader(to("latin", "encoding=ISO-8859-1"), "l", Exchange.FILE_NAME, "l.txt");
        assertThat(SERVER.commands().subList(before.size(), SERVER.commands().size())).contains("FEAT")
                .doesNotContain("OPTS UTF8 ON");
    }

    /** Pure-FTPd without RFC 2640 support lists UTF8 in FEAT, then answers OPTS UTF8 ON with 504 (found by an IT). */
    @Test
    void aRefusedOptsUtf8OnDoesNotFailTheConnection() throws Exception {
        try (ScriptedFtpServer pure = ScriptedFtpServer.start()) {
            pure.reply("FEAT", "211-Extensions supported:", " UTF8", " EPSV", "211 End.");
            pure.reply("OPTS", "504 Unknown command");
            String uri = "ftplib://u@" + pure.host() + ":" + pure.port() + "/in?password=p&maximumReconnectAttempts=0";

            template.sendBodyAndHeader(uri, "payload", Exchange.FILE_NAME, "\u00e9.txt");

            assertThat(pure.commands()).containsSubsequence("FEAT", "OPTS UTF8 ON", "STOR in/\u00e9.txt");
            assertThat(pure.storedPayloads()).extracting(String::new).containsExactly("payload");
        }
    }

    @Test
    void sendNoopChecksTheConnectionBeforeEachUploadAndReconnectsADeadOne() {
        String uri = to("noop", "");
        template.sendBodyAndHeader(uri, "1", Exchange.FILE_NAME, "1.txt");
        template.sendBodyAndHeader(uri, "2", Exchange.FILE_NAME, "2.txt");
        assertThat(SERVER.commands()).containsSubsequence("STOR noop/1.txt", "NOOP", "STOR noop/2.txt");

        SERVER.disconnectAllSessions();
        await().atMost(Duration.ofSeconds(10)).until(() -> SERVER.activeSessionCount() == 0);
        template.sendBodyAndHeader(uri, "3", Exchange.FILE_NAME, "3.txt");
        assertThat(SERVER.file("noop/3.txt")).hasContent("3");
        assertThat(count("USER")).isEqualTo(2);
    }

    @Test
    void sendNoopFalseSendsNoNoopSoADeadConnectionFailsTheUpload() {
        String uri = to("nonoop", "sendNoop=false&maximumReconnectAttempts=0");
        template.sendBodyAndHeader(uri, "1", Exchange.FILE_NAME, "1.txt");
        template.sendBodyAndHeader(uri, "2", Exchange.FILE_NAME, "2.txt");
        assertThat(SERVER.commands()).doesNotContain("NOOP");

        SERVER.disconnectAllSessions();
        await().atMost(Duration.ofSeconds(10)).until(() -> SERVER.activeSessionCount() == 0);
        assertThatThrownBy(() -> template.sendBodyAndHeader(uri, "3", Exchange.FILE_NAME, "3.txt"))
                .hasRootCauseInstanceOf(java.io.IOException.class);
        template.sendBodyAndHeader(uri, "4", Exchange.FILE_NAME, "4.txt");
        assertThat(SERVER.file("nonoop/4.txt")).hasContent("4");
    }

    @Test
    void disconnectQuitsAfterEachUploadAndAfterEachPoll() throws Exception {
        String uri = to("dp", "disconnect=true");
        template.sendBodyAndHeader(uri, "1", Exchange.FILE_NAME, "1.txt");
        assertThat(SERVER.commands()).last().isEqualTo("QUIT");
        template.sendBodyAndHeader(uri, "2", Exchange.FILE_NAME, "2.txt");
        assertThat(count("USER")).isEqualTo(2);
        assertThat(count("QUIT")).isEqualTo(2);

        write("dc/a.txt", "a");
        MockEndpoint mock = consume("dc", "disconnect=true&delete=true", 2);
        start("dc");
        await().atMost(Duration.ofSeconds(10)).until(() -> mock.getReceivedCounter() == 1 && count("QUIT") >= 3);
        write("dc/b.txt", "b");
        mock.assertIsSatisfied();
        assertThat(mock.getExchanges()).extracting(e -> e.getIn().getBody(String.class)).containsExactly("a", "b");
        // a connection per poll: many polls ran in between, each logging in and out
        await().atMost(Duration.ofSeconds(10)).until(() -> count("USER") > 4 && count("QUIT") > 4);
    }

    @Test
    void disconnectOnBatchCompleteQuitsAfterTheLastFileOfABatch(@TempDir Path source) throws Exception {
        for (String name : List.of("a.txt", "b.txt", "c.txt")) {
            Files.writeString(source.resolve(name), name);
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + source + "?noop=true&initialDelay=0&delay=60000").routeId("batch")
                        .to(to("batch", "disconnectOnBatchComplete=true"));
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> count("QUIT") == 1);
        List<String> commands = SERVER.commands();
        assertThat(count("USER")).isEqualTo(1);
        assertThat(commands).filteredOn(c -> c.startsWith("STOR")).hasSize(3);
        assertThat(commands.lastIndexOf("QUIT")).isGreaterThan(commands.lastIndexOf(
                commands.stream().filter(c -> c.startsWith("STOR")).reduce((a, b) -> b).orElseThrow()));
    }
}

package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.Fault;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each failure a route meets says what happened and what to do, in the terms of a Camel user (endpoint options):
 * a download that fails while another component writes it, a wrong password, a host that does not resolve, a port
 * that never greets, a certificate that is not trusted, and the catalog's word on where the {@code .netrc} is.
 */
@Timeout(60)
class FailureMessagesTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();
    @RegisterExtension
    static final EmbeddedFtpServerExtension TLS = EmbeddedFtpServerExtension.explicitTls();

    @TempDir
    Path local;

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    @Test
    void aDownloadFailingWhileTheFileComponentWritesItBlamesTheDownloadNotTheLocalFile() throws Exception {
        byte[] content = new byte[2 * 1024 * 1024];
        new Random(5).nextBytes(content);
        write("broken/big.bin", content);
        try (FaultProxy proxy = FaultProxy.start("127.0.0.1", SERVER.port())) {
            Fault truncated = proxy.nextDownload().truncateAfter(512 * 1024);
            String from = ftpVia(proxy, "broken", "maximumReconnectAttempts=0&delay=60000");
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(deadLetterChannel("mock:dead"));
                    from(from).routeId("r-broken").autoStartup(false).to("file:" + local);
                }
            });
            MockEndpoint dead = getMockEndpoint("mock:dead");
            dead.expectedMessageCount(1);
            start("broken");
            dead.assertIsSatisfied();

            assertThat(truncated.hasFired()).isTrue();
            Exception failure = dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            assertThat(failure).isInstanceOf(GenericFileOperationFailedException.class)
                    .hasMessageStartingWith("Download failed: ")
                    .hasMessageContaining("RETR broken/big.bin")
                    .hasMessageContaining("(remote file broken/big.bin on ftplib://alice@127.0.0.1:" + proxy.port())
                    .hasMessageContaining("the local side is not at fault")
                    .hasMessageNotContaining("Cannot store file");
        }
    }

    @Test
    void aRefusedLoginNamesTheReplyOnceAndKeepsItApartAsTheReason() {
        Exception failure = uploadFailure("ftplib://alice@localhost:" + SERVER.port()
                + "/x?password=wrong&maximumReconnectAttempts=0");
        GenericFileOperationFailedException refused = (GenericFileOperationFailedException) failure;
        assertThat(refused.getCode()).isEqualTo(530);
        String reply = refused.getReason();
        assertThat(reply).startsWith("530 ").doesNotContain("reply to");
        assertThat(refused.getMessage()).startsWith("Cannot connect on ftplib://alice@localhost:" + SERVER.port()
                + ": " + reply + " (reply to PASS for user \"alice\"");
        assertThat(occurrences(refused.getMessage(), "530")).isEqualTo(1);
    }

    @Test
    void anUnknownHostSaysTheNameDoesNotResolve() {
        Exception failure = uploadFailure("ftplib://alice@no-such-host.invalid/x?password=p"
                + "&maximumReconnectAttempts=0");
        assertThat(failure).hasMessageContaining(
                "unknown host 'no-such-host.invalid': the name does not resolve (check host/DNS)");
    }

    @Test
    void aServerThatNeverGreetsIsNamedWithTheWaitAndTheNumberOfAttempts() throws Exception {
        // a listening socket nobody accepts on: the kernel completes the TCP handshake, then nothing is ever sent
        try (ServerSocket silent = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            Exception failure = uploadFailure("ftplib://alice@127.0.0.1:" + silent.getLocalPort()
                    + "/x?password=p&connectTimeout=300&maximumReconnectAttempts=1&reconnectDelay=10");
            assertThat(failure).hasMessageContaining("no 220 greeting from 127.0.0.1:" + silent.getLocalPort()
                    + " within 300 ms")
                    .hasMessageContaining("(after 2 connect attempts, 10 ms apart; maximumReconnectAttempts sets "
                            + "how many)")
                    .hasMessageNotContaining("Read timed out");
        }
    }

    @Test
    void anUntrustedCertificateIsExplainedInEndpointOptionsNotEngineMethods() {
        Exception failure = uploadFailure("ftplibs://alice@localhost:" + TLS.port() + "/x?password=RAW("
                + EmbeddedFtpServerExtension.PASSWORD + ")&maximumReconnectAttempts=0");
        assertThat(failure).hasMessageContaining("TLS handshake failed")
                .hasMessageContaining("the certificate is not trusted; set sslContextParameters (or "
                        + "useGlobalSslContextParameters) to a trust store holding the server's certificate or its CA")
                .hasMessageNotContaining("FtpTls");
    }

    @Test
    void theCatalogSaysTheNetrcFileDefaultsToTheUsersHome() throws Exception {
        for (String scheme : new String[] {"ftplib", "ftplibs"}) {
            try (InputStream in = getClass().getResourceAsStream("/META-INF/io/camelftplib/camel/" + scheme
                    + ".json")) {
                JsonObject catalog = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(),
                        StandardCharsets.UTF_8));
                JsonObject netrcFile = (JsonObject) catalog.getMap("properties").get("netrcFile");
                assertThat(netrcFile.getString("description"))
                        .isEqualTo("The .netrc file used when useNetrc is on; defaults to .netrc in the user's home "
                                + "directory (the user.home system property)");
            }
        }
    }

    private Exception uploadFailure(String uri) {
        Exchange result = template.request(uri, e -> {
            e.getIn().setBody("f");
            e.getIn().setHeader(Exchange.FILE_NAME, "f.txt");
        });
        assertThat(result.getException()).as("the upload to " + uri + " must fail").isNotNull();
        return result.getException();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}

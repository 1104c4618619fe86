package io.camelftplib.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.camelftplib.camel.FtplibConstants;
import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpException;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The {@code ftplib:} consumer on every server, whatever its listing (MLSD, LIST of vsftpd, the BSD ls of GNU
 * inetutils ftpd, pyftpdlib's ls with and without MLSD): a directory holding a text file, a binary file and a
 * subdirectory with a file in it is polled once with {@code move=.done} and once with {@code delete=true}. Exactly the
 * two files arrive, byte for byte, with {@code CamelFileLength} from the listing; the subdirectory is neither
 * fetched nor touched; the files end up moved or deleted. Each server runs in its setup mode: plain passive, or FTPS
 * TLS 1.3 passive ({@code ftplibs:}) where the port demands TLS.
 */
@Timeout(180)
@ExtendWith(InteropReport.class)
class ListingRouteIT {

    @RegisterExtension
    static final EmbeddedFtpServerExtension EMBEDDED = EmbeddedFtpServerExtension.explicitTls();

    private static final byte[] TEXT = "one\r\ntwo\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BINARY = FtpServersIT.binaryContent(40_009);
    private static final byte[] INNER = {0, 1, '\r', '\n'};

    static Stream<Arguments> cases() {
        return ItServer.all(EMBEDDED).stream().map(server -> Arguments.of(server, server.setupMode()));
    }

    @Interop("route with a subdirectory present: download, move=.done")
    @AcrossServers
    void downloadsTheFilesAndMovesThem(ItServer server, Mode mode) throws Exception {
        pollAndCheckLeft(server, mode, "move=.done", List.of("a.txt", "b.bin"));
    }

    @Interop("route with a subdirectory present: download, delete=true")
    @AcrossServers
    void downloadsTheFilesAndDeletesThem(ItServer server, Mode mode) throws Exception {
        pollAndCheckLeft(server, mode, "delete=true", List.of());
    }

    /** Polls a fresh directory with the options, then checks what is left: the subdirectory, and in .done moved. */
    private static void pollAndCheckLeft(ItServer server, Mode mode, String options, List<String> moved)
            throws Exception {
        String directory = prepare(server, options.substring(0, options.indexOf('=')));
        try {
            assertDelivered(poll(server, mode, directory, options));
            try (Ftp ftp = ItClients.login(server, mode)) {
                assertThat(names(ftp, directory)).as("left in the directory").containsExactly("sub");
                assertThat(names(ftp, directory + "/sub")).as("left in the subdirectory").containsExactly("inner.txt");
                if (!moved.isEmpty()) {
                    assertThat(names(ftp, directory + "/.done")).as("moved").isEqualTo(moved);
                }
            }
        } finally {
            remove(server, directory);
        }
    }

    private static void assertDelivered(PollRecorder.Recorded received) {
        assertThat(received.names()).as("delivered (a subdirectory fetched as a file shows as a failure)")
                .containsExactly("a.txt", "b.bin");
        assertThat(received.deliveries().get(0).body()).isEqualTo(TEXT);
        assertThat(received.deliveries().get(1).body()).isEqualTo(BINARY);
        assertThat(received.deliveries()).map(d -> d.headers().get(FtplibConstants.FILE_LENGTH))
                .as("CamelFileLength").containsExactly((long) TEXT.length, (long) BINARY.length);
        assertThat(received.idle()).as("a poll with nothing to do came").isTrue();
    }

    private static PollRecorder.Recorded poll(ItServer server, Mode mode, String directory, String options)
            throws Exception {
        String uri = (mode.tls() ? "ftplibs" : "ftplib") + "://" + server.host() + ":" + server.port() + "/"
                + server.uriPath(directory) + "?username=" + server.user() + "&password=RAW(" + server.password()
                + ")&initialDelay=0&delay=250&" + options + (mode.tls() ? "&sslContextParameters=#trust" : "");
        SSLContextParameters trust = new SSLContextParameters() {
            @Override
            public javax.net.ssl.SSLContext createSSLContext(CamelContext camelContext) {
                return server.trustContext();
            }
        };
        return PollRecorder.poll(uri, mode.tls() ? Map.of("trust", trust) : Map.of());
    }

    /** A fresh directory with a.txt, b.bin and sub/inner.txt; skips when the server does not answer. */
    private static String prepare(ItServer server, String what) throws IOException {
        String directory = ItClients.uniqueName("listing-" + what).replace(".bin", "");
        try (Ftp ftp = ItClients.login(server, server.setupMode())) {
            ftp.mkd(directory);
            ftp.storBinary("STOR " + directory + "/a.txt", new ByteArrayInputStream(TEXT));
            ftp.storBinary("STOR " + directory + "/b.bin", new ByteArrayInputStream(BINARY));
            ftp.mkd(directory + "/sub");
            ftp.storBinary("STOR " + directory + "/sub/inner.txt", new ByteArrayInputStream(INNER));
        }
        return directory;
    }

    /**
     * The names NLST gives for a directory, without the path some servers put before them and without
     * {@code .}, {@code ..} (Pure-FTPd) and {@code .done} (shown by some servers, hidden by vsftpd).
     */
    private static List<String> names(Ftp ftp, String directory) throws IOException {
        return ftp.nlst(directory).stream().map(name -> name.substring(name.lastIndexOf('/') + 1))
                .filter(name -> !name.equals(".") && !name.equals("..") && !name.equals(".done"))
                .sorted().toList();
    }

    /** Removes what a test may have left, whatever the route did: each file, then each directory. */
    private static void remove(ItServer server, String directory) throws IOException {
        try (Ftp ftp = ItClients.login(server, server.setupMode())) {
            for (String file : List.of("sub/inner.txt", ".done/a.txt", ".done/b.bin", "a.txt", "b.bin")) {
                ifThere(() -> ftp.delete(directory + "/" + file));
            }
            for (String dir : List.of("/sub", "/.done", "")) {
                ifThere(() -> ftp.rmd(directory + dir));
            }
        }
    }

    /** A command on a path that may not exist: 550 (450 on Apache FtpServer) says it does not; others fail. */
    private static void ifThere(FtpCall call) throws IOException {
        try {
            call.run();
        } catch (FtpException e) {
            assertThat(e.replyCode()).as(e.getMessage()).isIn("450", "550");
        }
    }

    @FunctionalInterface
    private interface FtpCall {
        void run() throws IOException;
    }
}

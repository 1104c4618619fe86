package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CPython's {@code TestFTPClass} byte-transfer tests, re-run after {@code auth()} and {@code prot_p()} as its
 * {@code TestTLS_FTPClassMixin} does, on TLS 1.2 and TLS 1.3, passive and active.
 */
@Timeout(60)
class FtpTlsTransferTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension TLS12 = TlsClients.serverOffering("TLSv1.2");
    @RegisterExtension
    static final EmbeddedFtpServerExtension TLS13 = TlsClients.serverOffering("TLSv1.3");

    /** ftplib's RETR_DATA: Latin-1 bytes and CRLF, 11,000 bytes. */
    private static final byte[] RETR_DATA = "abcde\u00B9\u00B2\u00B3\u00A4\u00A6\r\n".repeat(1000)
            .getBytes(StandardCharsets.ISO_8859_1);

    record Setup(String protocol, boolean passive) {
        EmbeddedFtpServerExtension server() {
            return protocol.equals("TLSv1.2") ? TLS12 : TLS13;
        }

        FtpTls login() throws Exception {
            FtpTls ftp = TlsClients.loginProtected(server());
            ftp.setPasv(passive);
            assertThat(TlsClients.session(ftp.getSocket()).getProtocol()).isEqualTo(protocol);
            return ftp;
        }

        @Override
        public String toString() {
            return protocol + (passive ? " passive" : " active");
        }
    }

    static Stream<Setup> setups() {
        return Stream.of(new Setup("TLSv1.2", true), new Setup("TLSv1.2", false),
                new Setup("TLSv1.3", true), new Setup("TLSv1.3", false));
    }

    /**
     * The stream transfers open their data connections through FtpTls's ntransferCmd, so after PROT P they are
     * protected: a server that expects TLS on the data connection would fail a plain one.
     */
    @ParameterizedTest
    @MethodSource("setups")
    void streamTransfersUseTheProtectedDataConnection(Setup setup) throws Exception {
        try (FtpTls ftp = setup.login()) {
            try (StoreStream out = ftp.storStream("STOR streamed.bin", 0)) {
                out.write(RETR_DATA);
            }
            assertThat(ftp.checkStoredSize("streamed.bin", RETR_DATA.length)).hasValue(RETR_DATA.length);
            try (RetrieveStream in = ftp.retrStream("RETR streamed.bin", 0,
                    ExpectedSize.of(RETR_DATA.length, "the SIZE reply"))) {
                assertThat(in.readAllBytes()).isEqualTo(RETR_DATA);
                assertThat(in.finalReply()).startsWith("226");
            }
        }
        assertThat(Files.readAllBytes(setup.server().file("streamed.bin"))).isEqualTo(RETR_DATA);
        assertThat(setup.server().commands()).contains("PROT P");
    }

    /** Python: test_retrbinary. */
    @ParameterizedTest
    @MethodSource("setups")
    void retrBinaryDeliversTheFileByteForByte(Setup setup) throws Exception {
        Files.write(setup.server().file("retr.bin"), RETR_DATA);
        try (FtpTls ftp = setup.login()) {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            assertThat(ftp.retrBinary("RETR retr.bin", received::writeBytes)).startsWith("226");
            assertThat(received.toByteArray()).isEqualTo(RETR_DATA);
        }
    }

    /** Python: test_retrbinary_rest. */
    @ParameterizedTest
    @MethodSource("setups")
    void retrBinaryWithRestStartsAtTheOffset(Setup setup) throws Exception {
        Files.write(setup.server().file("rest.bin"), RETR_DATA);
        try (FtpTls ftp = setup.login()) {
            for (int rest : new int[] {0, 10, 20}) {
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                ftp.retrBinary("RETR rest.bin", received::writeBytes, 8192, Integer.toString(rest));
                assertThat(received.toByteArray())
                        .isEqualTo(java.util.Arrays.copyOfRange(RETR_DATA, rest, RETR_DATA.length));
            }
        }
    }

    /** Python: test_retrlines. */
    @ParameterizedTest
    @MethodSource("setups")
    void retrLinesDeliversLinesWithoutTerminators(Setup setup) throws Exception {
        Files.write(setup.server().file("lines.txt"), "foo\r\nbar\r\n non-ascii char \u00AE\r\n".getBytes(
                StandardCharsets.UTF_8));
        try (FtpTls ftp = setup.login()) {
            List<String> lines = new ArrayList<>();
            assertThat(ftp.retrLines("RETR lines.txt", lines::add)).startsWith("226");
            assertThat(lines).containsExactly("foo", "bar", " non-ascii char \u00AE");
        }
    }

    /** Python: test_storbinary. */
    @ParameterizedTest
    @MethodSource("setups")
    void storBinaryStoresByteForByteAndCallsBack(Setup setup) throws Exception {
        try (FtpTls ftp = setup.login()) {
            List<Integer> blocks = new ArrayList<>();
            String reply = ftp.storBinary("STOR stored ü.bin", new ByteArrayInputStream(RETR_DATA), 8192,
                    block -> blocks.add(block.length));
            assertThat(reply).startsWith("226");
            assertThat(blocks).containsExactly(8192, RETR_DATA.length - 8192);
        }
        assertThat(Files.readAllBytes(setup.server().file("stored ü.bin"))).isEqualTo(RETR_DATA);
    }

    /** Python: test_storlines. */
    @ParameterizedTest
    @MethodSource("setups")
    void storLinesSendsCrlfLines(Setup setup) throws Exception {
        byte[] lines = "first\nsecond\r\nlast".getBytes(StandardCharsets.UTF_8);
        try (FtpTls ftp = setup.login()) {
            List<String> sent = new ArrayList<>();
            ftp.storLines("STOR lines-in.txt", new ByteArrayInputStream(lines),
                    line -> sent.add(new String(line, StandardCharsets.UTF_8)));
            assertThat(sent).containsExactly("first\r\n", "second\r\n", "last\r\n");
        }
        // the server stores ASCII-mode lines with its own line ends
        assertThat(Files.readAllLines(setup.server().file("lines-in.txt"))).containsExactly("first", "second", "last");
    }

    /** Python: test_nlst, test_dir and test_mlsd, over protected data connections. */
    @ParameterizedTest
    @MethodSource("setups")
    void listingsArriveOverProtectedDataConnections(Setup setup) throws Exception {
        String name = "list " + setup.protocol() + (setup.passive() ? "p" : "a") + " \u00AE.txt";
        Files.write(setup.server().file(name), new byte[] {0, (byte) 0xff});
        try (FtpTls ftp = setup.login()) {
            assertThat(ftp.nlst()).contains(name);
            List<String> dir = new ArrayList<>();
            ftp.dir(dir::add);
            assertThat(dir).anySatisfy(line -> assertThat(line).endsWith(name));
            assertThat(ftp.mlsd("", List.of("type", "size")))
                    .anySatisfy(entry -> {
                        assertThat(entry.name()).isEqualTo(name);
                        assertThat(entry.facts()).containsEntry("type", "file").containsEntry("size", "2");
                    });
        }
    }

    /** Several MiB both ways: TLS records split and joined across reads of every size. */
    @ParameterizedTest
    @MethodSource("setups")
    void largeFilesRoundTripByteForByte(Setup setup) throws Exception {
        byte[] content = TlsClients.binaryContent(6 * 1024 * 1024 + 17);
        try (FtpTls ftp = setup.login()) {
            assertThat(ftp.storBinary("STOR large.bin", new ByteArrayInputStream(content))).startsWith("226");
            ByteArrayOutputStream streamed = new ByteArrayOutputStream(content.length);
            assertThat(ftp.retrBinary("RETR large.bin", streamed)).startsWith("226");
            assertThat(streamed.toByteArray()).isEqualTo(content);
            ByteArrayOutputStream inBlocks = new ByteArrayOutputStream(content.length);
            ftp.retrBinary("RETR large.bin", inBlocks::writeBytes, 1000);
            assertThat(inBlocks.toByteArray()).isEqualTo(content);
        }
        assertThat(Files.readAllBytes(setup.server().file("large.bin"))).isEqualTo(content);
    }

    /** Python: test_abort, during a transfer: ABOR goes through TLS and the next command gets its own reply. */
    @ParameterizedTest
    @MethodSource("setups")
    void abortDuringADownloadLeavesTheConversationInStep(Setup setup) throws Exception {
        Files.write(setup.server().file("abort.bin"), TlsClients.binaryContent(16 * 1024 * 1024));
        try (FtpTls ftp = setup.login()) {
            ftp.voidCmd("TYPE I");
            DataConnection conn = ftp.ntransferCmd("RETR abort.bin");
            InputStream in = conn.socket().getInputStream();
            assertThat(in.readNBytes(64 * 1024)).hasSize(64 * 1024);
            conn.close();
            String reply = ftp.abort();
            assertThat(reply.substring(0, 3)).isIn(Set.of("225", "226", "426"));
            assertThat(ftp.voidCmd("NOOP")).startsWith("200");
            assertThat(ftp.pwd()).isEqualTo("/");
        }
    }
}

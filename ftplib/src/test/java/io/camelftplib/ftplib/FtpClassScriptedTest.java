package io.camelftplib.ftplib;

import static io.camelftplib.ftplib.testing.ScriptedFtpServer.FAKE_PASV_IP;
import static io.camelftplib.ftplib.testing.ScriptedFtpServer.RETR_DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.camelftplib.ftplib.testing.ScriptedFtpServer;
import io.camelftplib.ftplib.testing.ScriptedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scenarios of CPython 3.11's {@code test_ftplib.TestFTPClass} that need a scripted server, as no real server
 * answers like Python's test handler: each runs against {@link ScriptedFtpServer}, which answers as Python's
 * {@code DummyFTPHandler}.
 */
@Timeout(30)
class FtpClassScriptedTest {

    @RegisterExtension
    final ScriptedFtpServerExtension scripted = new ScriptedFtpServerExtension();

    /** Mirrors test_ftplib.TestFTPClass.test_getwelcome. */
    @Test
    void getWelcomeReturnsTheWelcomeLine() {
        assertThat(scripted.client().getWelcome()).isEqualTo("220 welcome");
    }

    /** Mirrors test_ftplib.TestFTPClass.test_exceptions (the newline part): ftplib's ValueError. */
    @ParameterizedTest
    @ValueSource(strings = {"echo 40\r\n0", "echo 40\n0", "echo 40\r0"})
    void commandWithNewlineIsRefusedBeforeSending(String cmd) throws IOException {
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> ftp.sendCmd(cmd))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("an illegal newline character should not be contained");
        assertThat(ftp.sendCmd("noop")).isEqualTo("200 noop ok");
        assertThat(scripted.server().commands()).containsExactly("noop");
    }

    /** Mirrors test_ftplib.TestFTPClass.test_exceptions (the reply-class part): 4xx temp, 5xx perm, else proto. */
    @ParameterizedTest
    @CsvSource({
        "400, io.camelftplib.ftplib.FtpTempException",
        "499, io.camelftplib.ftplib.FtpTempException",
        "500, io.camelftplib.ftplib.FtpPermException",
        "599, io.camelftplib.ftplib.FtpPermException",
        "999, io.camelftplib.ftplib.FtpProtoException"})
    void errorReplyRaisesTheExceptionOfItsClass(String code, Class<? extends FtpException> kind) throws IOException {
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> ftp.sendCmd("echo " + code))
                .isExactlyInstanceOf(kind)
                .hasMessageStartingWith(code + " (reply to echo " + code + " at 127.0.0.1:")
                .extracting(e -> ((FtpException) e).reply()).isEqualTo(code);
        // a complete error reply keeps the conversation in step
        assertThat(ftp.sendCmd("noop")).isEqualTo("200 noop ok");
    }

    /** Mirrors test_ftplib.TestFTPClass.test_voidcmd. */
    @Test
    void voidCmdAcceptsOnly2xx() throws IOException {
        Ftp ftp = scripted.client();
        assertThat(ftp.voidCmd("echo 200")).isEqualTo("200");
        assertThat(ftp.voidCmd("echo 299")).isEqualTo("299");
        for (String code : List.of("199", "300")) {
            assertThatThrownBy(() -> ftp.voidCmd("echo " + code))
                    .isExactlyInstanceOf(FtpReplyException.class)
                    .hasMessageStartingWith(code + " (reply to echo " + code)
                    .extracting(e -> ((FtpException) e).reply()).isEqualTo(code);
        }
    }

    /** Mirrors test_ftplib.TestFTPClass.test_acct. */
    @Test
    void acctSendsAcctAndReturnsTheReply() throws IOException {
        assertThat(scripted.client().acct("passwd")).isEqualTo("230 acct ok");
        assertThat(scripted.server().commands()).containsExactly("ACCT passwd");
    }

    /** Mirrors test_ftplib.TestFTPClass.test_rename. */
    @Test
    void renameNeeds3xxToRnfr() throws IOException {
        Ftp ftp = scripted.client();
        assertThat(ftp.rename("a", "b")).isEqualTo("250 rnto ok");
        scripted.server().nextResponse("200");
        assertThatThrownBy(() -> ftp.rename("a", "b"))
                .isExactlyInstanceOf(FtpReplyException.class)
                .hasMessageStartingWith("200 (reply to RNFR a at ")
                .extracting(e -> ((FtpException) e).reply()).isEqualTo("200");
        assertThat(scripted.server().commands()).containsExactly("RNFR a", "RNTO b", "RNFR a");
    }

    /** Mirrors test_ftplib.TestFTPClass.test_delete. */
    @Test
    void deleteAccepts250AndRefusesOther1xx() throws IOException {
        Ftp ftp = scripted.client();
        assertThat(ftp.delete("foo")).isEqualTo("250 dele ok");
        scripted.server().nextResponse("199");
        assertThatThrownBy(() -> ftp.delete("foo"))
                .isExactlyInstanceOf(FtpReplyException.class)
                .hasMessageStartingWith("199 (reply to DELE foo at ")
                .extracting(e -> ((FtpException) e).reply()).isEqualTo("199");
    }

    /** Mirrors test_ftplib.TestFTPClass.test_size: a {@code 250 1000} reply is no size. */
    @Test
    void sizeAnsweredWithout213IsEmpty() throws IOException {
        assertThat(scripted.client().size("foo")).isEmpty();
        assertThat(scripted.server().commands()).containsExactly("SIZE foo");
    }

    /** Mirrors test_ftplib.TestFTPClass.test_pwd. */
    @Test
    void pwdReturnsThePathOfThe257Reply() throws IOException {
        assertThat(scripted.client().pwd()).isEqualTo("pwd ok");
        assertThat(scripted.server().commands()).containsExactly("PWD");
    }

    /** Mirrors test_ftplib.TestFTPClass.test_abort: ABOR with no transfer, answered 226. */
    @Test
    void abortWithoutTransferReturnsThe226() throws IOException {
        Ftp ftp = scripted.client();
        assertThat(ftp.abort()).isEqualTo("226 abor ok");
        // the urgent last byte arrived inline: the server read one whole "ABOR" line
        assertThat(scripted.server().commands()).containsExactly("ABOR");
        assertThat(ftp.sendCmd("noop")).isEqualTo("200 noop ok");
    }

    /** Mirrors test_ftplib.TestFTPClass.test_storbinary_rest, with the offset as a string. */
    @Test
    void storBinaryWithRestSendsRestBeforeStor() throws IOException {
        byte[] data = RETR_DATA.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
        String resp = scripted.client().storBinary("stor", new ByteArrayInputStream(data), 8192, null, "30");
        assertThat(resp).isEqualTo("226 transfer complete");
        assertThat(scripted.server().rest()).isEqualTo("30");
        assertThat(scripted.server().commands()).containsExactly("TYPE I", "PASV", "REST 30", "stor");
        assertThat(scripted.server().storedPayloads()).singleElement().isEqualTo(data);
    }

    /** Mirrors test_ftplib.TestFTPClass.test_storbinary_rest, with the offset as a number (ntransfercmd). */
    @Test
    void transferCmdWithNumericRestSendsRest() throws IOException {
        Ftp ftp = scripted.client();
        try (DataConnection conn = ftp.ntransferCmd("stor", 30L)) {
            conn.socket().getOutputStream().write(new byte[] {0, (byte) 0xff, '\r', '\n'});
        }
        assertThat(ftp.voidResp()).isEqualTo("226 transfer complete");
        assertThat(scripted.server().rest()).isEqualTo("30");
        assertThat(scripted.server().storedPayloads()).singleElement()
                .isEqualTo(new byte[] {0, (byte) 0xff, '\r', '\n'});
    }

    /** Mirrors test_ftplib.TestFTPClass.test_mlsd (the listing part): paths, facts and the default listing. */
    @Test
    void mlsdSendsPathAndFactsAndParsesEveryEntry() throws IOException {
        Ftp ftp = scripted.client();
        assertThat(ftp.mlsd()).hasSize(17);
        assertThat(ftp.mlsd("/")).hasSize(17);
        assertThat(ftp.mlsd("/", List.of("size", "type"))).hasSize(17);
        assertThat(scripted.server().commands()).containsSubsequence(
                "MLSD", "MLSD /", "OPTS MLST size;type;", "MLSD /");
        List<MlsdEntry> entries = ftp.mlsd();
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.name()).isNotEmpty();
            assertThat(e.facts()).containsKeys("type", "perm", "unique");
        });
        assertThat(entries.get(2).name()).isEqualTo("foobar");
        assertThat(entries.get(2).type()).isEqualTo("OS.unix=slink:/foobar");
        assertThat(entries.get(9).name()).isEqualTo(" leading space");
        assertThat(entries.get(16).name()).isEqualTo("file \u00AE non-ascii char");
    }

    /** Mirrors test_ftplib.TestFTPClass.test_mlsd (test_entry): the 13 crafted lines, parsed through mlsd(). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "type=type;perm=perm;unique=unique; name     | type    | name",
        "type=ty=pe;perm=perm;unique=unique; name    | ty=pe   | name",
        "type==type;perm=perm;unique=unique; name    | =type   | name",
        "type=t=y=pe;perm=perm;unique=unique; name   | t=y=pe  | name",
        "type=====;perm=perm;unique=unique; name     | ====    | name",
        "type=type;perm=perm;unique=unique; na me    | type    | na me",
        "\"type=type;perm=perm;unique=unique; name \"| type    | \"name \"",
        "type=type;perm=perm;unique=unique;  name    | type    | \" name\"",
        "type=type;perm=perm;unique=unique; n am  e  | type    | n am  e",
        "type=type;perm=perm;unique=unique; na;me    | type    | na;me",
        "type=type;perm=perm;unique=unique; ;name    | type    | ;name",
        "type=type;perm=perm;unique=unique; ;name;   | type    | ;name;",
        "type=type;perm=perm;unique=unique; ;;;;     | type    | ;;;;"})
    void mlsdParsesCraftedLine(String line, String type, String name) throws IOException {
        scripted.server().nextData(line + "\r\n");
        assertThat(scripted.client().mlsd()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo(name);
            assertThat(e.facts()).containsExactly(
                    java.util.Map.entry("type", type), java.util.Map.entry("perm", "perm"),
                    java.util.Map.entry("unique", "unique"));
        });
    }

    /** Mirrors test_ftplib.TestFTPClass.test_mlsd (case sensitiveness): fact names come back lower-cased. */
    @Test
    void mlsdLowerCasesFactNames() throws IOException {
        scripted.server().nextData("Type=type;TyPe=perm;UNIQUE=unique; name\r\n");
        MlsdEntry entry = scripted.client().mlsd().get(0);
        // "TyPe" lower-cases to "type" too, and the later duplicate wins, as in Python's dict
        assertThat(entry.facts()).containsExactly(
                java.util.Map.entry("type", "perm"), java.util.Map.entry("unique", "unique"));
    }

    /** Mirrors test_ftplib.TestFTPClass.test_mlsd (no data): an empty directory yields no entries. */
    @Test
    void mlsdOfEmptyListingYieldsNothing() throws IOException {
        Ftp ftp = scripted.client();
        scripted.server().nextData("");
        assertThat(ftp.mlsd()).isEmpty();
        scripted.server().nextData("");
        List<MlsdEntry> streamed = new ArrayList<>();
        ftp.mlsd("", List.of(), streamed::add);
        assertThat(streamed).isEmpty();
    }

    /** Mirrors test_ftplib.TestFTPClass.test_makepasv_issue43285_security_disabled. */
    @Test
    void makePasvTrustingTheServerReturnsTheAdvertisedHost() throws IOException {
        Ftp ftp = scripted.client();
        ftp.setTrustServerPasvIpv4Address(true);
        HostPort address = ftp.makePasv();
        assertThat(address.host()).isEqualTo(FAKE_PASV_IP);
        // connecting to the real address keeps the server's accept() from waiting
        new Socket(ftp.getSocket().getInetAddress(), address.port()).close();
        assertThat(ftp.sendCmd("noop")).isEqualTo("200 noop ok");
    }

    /** Mirrors test_ftplib.TestFTPClass.test_makepasv_issue43285_security_enabled_default (CVE-2021-4189). */
    @Test
    void makePasvByDefaultReplacesTheAdvertisedHostWithThePeer() throws IOException {
        Ftp ftp = scripted.client();
        assertThat(ftp.isTrustServerPasvIpv4Address()).isFalse();
        HostPort address = ftp.makePasv();
        assertThat(address.host()).isEqualTo("127.0.0.1").isNotEqualTo(FAKE_PASV_IP);
        new Socket(address.host(), address.port()).close();
        assertThat(ftp.sendCmd("noop")).isEqualTo("200 noop ok");
    }

    /**
     * Mirrors test_ftplib.TestFTPClass.test_with_statement (the base case, and QUIT inside the block): close()
     * sends QUIT exactly once and disconnects.
     */
    @ParameterizedTest(name = "quit() inside the block: {0}")
    @ValueSource(booleans = {false, true})
    void closeSendsQuitOnceAndDisconnects(boolean quitInside) throws IOException {
        Ftp ftp = scripted.connect(scripted.newClient());
        try (ftp) {
            assertThat(ftp.sendCmd("noop")).isEqualTo("200 noop ok");
            assertThat(ftp.isConnected()).isTrue();
            if (quitInside) {
                assertThat(ftp.quit()).isEqualTo("221 quit ok");
            }
        }
        assertThat(scripted.server().commands()).containsExactly("noop", "QUIT");
        assertThat(ftp.isConnected()).isFalse();
    }

    /** Mirrors test_ftplib.TestFTPClass.test_with_statement (QUIT answered 550): the error escapes close(). */
    @Test
    void quitAnsweredWithErrorEscapesCloseAndDisconnects() throws IOException {
        Ftp ftp = scripted.connect(scripted.newClient());
        assertThatThrownBy(() -> {
            try (ftp) {
                ftp.sendCmd("noop");
                scripted.server().nextResponse("550 error on quit");
            }
        }).isExactlyInstanceOf(FtpPermException.class)
                .hasMessageStartingWith("550 error on quit (reply to QUIT at ")
                .extracting(e -> ((FtpException) e).reply()).isEqualTo("550 error on quit");
        assertThat(scripted.server().lastCommand()).isEqualTo("QUIT");
        assertThat(ftp.isConnected()).isFalse();
    }

    /** Java's deviation from test_with_statement: the block's exception stays primary, QUIT's is suppressed. */
    @Test
    void quitErrorIsSuppressedByTheBlocksException() throws IOException {
        Ftp ftp = scripted.connect(scripted.newClient());
        assertThatThrownBy(() -> {
            try (ftp) {
                scripted.server().nextResponse("550 error on quit");
                throw new IllegalStateException("body failed");
            }
        }).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("body failed")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .isInstanceOf(FtpPermException.class)
                        .extracting(s -> ((FtpException) s).reply()).isEqualTo("550 error on quit"));
        assertThat(ftp.isConnected()).isFalse();
    }

    /** Mirrors test_ftplib.TestFTPClass.test_line_too_long: the 550 echo of a 16 KiB command is too long. */
    @Test
    void replyLongerThanMaxlineRaisesError() {
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> ftp.sendCmd("x".repeat(Ftp.MAXLINE * 2)))
                .isExactlyInstanceOf(FtpException.class)
                .hasMessage("got more than 8192 bytes");
        // the rest of the line is still on its way: no later command may read it
        assertThat(ftp.isOutOfSync()).isTrue();
    }

    /** Mirrors test_ftplib.TestFTPClass.test_retrlines_too_long. */
    @Test
    void retrLinesWithLineLongerThanMaxlineRaisesError() throws IOException {
        Ftp ftp = scripted.client();
        assertThat(ftp.sendCmd("SETLONGRETR " + Ftp.MAXLINE * 2)).isEqualTo("125 setlongretr ok");
        List<String> received = new ArrayList<>();
        assertThatThrownBy(() -> ftp.retrLines("retr", received::add))
                .isExactlyInstanceOf(FtpException.class)
                .hasMessage("got more than 8192 bytes");
        assertThat(received).isEmpty();
        assertThat(ftp.isOutOfSync()).isTrue();
    }

    /**
     * Mirrors test_ftplib.TestFTPClass.test_encoding_param: binary and text transfers and a non-ASCII MKD round
     * trip in latin-1 and UTF-8, against a server speaking the same charset.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ISO-8859-1", "UTF-8"})
    void encodingAppliesToCommandsRepliesAndTextTransfers(String charsetName) throws IOException {
        Charset charset = Charset.forName(charsetName);
        try (ScriptedFtpServer server = ScriptedFtpServer.start(charset)) {
            Ftp ftp = scripted.clientOf(server);
            assertThat(ftp.getEncoding()).isEqualTo(charset);
            ByteArrayOutputStream binary = new ByteArrayOutputStream();
            ftp.retrBinary("retr", binary::writeBytes);
            assertThat(binary.toByteArray()).isEqualTo(RETR_DATA.getBytes(charset));
            ftp.storBinary("stor", new ByteArrayInputStream(RETR_DATA.getBytes(charset)));
            assertThat(server.storedPayloads()).singleElement().isEqualTo(RETR_DATA.getBytes(charset));
            StringBuilder text = new StringBuilder();
            ftp.retrLines("retr", text::append);
            assertThat(text.toString()).isEqualTo(RETR_DATA.replace("\r\n", ""));
            assertThat(ftp.mkd("/non-ascii dir \u00AE")).isEqualTo("/non-ascii dir \u00AE");
        }
        assertThat(new Ftp().getEncoding()).isEqualTo(StandardCharsets.UTF_8);
    }

    /** Mirrors test_ftplib.TestFTPClass.test_storbinary's callback part, through the scripted server. */
    @Test
    void storBinaryCallbackSeesEveryBlock() throws IOException {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        byte[] data = RETR_DATA.getBytes(StandardCharsets.UTF_8);
        assertThat(data).hasSize(17_000);
        scripted.client().storBinary("stor", new ByteArrayInputStream(data), 4096, b -> sizes.add(b.length));
        assertThat(sizes).containsExactly(4096, 4096, 4096, 4096, 616);
        assertThat(scripted.server().storedPayloads()).singleElement().isEqualTo(data);
    }
}

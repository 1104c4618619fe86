package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

import io.camelftplib.ftplib.testing.ScriptedFtpServer;
import io.camelftplib.ftplib.testing.ScriptedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile replies on the control connection, which must neither exhaust memory, hang the client nor be misread:
 * overlong lines, endless multi-line replies, odd reply codes and strict mode, spoofed multi-line ends, bare CR,
 * undecodable bytes, odd 257 quotes and error welcomes.
 */
@Timeout(30)
class HostileReplyTest {

    private static final String OUT_OF_SYNC = " (the control connection is out of sync; reconnect)";

    @RegisterExtension
    final ScriptedFtpServerExtension scripted = new ScriptedFtpServerExtension();

    /** A reply line over maxline characters fails at once, even when its CRLF never comes. */
    @ParameterizedTest
    @CsvSource({
        "x, 8192, true",
        "x, 100000, false",
        "\u20ac, 8192, true",
        "\u20ac, 100000, false"})
    void overlongReplyLineFailsWithoutWaitingForItsEnd(String ch, int count, boolean terminated) {
        String line = "200 " + ch.repeat(count - 4) + (terminated ? "\r\n" : "");
        scripted.server().on("NOOP", (s, arg) -> s.send(line));
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> ftp.sendCmd("NOOP"))
                .isExactlyInstanceOf(FtpException.class)
                .hasMessage("got more than 8192 bytes");
        assertThatNextCommandFailsFast(ftp, "reading the reply to NOOP failed: got more than 8192 bytes");
    }

    /** Boundary: 8191 characters and the newline make 8192, which passes; three-byte characters count once. */
    @ParameterizedTest
    @ValueSource(strings = {"x", "\u20ac"})
    void replyLineOfMaxlineCharactersPasses(String ch) throws IOException {
        String line = "200 " + ch.repeat(Ftp.MAXLINE - 5);
        scripted.server().reply("NOOP", line);
        assertThat(scripted.client().sendCmd("NOOP")).isEqualTo(line);
    }

    /** A multi-line reply that never ends is cut at 1000 lines or 64 KiB characters, whichever comes first. */
    @ParameterizedTest
    @ValueSource(ints = {1, 500})
    void endlessMultiLineReplyIsBounded(int lineLength) {
        String filler = "200-" + "m".repeat(lineLength);
        scripted.server().on("NOOP", (s, arg) -> {
            // "endless" for the client: 20 times the cap, then silence, so a client without the cap times out
            for (int i = 0; i < 20_000; i++) {
                s.reply(filler);
            }
        });
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> ftp.sendCmd("NOOP"))
                .isExactlyInstanceOf(FtpProtoException.class)
                .hasMessageEndingWith(" (a multi-line reply exceeded 1000 lines or 65536 characters;"
                        + " the server is misbehaving)")
                .extracting(e -> ((FtpException) e).reply())
                .isEqualTo(String.join("\n", java.util.Collections.nCopies(300, filler)).substring(0, 200));
        assertThat(ftp.isOutOfSync()).isTrue();
    }

    /** Boundary: a 1000-line reply passes whole. */
    @Test
    void multiLineReplyOfThousandLinesPasses() throws IOException {
        String[] lines = new String[1000];
        java.util.Arrays.fill(lines, "200-line");
        lines[999] = "200 end";
        scripted.server().reply("NOOP", lines);
        assertThat(scripted.client().sendCmd("NOOP").split("\n", -1)).hasSize(1000);
    }

    /** A multi-line reply that stops mid-way is bounded by the timeout (ftplib hangs without one). */
    @Test
    void silentMultiLineReplyIsBoundedByTheTimeout() throws IOException {
        scripted.server().reply("NOOP", "200-first line, and then nothing");
        Ftp ftp = scripted.client(Duration.ofMillis(300));
        assertThatThrownBy(() -> ftp.sendCmd("NOOP")).isInstanceOf(SocketTimeoutException.class);
        assertThat(ftp.isOutOfSync()).isTrue();
    }

    /** Only the first character counts (ftplib); anything but 1-5 there is error_proto. */
    @ParameterizedTest
    @ValueSource(strings = {"", " 200", "600", "000", "999 no", "x00"})
    void replyWithoutValidFirstDigitIsProtoError(String reply) throws IOException {
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> ftp.sendCmd("ECHO " + reply))
                .isExactlyInstanceOf(FtpProtoException.class)
                .hasMessageStartingWith(reply + " (reply to ECHO " + reply + " at 127.0.0.1:")
                .extracting(e -> ((FtpException) e).reply()).isEqualTo(reply);
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
    }

    /** ftplib accepts {@code 2ab ok} and {@code 2} as successes (TestTimeouts needs {@code 1 Hola mundo}). */
    @ParameterizedTest
    @ValueSource(strings = {"2ab ok", "2", "1 Hola mundo", "3xx"})
    void replyWithValidFirstDigitSucceedsByDefault(String reply) throws IOException {
        assertThat(scripted.client().sendCmd("ECHO " + reply)).isEqualTo(reply);
    }

    /** Strict mode: the code must be three digits 100-599 followed by a space, a dash or nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"2ab ok", "2", "20", "2000 ok", "200x", "099 low", "600 high"})
    void strictModeRefusesMalformedCodes(String reply) {
        Ftp ftp = scripted.client();
        ftp.setStrictReplyCodes(true);
        assertThatThrownBy(() -> ftp.sendCmd("ECHO " + reply))
                .isExactlyInstanceOf(FtpProtoException.class)
                .hasMessageStartingWith(reply + " (reply to ECHO " + reply + " at ");
    }

    /** Strict mode accepts every well-formed reply, multi-line ones too. */
    @ParameterizedTest
    @ValueSource(strings = {"200", "200 ok", "150-a", "599 x"})
    void strictModeAcceptsWellFormedCodes(String reply) throws IOException {
        Ftp ftp = scripted.client();
        ftp.setStrictReplyCodes(true);
        if (reply.startsWith("5")) {
            assertThatThrownBy(() -> ftp.sendCmd("ECHO " + reply)).isExactlyInstanceOf(FtpPermException.class);
        } else if (reply.endsWith("-a")) {
            scripted.server().reply("NOOP", "150-a", "150 b");
            assertThat(ftp.sendCmd("NOOP")).isEqualTo("150-a\n150 b");
        } else {
            assertThat(ftp.sendCmd("ECHO " + reply)).isEqualTo(reply);
        }
    }

    /** Strict mode refuses TestTimeouts' one-character welcome. */
    @Test
    void strictModeRefusesOneCharacterWelcome() {
        scripted.server().onConnect((s, arg) -> s.reply("1 Hola mundo"));
        Ftp ftp = scripted.newClient();
        ftp.setStrictReplyCodes(true);
        assertThatThrownBy(() -> scripted.connect(ftp))
                .hasRootCauseExactlyInstanceOf(FtpProtoException.class)
                .hasRootCauseMessage("1 Hola mundo (reply to the connection (welcome) at 127.0.0.1:"
                        + scripted.server().port() + ")");
        assertThat(ftp.isConnected()).isFalse();
    }

    /** A line with the code and no dash after it ends a multi-line block, whatever follows the code. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "230-hello | 2300 done | ''      | 230-hello\\n2300 done",
        "230-hello | 230x done | ''      | 230-hello\\n230x done",
        "230-hello | 230       | ''      | 230-hello\\n230",
        "230-hello | 231 other | 230 end | 230-hello\\n231 other\\n230 end",
        "230-hello | 230-more  | 230 end | 230-hello\\n230-more\\n230 end"})
    void multiLineReplyEndsAtTheFirstLineWithItsCode(String first, String second, String third, String reply)
            throws IOException {
        scripted.server().reply("USER", third.isEmpty() ? new String[] {first, second} : new String[] {first, second,
                third});
        Ftp ftp = scripted.client();
        assertThat(ftp.login("alice", "pw")).isEqualTo(reply.replace("\\n", "\n"));
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
        assertThat(scripted.server().commands()).containsExactly("USER alice", "NOOP");
    }

    /** A bare CR ends a line (universal newlines): the rest becomes the next reply, as in ftplib. */
    @Test
    void bareCarriageReturnSplitsAReply() throws IOException {
        scripted.server().reply("SPLIT", "200 a\rb");
        Ftp ftp = scripted.client();
        assertThat(ftp.sendCmd("SPLIT")).isEqualTo("200 a");
        assertThatThrownBy(() -> ftp.sendCmd("NOOP"))
                .isExactlyInstanceOf(FtpProtoException.class)
                .hasMessageStartingWith("b (reply to NOOP at ")
                .extracting(e -> ((FtpException) e).reply()).isEqualTo("b");
    }

    /** Bytes that are not valid UTF-8 fail with FtpProtoException (ftplib: UnicodeDecodeError). */
    @ParameterizedTest
    @ValueSource(strings = {"ff", "c3", "eda080", "c0af", "f4908080"})
    void undecodableReplyIsProtoError(String hex) {
        byte[] reply = concat("200 ".getBytes(StandardCharsets.US_ASCII), HexFormat.of().parseHex(hex),
                "\r\n".getBytes(StandardCharsets.US_ASCII));
        scripted.server().on("NOOP", (s, arg) -> s.sendBytes(reply));
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> ftp.sendCmd("NOOP"))
                .isExactlyInstanceOf(FtpProtoException.class)
                .hasMessage("received bytes that are not valid UTF-8 (set the encoding to the one the server uses)")
                .hasCauseInstanceOf(MalformedInputException.class);
        assertThatNextCommandFailsFast(ftp,
                "reading the reply to NOOP failed: received bytes that are not valid UTF-8");
    }

    /** Control: the same bytes are fine in latin-1, where every byte is a character. */
    @Test
    void latin1ClientDecodesEveryByte() throws IOException {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(StandardCharsets.ISO_8859_1)) {
            server.on("NOOP", (s, arg) -> s.sendBytes(new byte[] {'2', '0', '0', ' ', (byte) 0xff, '\r', '\n'}));
            assertThat(scripted.clientOf(server).sendCmd("NOOP")).isEqualTo("200 \u00ff");
        }
    }

    /** Odd quotes in a 257 reply give ftplib's answers through pwd(); mkd's non-257 2xx gives ''. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "257 \"/foo            | /foo",
        "257 /foo              | ''",
        "257 \"x\"y\"          | x",
        "257 \"a\"\"b\" made   | a\"b",
        "257 \"../../etc\"     | ../../etc",
        "250 no quotes at all  | ''"})
    void pwdParsesOddQuotesLikeFtplib(String reply, String path) throws IOException {
        scripted.server().reply("PWD", reply);
        scripted.server().reply("MKD", reply);
        assertThat(scripted.client().pwd()).isEqualTo(path);
        assertThat(scripted.client().mkd("d")).isEqualTo(path);
    }

    /** A multi-line 257 gives no path. */
    @Test
    void multiLine257GivesNoPath() throws IOException {
        scripted.server().reply("PWD", "257-\"/a\"", "257 ok");
        assertThat(scripted.client().pwd()).isEmpty();
    }

    /** An error welcome raises and closes the socket (ftplib leaves it open). */
    @ParameterizedTest
    @CsvSource({
        "421 too many users, io.camelftplib.ftplib.FtpTempException",
        "530 not allowed, io.camelftplib.ftplib.FtpPermException",
        "999 weird, io.camelftplib.ftplib.FtpProtoException"})
    void errorWelcomeClosesTheSocket(String welcome, Class<? extends FtpException> kind) {
        scripted.server().onConnect((s, arg) -> s.reply(welcome));
        Ftp ftp = scripted.newClient();
        assertThatThrownBy(() -> ftp.connect(scripted.server().host(), scripted.server().port(),
                ScriptedFtpServerExtension.TIMEOUT, null))
                .isExactlyInstanceOf(kind)
                .hasMessageStartingWith(welcome + " (reply to the connection (welcome) at 127.0.0.1:");
        assertThat(ftp.isConnected()).isFalse();
        await("the server sees the client close").atMost(Duration.ofSeconds(10))
                .until(() -> scripted.server().clientDisconnects() == 1);
    }

    /** A server that closes before any welcome gives EOFException, and the client is disconnected. */
    @Test
    void closeBeforeWelcomeIsEndOfFile() {
        scripted.server().onConnect((s, arg) -> s.closeControl());
        Ftp ftp = scripted.newClient();
        assertThatThrownBy(() -> scripted.connect(ftp))
                .hasRootCauseExactlyInstanceOf(EOFException.class)
                .hasRootCauseMessage("the server closed the control connection");
        assertThat(ftp.isConnected()).isFalse();
    }

    /** A 1xx welcome is a welcome (ftplib). */
    @Test
    void preliminaryWelcomeIsAccepted() {
        scripted.server().onConnect((s, arg) -> s.reply("120 ready in a minute"));
        assertThat(scripted.client().getWelcome()).isEqualTo("120 ready in a minute");
    }

    private void assertThatNextCommandFailsFast(Ftp ftp, String reasonStart) {
        assertThat(ftp.isOutOfSync()).isTrue();
        assertThatThrownBy(() -> ftp.sendCmd("NOOP"))
                .isExactlyInstanceOf(FtpProtoException.class)
                .hasMessageStartingWith(reasonStart)
                .hasMessageEndingWith(OUT_OF_SYNC);
        assertThat(scripted.server().commands()).containsExactly("NOOP");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.camelftplib.ftplib.testing.ScriptedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Ftp#storLines} and {@link BinaryLines}: ftplib's CRLF rule (a line not ending in CRLF loses one trailing
 * CR or LF and gets CRLF) and its line bound, checked on the bytes the server received.
 */
@Timeout(30)
class StorLinesScriptedTest {

    @RegisterExtension
    final ScriptedFtpServerExtension scripted = new ScriptedFtpServerExtension();

    /** Input and the bytes on the wire, written with {@code \r} and {@code \n} as text; as CPython 3.11 sends them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "a\\nb\\n        | a\\r\\nb\\r\\n",
        "a\\r\\nb        | a\\r\\nb\\r\\n",
        "a\\r            | a\\r\\n",
        "a\\rb\\n        | a\\rb\\r\\n",
        "\\n\\n          | \\r\\n\\r\\n",
        "x\\r\\r\\n      | x\\r\\r\\n",
        "x\\n\\r         | x\\r\\n\\r\\n",
        "' sp ace '      | ' sp ace \\r\\n'",
        "''              | ''"})
    void storLinesEndsEveryLineWithCrlf(String input, String sent) throws IOException {
        List<String> callbacks = new ArrayList<>();
        String resp = scripted.client().storLines("stor", new ByteArrayInputStream(bytes(input)),
                line -> callbacks.add(new String(line, StandardCharsets.ISO_8859_1)));
        assertThat(resp).isEqualTo("226 transfer complete");
        assertThat(scripted.server().storedPayloads()).singleElement().isEqualTo(bytes(sent));
        assertThat(String.join("", callbacks)).isEqualTo(unescape(sent));
        assertThat(scripted.server().commands()).containsExactly("TYPE A", "PASV", "stor");
    }

    /** Binary content passes unchanged but for line ends: NUL, 0xFF and non-ASCII bytes. */
    @Test
    void storLinesKeepsEveryOtherByte() throws IOException {
        byte[] input = {0, (byte) 0xff, (byte) 0xc3, (byte) 0xa9, '\n', 0x7f, '\r'};
        scripted.client().storLines("stor", new ByteArrayInputStream(input));
        assertThat(scripted.server().storedPayloads()).singleElement()
                .isEqualTo(new byte[] {0, (byte) 0xff, (byte) 0xc3, (byte) 0xa9, '\r', '\n', 0x7f, '\r', '\n'});
    }

    /** A line of exactly maxline bytes with its LF passes; one more byte fails, as readline(maxline + 1) does. */
    @Test
    void storLinesBoundsEachLineByMaxline() throws IOException {
        Ftp ftp = scripted.client();
        ftp.storLines("stor", new ByteArrayInputStream(bytes("x".repeat(Ftp.MAXLINE - 1) + "\n")));
        assertThat(scripted.server().storedPayloads().get(0)).hasSize(Ftp.MAXLINE + 1);
        assertThatThrownBy(() -> ftp.storLines("stor", new ByteArrayInputStream(bytes("x".repeat(Ftp.MAXLINE) + "\n"))))
                .isExactlyInstanceOf(FtpException.class)
                .hasMessage("got more than 8192 bytes");
        // the data connection was open and its final reply is still due: the connection is out of sync
        assertThat(ftp.isOutOfSync()).isTrue();
    }

    /** Mirrors test_ftplib.TestFTPClass.test_storlines_too_long on the scripted server. */
    @Test
    void storLinesOfLineWithoutNewlineLongerThanMaxlineFails() {
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> ftp.storLines("stor", new ByteArrayInputStream(new byte[Ftp.MAXLINE * 2])))
                .isExactlyInstanceOf(FtpException.class)
                .hasMessage("got more than 8192 bytes");
    }

    private static byte[] bytes(String escaped) {
        return unescape(escaped).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String unescape(String escaped) {
        return escaped.replace("\\r", "\r").replace("\\n", "\n");
    }
}

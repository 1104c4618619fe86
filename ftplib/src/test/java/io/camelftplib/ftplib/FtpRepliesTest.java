package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ftplib's module functions {@code parse150/227/229/257} and Python's {@code repr}, table by table. Each expected
 * value is what CPython 3.11.7 returned for the same input, except where a comment names a hardening (H).
 */
class FtpRepliesTest {

    private static final String PEER = "10.0.0.1";

    static Stream<Arguments> parse150Cases() {
        return Stream.of(
                Arguments.of("150 ok (1234 bytes)", OptionalLong.of(1234)),
                Arguments.of("150 ok (12 bytes) (34 bytes)", OptionalLong.of(34)),
                Arguments.of("150 (5 bytes)", OptionalLong.empty()),
                Arguments.of("150 ok (12 BYTES)", OptionalLong.of(12)),
                Arguments.of("150 ok (\u0661\u0662 bytes)", OptionalLong.empty()),
                Arguments.of("150 first\nsecond (5 bytes)", OptionalLong.empty()),
                Arguments.of("150 ok (5 bytes) trailing", OptionalLong.of(5)),
                Arguments.of("150-ok (5 bytes)", OptionalLong.empty()),
                Arguments.of("150 Opening BINARY mode data connection", OptionalLong.empty()),
                Arguments.of("150 ok (9223372036854775807 bytes)", OptionalLong.of(Long.MAX_VALUE)),
                // Python returns the unbounded int; beyond a long the size is unknown
                Arguments.of("150 ok (9223372036854775808 bytes)", OptionalLong.empty()),
                Arguments.of("150 ok (12345678901234567890123 bytes)", OptionalLong.empty()));
    }

    /** parse150: the last "(N bytes)" of the first line, after some text. */
    @ParameterizedTest
    @MethodSource("parse150Cases")
    void parse150FindsTheAnnouncedSize(String reply, OptionalLong size) throws FtpException {
        assertThat(FtpReplies.parse150(reply)).isEqualTo(size);
    }

    /** parse150 of another code is error_reply. */
    @Test
    void parse150RefusesOtherCodes() {
        assertThatThrownBy(() -> FtpReplies.parse150("125 ok (5 bytes)"))
                .isExactlyInstanceOf(FtpReplyException.class)
                .hasMessage("125 ok (5 bytes)");
    }

    /** parse227: the first six numbers anywhere, no range check (makePasv checks, see HostilePassiveTest). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "227 Entering Passive Mode (127,0,0,1,4,1) | 127.0.0.1 | 1025",
        "227 (999,1,1,1,1,1)                      | 999.1.1.1 | 257",
        "227 (127,0,0,1,300,1)                    | 127.0.0.1 | 76801",
        "227 =127,0,0,1,0,0                       | 127.0.0.1 | 0",
        "227 (1,2,3,4,5,6,7,8)                    | 1.2.3.4   | 1286"})
    void parse227ReadsTheFirstSixNumbers(String reply, String host, int port) throws FtpException {
        assertThat(FtpReplies.parse227(reply)).isEqualTo(new HostPort(host, port));
    }

    /** parse227 without six numbers is error_proto; numbers beyond any address are too. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "227 -6                       | 227 -6",
        "227 (1,2,3,4,5)              | 227 (1,2,3,4,5)",
        "227 (1,2,3,4,5,99999999999)  | 227 (1,2,3,4,5,99999999999) (a number of the PASV address is too large)"})
    void parse227RefusesMalformedReplies(String reply, String message) {
        assertThatThrownBy(() -> FtpReplies.parse227(reply))
                .isExactlyInstanceOf(FtpProtoException.class)
                .hasMessage(message);
    }

    /** parse227 of another code is error_reply. */
    @Test
    void parse227RefusesOtherCodes() {
        assertThatThrownBy(() -> FtpReplies.parse227("200 (1,2,3,4,5,6)"))
                .isExactlyInstanceOf(FtpReplyException.class)
                .hasMessage("200 (1,2,3,4,5,6)");
    }

    /** parse229: the port between the delimiters, the host always the control peer's. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "229 Entering Extended Passive Mode (|||6446|); 6446",
        "229 (!!!6446!);                                6446",
        "229 (|1|2.3.4.5|6446|);                        6446",
        "229 (|||99999|);                               99999"})
    void parse229ReadsThePortAndKeepsThePeer(String reply, int port) throws FtpException {
        assertThat(FtpReplies.parse229(reply, PEER)).isEqualTo(new HostPort(PEER, port));
    }

    /**
     * parse229 malformed: error_proto (Python: error_proto, or ValueError/accepts for the rows where the engine is
     * stricter).
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "229 no parens;  229 no parens",
        "229 (|||6446|;  229 (|||6446|",
        "229 (|||6446!); 229 (|||6446!)",
        "229 (||6446|);  229 (||6446|)",
        "229 (||||);     229 (||||) (the EPSV port is not a number)",
        "229 (|||-1|);   229 (|||-1|) (the EPSV port is not a number)",
        "'229 (||| 12 |)'; '229 (||| 12 |) (the EPSV port is not a number)'"})
    void parse229RefusesMalformedReplies(String reply, String message) {
        assertThatThrownBy(() -> FtpReplies.parse229(reply, PEER))
                .isExactlyInstanceOf(FtpProtoException.class)
                .hasMessage(message);
    }

    /** parse229 of another code is error_reply. */
    @Test
    void parse229RefusesOtherCodes() {
        assertThatThrownBy(() -> FtpReplies.parse229("228 (|||6446|)", PEER))
                .isExactlyInstanceOf(FtpReplyException.class)
                .hasMessage("228 (|||6446|)");
    }

    /** Mirrors test_ftplib.TestFTPClass.test_parse257, plus odd quotes a hostile server may send. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "257 \"/foo/bar\"             | /foo/bar",
        "257 \"/foo/bar\" created     | /foo/bar",
        "257 \"\"                     | ''",
        "257 \"\" created             | ''",
        "257 \"/foo/b\"\"ar\"         | /foo/b\"ar",
        "257 \"/foo/b\"\"ar\" created | /foo/b\"ar",
        "257 \"/foo                   | /foo",
        "257 /foo                     | ''",
        "'257  \"/foo\"'              | ''",
        "257 \"x\"y\"                 | x",
        "257 \"a\"\"\"                | a\"",
        "257 \"                       | ''",
        "257                          | ''"})
    void parse257ReadsTheQuotedName(String reply, String name) throws FtpException {
        assertThat(FtpReplies.parse257(reply)).isEqualTo(name);
    }

    /** parse257 of a multi-line reply finds no name (its 4th character is '-'). */
    @Test
    void parse257OfMultiLineReplyIsEmpty() throws FtpException {
        assertThat(FtpReplies.parse257("257-\"/a\"\n257 ok")).isEmpty();
    }

    /** Mirrors test_ftplib.TestFTPClass.test_parse257: another code is error_reply. */
    @Test
    void parse257RefusesOtherCodes() {
        assertThatThrownBy(() -> FtpReplies.parse257("250 \"/foo/bar\""))
                .isExactlyInstanceOf(FtpReplyException.class)
                .hasMessage("250 \"/foo/bar\"");
    }

    static Stream<Arguments> reprCases() {
        return Stream.of(
                Arguments.of("", "''"),
                Arguments.of("\u007f", "'\\x7f'"),
                Arguments.of("\u00a0", "'\\xa0'"),
                Arguments.of("\u001b", "'\\x1b'"),
                Arguments.of("\ue000", "'\\ue000'"),
                Arguments.of("\ud800", "'\\ud800'"),
                Arguments.of("\\", "'\\\\'"),
                Arguments.of("a\\b", "'a\\\\b'"),
                Arguments.of("\u0378", "'\\u0378'"),
                Arguments.of("\udb40\udc01", "'\\U000e0001'"),
                Arguments.of("\u200b", "'\\u200b'"),
                Arguments.of("\u3000", "'\\u3000'"),
                Arguments.of("caf\u00e9 \u00ae", "'caf\u00e9 \u00ae'"));
    }

    /** repr: Python's quoting and escapes, the form of every debug line. */
    @ParameterizedTest
    @MethodSource("reprCases")
    void reprMatchesPython(String s, String expected) {
        assertThat(FtpReplies.repr(s)).isEqualTo(expected);
    }

    /** print_line writes the line and a newline to standard output (the default retrLines callback). */
    @ParameterizedTest
    @ValueSource(strings = {"foo", " non-ascii char \u00ae"})
    void printLineWritesToStandardOutput(String line) {
        java.io.PrintStream previous = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            FtpReplies.printLine(line);
        } finally {
            System.setOut(previous);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(line + System.lineSeparator());
    }
}

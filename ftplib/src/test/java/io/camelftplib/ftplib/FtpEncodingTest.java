package io.camelftplib.ftplib;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client encoding: UTF-8 by default, ISO-8859-1 on request, for commands, replies and text transfers (never
 * for binary ones). Apache FtpServer reads commands as UTF-8 only, so non-ASCII names are checked with UTF-8.
 */
@Timeout(30)
class FtpEncodingTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    private static final String LINE = "abcde\u00b9\u00b2\u00b3\u00a4\u00a6";

    /**
     * Mirrors test_ftplib.TestFTPClass.test_encoding_param for both encodings: retrbinary, storbinary and retrlines
     * round trips of RETR_DATA encoded in the client's charset.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-8", "ISO-8859-1"})
    void transfersRoundTripInTheClientEncoding(String charsetName) throws Exception {
        Charset charset = Charset.forName(charsetName);
        byte[] encoded = Fixtures.RETR_DATA.getBytes(charset);
        String name = "enc-" + charsetName + ".txt";
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Ftp ftp = Fixtures.login(SERVER, charset)) {
            assertThat(ftp.getEncoding()).isEqualTo(charset);
            ftp.storBinary("STOR " + name, new ByteArrayInputStream(encoded));
            ftp.retrBinary("RETR " + name, received::writeBytes);
            ftp.retrLines("RETR " + name, lines::add);
        }
        assertThat(Fixtures.read(SERVER, name)).isEqualTo(encoded);
        assertThat(new String(received.toByteArray(), charset)).isEqualTo(Fixtures.RETR_DATA);
        assertThat(lines).hasSize(1000).containsOnly(LINE);
    }

    /** The mkd part of test_ftplib.TestFTPClass.test_encoding_param, and the default of test_encoding_param. */
    @Test
    void utf8IsTheDefaultAndCarriesNonAsciiPaths() throws Exception {
        try (Ftp ftp = new Ftp()) {
            assertThat(ftp.getEncoding()).isEqualTo(UTF_8);
            ftp.connect(SERVER.host(), SERVER.port(), Fixtures.TIMEOUT, null);
            ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD);
            assertThat(ftp.mkd("/non-ascii dir \u00ae")).isEqualTo("/non-ascii dir \u00ae");
        }
        assertThat(SERVER.file("non-ascii dir \u00ae")).isDirectory();
    }

    @Test
    void binaryFilesWithNonAsciiNamesRoundTrip() throws Exception {
        byte[] data = Fixtures.binary(9000);
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.mkd(Fixtures.ODD_DIR);
            ftp.storBinary("STOR " + Fixtures.ODD_FILE, new ByteArrayInputStream(data));
            ftp.voidCmd("TYPE I");
            assertThat(ftp.size(Fixtures.ODD_FILE)).isEqualTo(OptionalLong.of(9000));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ftp.retrBinary("RETR " + Fixtures.ODD_FILE, out);
            assertThat(out.toByteArray()).isEqualTo(data);
            ftp.cwd(Fixtures.ODD_DIR);
            assertThat(ftp.nlst()).containsExactly("fïle ü.bin");
        }
        assertThat(Fixtures.read(SERVER, Fixtures.ODD_FILE)).isEqualTo(data);
    }

    /** ftplib raises a UnicodeDecodeError outside all_errors; the port raises an FtpProtoException. */
    @Test
    void textNotValidInTheEncodingFailsTheTransferAndLeavesTheConnectionOutOfSync() throws Exception {
        Fixtures.put(SERVER, "latin1.txt", Fixtures.RETR_DATA.getBytes(ISO_8859_1));
        Ftp ftp = Fixtures.login(SERVER);
        try (ftp) {
            assertThatThrownBy(() -> ftp.retrLines("RETR latin1.txt", line -> { }))
                    .isInstanceOf(FtpProtoException.class)
                    .hasMessage("received bytes that are not valid UTF-8"
                            + " (set the encoding to the one the server uses)");
            assertThat(ftp.isOutOfSync()).isTrue();
        }
        assertThat(SERVER.commands()).doesNotContain("QUIT");
    }

    /** Python's UnicodeEncodeError from putline: nothing is sent. */
    @Test
    void aCommandTheEncodingCannotHoldIsRefusedBeforeSending() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER, ISO_8859_1)) {
            assertThatThrownBy(() -> ftp.mkd("\u65e5\u672c"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the command holds a character that ISO-8859-1 cannot encode; choose another encoding");
            assertThat(ftp.voidCmd("NOOP")).startsWith("200 ");
        }
        assertThat(SERVER.commands()).containsExactly("USER alice", "PASS s3cret", "NOOP", "QUIT");
    }
}

package io.camelftplib.ftplib;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Binary and text transfers with real bytes, in passive and active mode. */
@Timeout(30)
class FtpTransferTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    /** Stores uploads as they crossed the wire, to see the CRLF that storLines sends. */
    @RegisterExtension
    static final EmbeddedFtpServerExtension VERBATIM = EmbeddedFtpServerExtension.plain().withVerbatimAsciiTransfers();

    private static final byte[] DATA = Fixtures.binary(20_000);
    private static final String TEXT_IN = "line one\nzwei \u00fc\r\n\nmid\rdle\nlast\r";
    private static final String TEXT_ON_WIRE = "line one\r\nzwei \u00fc\r\n\r\nmid\rdle\r\nlast\r\n";

    private static Ftp login(boolean passive) throws Exception {
        Ftp ftp = Fixtures.login(SERVER);
        ftp.setPasv(passive);
        return ftp;
    }

    /** Mirrors test_ftplib.TestFTPClass.test_retrbinary (and TestIPv6Environment.test_transfer's two modes). */
    @ParameterizedTest(name = "passive={0}")
    @ValueSource(booleans = {true, false})
    void retrBinaryDeliversEveryByteInBlocksOfAtMostTheBlockSize(boolean passive) throws Exception {
        Fixtures.put(SERVER, "retr.bin", DATA);
        List<byte[]> blocks = new ArrayList<>();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Ftp ftp = login(passive)) {
            assertThat(ftp.retrBinary("RETR retr.bin", block -> {
                blocks.add(block);
                received.writeBytes(block);
            }, 1000)).isEqualTo("226 Transfer complete.");
        }
        assertThat(received.toByteArray()).isEqualTo(DATA);
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(20).allSatisfy(b -> assertThat(b.length).isBetween(1, 1000));
        assertThat(blocks.get(0)).isNotSameAs(blocks.get(1));
        assertThat(SERVER.commands()).contains("TYPE I", "RETR retr.bin")
                .anySatisfy(line -> assertThat(line).startsWith(passive ? "PASV" : "PORT 127,0,0,1,"));
    }

    @ParameterizedTest(name = "passive={0}")
    @ValueSource(booleans = {true, false})
    void retrBinaryWithDefaultBlockSizeDeliversEveryByte(boolean passive) throws Exception {
        Fixtures.put(SERVER, "default.bin", DATA);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Ftp ftp = login(passive)) {
            ftp.retrBinary("RETR default.bin", block -> {
                assertThat(block.length).isLessThanOrEqualTo(Ftp.DEFAULT_BLOCKSIZE);
                received.writeBytes(block);
            });
        }
        assertThat(received.toByteArray()).isEqualTo(DATA);
    }

    /** Mirrors test_ftplib.TestFTPClass.test_retrbinary_rest: REST 0 is sent too, data starts at the offset. */
    @Test
    void retrBinaryWithRestSendsRestAndDeliversTheRemainder() throws Exception {
        Fixtures.put(SERVER, "rest.bin", DATA);
        try (Ftp ftp = login(true)) {
            for (int rest : new int[] {0, 10, 20, 19_999}) {
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                assertThat(ftp.retrBinary("RETR rest.bin", received::writeBytes, 8192, Integer.toString(rest)))
                        .isEqualTo("226 Transfer complete.");
                assertThat(received.toByteArray()).isEqualTo(Fixtures.from(DATA, rest));
            }
        }
        assertThat(SERVER.commands()).contains("REST 0", "REST 10", "REST 20", "REST 19999");
    }

    @ParameterizedTest(name = "passive={0}")
    @ValueSource(booleans = {true, false})
    void retrBinaryIntoAnOutputStreamWritesEveryByteAndLeavesItOpen(boolean passive) throws Exception {
        Fixtures.put(SERVER, "stream.bin", DATA);
        ClosingTracker out = new ClosingTracker();
        try (Ftp ftp = login(passive)) {
            assertThat(ftp.retrBinary("RETR stream.bin", out)).isEqualTo("226 Transfer complete.");
        }
        assertThat(out.toByteArray()).isEqualTo(DATA);
        assertThat(out.closed).isFalse();
    }

    @Test
    void retrBinaryIntoAnOutputStreamResumesAtTheOffset() throws Exception {
        Fixtures.put(SERVER, "resume.bin", DATA);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Ftp ftp = login(true)) {
            out.write(DATA, 0, 12_345);
            assertThat(ftp.retrBinary("RETR resume.bin", out, "12345")).isEqualTo("226 Transfer complete.");
        }
        assertThat(out.toByteArray()).isEqualTo(DATA);
        assertThat(SERVER.commands()).contains("REST 12345");
    }

    /** Mirrors test_ftplib.TestFTPClass.test_retrlines: lines come without their CRLF. */
    @ParameterizedTest(name = "passive={0}")
    @ValueSource(booleans = {true, false})
    void retrLinesHandsEachLineWithoutItsEnding(boolean passive) throws Exception {
        Fixtures.put(SERVER, "retr.txt", Fixtures.RETR_DATA.getBytes(UTF_8));
        List<String> lines = new ArrayList<>();
        try (Ftp ftp = login(passive)) {
            assertThat(ftp.retrLines("RETR retr.txt", lines::add)).isEqualTo("226 Transfer complete.");
        }
        assertThat(lines).hasSize(1000).containsOnly("abcde\u00b9\u00b2\u00b3\u00a4\u00a6");
        assertThat(String.join("", lines)).isEqualTo(Fixtures.RETR_DATA.replace("\r\n", ""));
        assertThat(SERVER.commands()).contains("TYPE A");
    }

    /** CR, LF and CRLF all end a line, as in ftplib's universal-newline text files; empty lines are kept. */
    @Test
    void retrLinesSplitsAtEveryKindOfLineEnding() throws Exception {
        Fixtures.put(SERVER, "mixed.txt", "foo\rbar\r\nbaz\nqux\r\n\r\nlast".getBytes(UTF_8));
        List<String> lines = new ArrayList<>();
        try (Ftp ftp = login(true)) {
            ftp.retrLines("RETR mixed.txt", lines::add);
        }
        assertThat(lines).containsExactly("foo", "bar", "baz", "qux", "", "last");
    }

    /** Mirrors test_ftplib.TestFTPClass.test_storbinary, callback included. */
    @ParameterizedTest(name = "passive={0}")
    @ValueSource(booleans = {true, false})
    void storBinaryStoresExactlyTheBytesAndReportsEachBlock(boolean passive) throws Exception {
        ByteArrayOutputStream reported = new ByteArrayOutputStream();
        List<Integer> sizes = new ArrayList<>();
        try (Ftp ftp = login(passive)) {
            assertThat(ftp.storBinary("STOR stor.bin", new ByteArrayInputStream(DATA)))
                    .isEqualTo("226 Transfer complete.");
            assertThat(Fixtures.read(SERVER, "stor.bin")).isEqualTo(DATA);
            assertThat(ftp.storBinary("STOR stor2.bin", new ByteArrayInputStream(DATA), 3000, block -> {
                sizes.add(block.length);
                reported.writeBytes(block);
            })).isEqualTo("226 Transfer complete.");
        }
        assertThat(Fixtures.read(SERVER, "stor2.bin")).isEqualTo(DATA);
        assertThat(reported.toByteArray()).isEqualTo(DATA);
        assertThat(sizes).containsExactly(3000, 3000, 3000, 3000, 3000, 3000, 2000);
        assertThat(SERVER.commands()).contains("TYPE I", "STOR stor.bin", "STOR stor2.bin");
    }

    @Test
    void storBinaryWithABlockSizeStoresExactlyTheBytes() throws Exception {
        try (Ftp ftp = login(true)) {
            assertThat(ftp.storBinary("STOR block.bin", new ByteArrayInputStream(DATA), 7))
                    .isEqualTo("226 Transfer complete.");
        }
        assertThat(Fixtures.read(SERVER, "block.bin")).isEqualTo(DATA);
    }

    /** The R part of test_ftplib.TestFTPClass.test_storbinary_rest: REST is sent and the server resumes there. */
    @ParameterizedTest(name = "passive={0}")
    @ValueSource(booleans = {true, false})
    void storBinaryWithRestCompletesAPartialUpload(boolean passive) throws Exception {
        Fixtures.put(SERVER, "partial.bin", Arrays.copyOf(DATA, 5_000));
        try (Ftp ftp = login(passive)) {
            assertThat(ftp.storBinary("STOR partial.bin", new ByteArrayInputStream(Fixtures.from(DATA, 5_000)),
                    8192, null, "5000")).isEqualTo("226 Transfer complete.");
        }
        assertThat(Fixtures.read(SERVER, "partial.bin")).isEqualTo(DATA);
        assertThat(SERVER.commands()).contains("REST 5000", "STOR partial.bin");
    }

    @Test
    void storBinaryWithAppeAppendsToTheFile() throws Exception {
        Fixtures.put(SERVER, "append.bin", Arrays.copyOf(DATA, 777));
        try (Ftp ftp = login(true)) {
            ftp.storBinary("APPE append.bin", new ByteArrayInputStream(Fixtures.from(DATA, 777)));
        }
        assertThat(Fixtures.read(SERVER, "append.bin")).isEqualTo(DATA);
    }

    /** Mirrors test_ftplib.TestFTPClass.test_storlines: LF, a lone trailing CR and no ending all become CRLF. */
    @ParameterizedTest(name = "passive={0}")
    @ValueSource(booleans = {true, false})
    void storLinesSendsEveryLineWithCrlf(boolean passive) throws Exception {
        List<String> reported = new ArrayList<>();
        try (Ftp ftp = Fixtures.login(VERBATIM)) {
            ftp.setPasv(passive);
            assertThat(ftp.storLines("STOR lines.txt", new ByteArrayInputStream(TEXT_IN.getBytes(UTF_8))))
                    .isEqualTo("226 Transfer complete.");
            assertThat(ftp.storLines("STOR lines2.txt", new ByteArrayInputStream(TEXT_IN.getBytes(UTF_8)),
                    line -> reported.add(new String(line, UTF_8)))).isEqualTo("226 Transfer complete.");
        }
        assertThat(Fixtures.read(VERBATIM, "lines.txt")).isEqualTo(TEXT_ON_WIRE.getBytes(UTF_8));
        assertThat(Fixtures.read(VERBATIM, "lines2.txt")).isEqualTo(TEXT_ON_WIRE.getBytes(UTF_8));
        assertThat(reported).containsExactly("line one\r\n", "zwei \u00fc\r\n", "\r\n", "mid\rdle\r\n", "last\r\n");
        assertThat(VERBATIM.commands()).contains("TYPE A", "STOR lines.txt");
    }

    /** storLines asks for TYPE A, so a server that converts line ends stores its own (LF on this machine). */
    @Test
    void storLinesLetsAConvertingServerStoreItsOwnLineEnds() throws Exception {
        try (Ftp ftp = login(true)) {
            ftp.storLines("STOR local.txt", new ByteArrayInputStream(TEXT_IN.getBytes(UTF_8)));
        }
        assertThat(new String(Fixtures.read(SERVER, "local.txt"), UTF_8))
                .isEqualTo("line one\nzwei \u00fc\n\nmid\ndle\nlast\n");
    }

    /**
     * Mirrors test_ftplib.TestFTPClass.test_storlines_too_long; beyond ftplib, the connection whose final reply
     * was never read refuses further commands and is closed without QUIT.
     */
    @Test
    void storLinesRefusesAnOverlongLineAndLeavesTheConnectionOutOfSync() throws Exception {
        byte[] longLine = "x".repeat(Ftp.MAXLINE * 2).getBytes(UTF_8);
        Ftp ftp = login(true);
        try (ftp) {
            assertThatThrownBy(() -> ftp.storLines("STOR long.txt", new ByteArrayInputStream(longLine)))
                    .isExactlyInstanceOf(FtpException.class)
                    .hasMessage("got more than 8192 bytes");
            assertThat(ftp.isOutOfSync()).isTrue();
            assertThatThrownBy(() -> ftp.sendCmd("NOOP"))
                    .isInstanceOf(FtpProtoException.class)
                    .hasMessageContaining("the control connection is out of sync; reconnect");
        }
        assertThat(ftp.isConnected()).isFalse();
        assertThat(SERVER.commands()).contains("STOR long.txt").doesNotContain("NOOP", "QUIT");
    }

    /** Records whether the engine closed a stream the caller owns. */
    private static final class ClosingTracker extends ByteArrayOutputStream {
        private boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}

package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.OptionalLong;

import io.camelftplib.ftplib.testing.ScriptedFtpServer;
import io.camelftplib.ftplib.testing.ScriptedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile transfers, which must fail visibly rather than deliver wrong data: wrong reply sequences, short data,
 * REST ignored, odd SIZE replies, huge announced sizes and an active-mode connection from another host.
 */
@Timeout(30)
class HostileTransferTest {

    private static final byte[] CONTENT = {0, (byte) 0xff, '\r', '\n', 'a', ' ', (byte) 0xc3, (byte) 0xa9};
    private static final Duration SHORT = Duration.ofMillis(300);

    @RegisterExtension
    final ScriptedFtpServerExtension scripted = new ScriptedFtpServerExtension();

    /** One 2xx before the 1xx is skipped, as ftplib does ("some servers send a 200 ... before the 150"). */
    @Test
    void twoHundredBefore150IsSkipped() throws IOException {
        serveRetr("200 hello first", "150 here it comes");
        assertThat(download(scripted.client())).isEqualTo(CONTENT);
        assertThat(scripted.client().sendCmd("NOOP")).isEqualTo("200 noop ok");
    }

    /** 200 then 226 to RETR is not a transfer: error_reply, and the conversation goes on. */
    @Test
    void twoHundredThen226IsReplyError() throws IOException {
        scripted.server().reply("RETR", "200 hello first", "226 nothing to send");
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> download(ftp))
                .isExactlyInstanceOf(FtpReplyException.class)
                .hasMessageStartingWith("226 nothing to send (reply to RETR f at 127.0.0.1:");
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
    }

    /** A lone 250 to RETR makes the client wait for a 1xx that never comes: bounded by the timeout. */
    @Test
    void lone250ToRetrIsBoundedByTheTimeout() throws IOException {
        scripted.server().reply("RETR", "250 done already");
        Ftp ftp = scripted.client(SHORT);
        assertThatThrownBy(() -> download(ftp)).isInstanceOf(SocketTimeoutException.class);
        assertThat(ftp.isOutOfSync()).isTrue();
    }

    /**
     * A server that stops reading an upload would block a Java socket write forever; with a timeout the
     * write watchdog closes the data connection and the upload fails with a message naming the stall.
     */
    @Test
    void uploadToAServerThatStopsReadingFailsAfterTheTimeout() throws IOException {
        scripted.server().on("STOR", (s, arg) -> s.reply("150 go ahead, I will not read"));
        Ftp ftp = scripted.client(SHORT);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
        assertThatThrownBy(() -> ftp.storBinary("STOR stalled", endless))
                .isExactlyInstanceOf(SocketTimeoutException.class)
                .hasMessage("the server read nothing of the upload for 300 ms; the data connection was closed"
                        + " (check the server's disk and quota)");
        assertThat(ftp.isOutOfSync()).isTrue();
    }

    /**
     * Through the public API: a caller copying its own upload (as the Camel component does, to keep its own
     * TYPE bookkeeping) gets the same bound from {@link DataConnection#outputStream()}, and the stalled socket is
     * closed.
     */
    @Test
    void outputStreamOfADataConnectionFailsAWriteTheServerDoesNotReadAfterTheTimeout() throws IOException {
        scripted.server().on("STOR", (s, arg) -> s.reply("150 go ahead, I will not read"));
        Ftp ftp = scripted.client(SHORT);
        try (DataConnection conn = ftp.ntransferCmd("STOR stalled")) {
            Fixtures.assertUploadTimesOutAfter300Ms(conn.outputStream());
            assertThat(conn.socket().isClosed()).isTrue();
        }
    }

    /** 1xx, the data, then the control connection closes: the data arrived, the final reply is EOF. */
    @Test
    void closeAfter1xxIsEndOfFileAfterTheData() {
        scripted.server().on("RETR", (s, arg) -> {
            s.reply("150 here it comes");
            s.sendDataBytes(CONTENT);
            s.closeControl();
        });
        Ftp ftp = scripted.client();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        assertThatThrownBy(() -> ftp.retrBinary("RETR f", received::writeBytes))
                .isExactlyInstanceOf(EOFException.class)
                .hasMessage("the server closed the control connection");
        assertThat(received.toByteArray()).isEqualTo(CONTENT);
        assertThat(ftp.isOutOfSync()).isTrue();
    }

    /** Active mode: a 150 with no data connection is bounded by the timeout on accept. */
    @Test
    void activeModeWithoutConnectionIsBoundedByTheTimeout() throws IOException {
        scripted.server().reply("PORT", "200 port ok, but I will never connect");
        scripted.server().reply("RETR", "150 here it comes");
        Ftp ftp = scripted.client(SHORT);
        ftp.setPasv(false);
        assertThatThrownBy(() -> download(ftp)).isInstanceOf(SocketTimeoutException.class);
        assertThat(ftp.isOutOfSync()).isTrue();
    }

    /**
     * Active mode: a refusal right after the 150, with no connection ever opened, fails at once with that reply
     * (not after the minute-long timeout on accept) and leaves the conversation in step.
     */
    @ParameterizedTest
    @CsvSource({"425 Can't open data connection, FtpTempException", "421 Service not available, FtpTempException",
        "550 Cannot connect back, FtpPermException"})
    void activeModeRefusalOnTheControlConnectionFailsAtOnce(String refusal, String kind) throws IOException {
        scripted.server().reply("PORT", "200 port ok, but I will never connect");
        scripted.server().reply("RETR", "150 here it comes", refusal);
        Ftp ftp = scripted.client(Duration.ofMinutes(1));
        ftp.setPasv(false);
        assertThatThrownBy(() -> download(ftp))
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(kind))
                .hasMessageStartingWith(refusal + " (reply to RETR f at 127.0.0.1:");
        assertThat(ftp.isOutOfSync()).isFalse();
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
    }

    /** In active mode only the control connection's peer may connect; 127.0.0.2 is refused. */
    @Test
    void activeModeConnectionFromAnotherHostIsRefused() {
        scripted.server().on("PORT", (s, arg) ->
                s.connectBack(ScriptedFtpServer.parsePort(arg), new InetSocketAddress("127.0.0.2", 0)));
        serveRetr("150 here it comes");
        Ftp ftp = scripted.client();
        ftp.setPasv(false);
        assertThatThrownBy(() -> download(ftp))
                .isExactlyInstanceOf(FtpProtoException.class)
                .hasMessage("data connection from 127.0.0.2 refused (only the server's address 127.0.0.1 may open"
                        + " the active-mode data connection)");
        assertThat(ftp.isOutOfSync()).isTrue();
    }

    /** Control: active mode from the peer works and listens on the control connection's address. */
    @Test
    void activeModeConnectionFromThePeerTransfers() throws IOException {
        serveRetr("150 here it comes");
        Ftp ftp = scripted.client();
        ftp.setPasv(false);
        assertThat(download(ftp)).isEqualTo(CONTENT);
        assertThat(scripted.server().commands().get(1)).startsWith("PORT 127,0,0,1,");
    }

    /**
     * A 150 announcing N bytes and another amount arriving fails with the typed exception, whose message says
     * what happened: fewer bytes ended early, more bytes are more than announced.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "100 | ended early: 8 bytes arrived, 100 expected from the 150 reply; the data is truncated, do not use it"
            + " and fetch the file again",
        "9   | ended early: 8 bytes arrived, 9 expected from the 150 reply; the data is truncated, do not use it and"
            + " fetch the file again",
        "7   | : the server sent more than announced: 8 bytes arrived, 7 expected from the 150 reply; do not use the"
            + " data, the file may have changed while it was sent"})
    void announcedSizeOtherThanReceivedIsProtoError(int announced, String what) throws IOException {
        serveRetr("150 Opening BINARY mode data connection for f (" + announced + " bytes)");
        Ftp ftp = scripted.client();
        String where = "RETR f at 127.0.0.1:" + scripted.server().port();
        assertThatThrownBy(() -> download(ftp))
                .isExactlyInstanceOf(FtpIncompleteTransferException.class)
                .isInstanceOf(FtpProtoException.class)
                .hasMessage("226 transfer complete (" + where + (what.startsWith(":") ? "" : " ") + what + ")");
        assertThatThrownBy(() -> ftp.retrBinary("RETR f", new ByteArrayOutputStream()))
                .isExactlyInstanceOf(FtpIncompleteTransferException.class)
                .hasMessageContaining("8 bytes arrived, " + announced + " expected from the 150 reply");
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
    }

    /** Control: the announced size received, or a size for a resumed transfer, is fine. */
    @Test
    void announcedSizeReceivedOrResumedIsAccepted() throws IOException {
        serveRetr("150 Opening BINARY mode data connection for f (8 bytes)");
        Ftp ftp = scripted.client();
        assertThat(download(ftp)).isEqualTo(CONTENT);
        scripted.server().reply("REST", "350 restarting");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ftp.retrBinary("RETR f", out, "3")).isEqualTo("226 transfer complete");
    }

    /** REST must be answered 350; a 200 means the server would send from byte 0. */
    @Test
    void restAnsweredWith200IsReplyError() throws IOException {
        scripted.server().reply("REST", "200 whatever");
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> ftp.retrBinary("RETR f", b -> { }, 8192, "10"))
                .isExactlyInstanceOf(FtpReplyException.class)
                .hasMessageStartingWith("200 whatever (reply to REST 10 at 127.0.0.1:")
                .hasMessageEndingWith("; the server does not support resuming)");
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
        assertThat(scripted.server().commands()).containsExactly("TYPE I", "PASV", "REST 10", "NOOP");
    }

    /** A 5xx to REST is error_perm, as in ftplib. */
    @Test
    void restAnsweredWith502IsPermError() {
        scripted.server().reply("REST", "502 not implemented");
        assertThatThrownBy(() -> scripted.client().storBinary("STOR f",
                new java.io.ByteArrayInputStream(CONTENT), 8192, null, "10"))
                .isExactlyInstanceOf(FtpPermException.class)
                .hasMessageStartingWith("502 not implemented (reply to REST 10 at ");
    }

    /** A 213 whose size is not plain ASCII decimal digits (at most 18) is error_proto. */
    @ParameterizedTest
    @ValueSource(strings = {"213 abc", "213 0x10", "213 +7", "213 -5", "213 1_000", "213 \u0661\u0662", "213 ",
        "213 1234567890123456789", "213 12 34", "2130 7"})
    void sizeThatIsNotADecimalNumberIsProtoError(String reply) throws IOException {
        scripted.server().reply("SIZE", reply);
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> ftp.size("f"))
                .isExactlyInstanceOf(FtpProtoException.class)
                .hasMessage(reply + " (reply to SIZE f at 127.0.0.1:" + scripted.server().port()
                        + "; the size is not a decimal number)");
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
    }

    /** A 213 with digits is the size (spaces stripped); any other 1-3xx reply is no size. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "213 1000               | 1000",
        "'213   42  '           | 42",
        "213 123456789012345678 | 123456789012345678",
        "250 1000               | -1",
        "350 213                | -1"})
    void sizeIsReadOnlyFrom213(String reply, long size) throws IOException {
        scripted.server().reply("SIZE", reply);
        assertThat(scripted.client().size("f")).isEqualTo(size < 0 ? OptionalLong.empty() : OptionalLong.of(size));
    }

    /** A 150 size beyond a long is unknown, so no truncation is claimed. */
    @Test
    void hugeAnnouncedSizeIsUnknown() throws IOException {
        serveRetr("150 ok (99999999999999999999999 bytes)");
        Ftp ftp = scripted.client();
        assertThat(download(ftp)).isEqualTo(CONTENT);
        DataConnection conn = ftp.ntransferCmd("RETR f");
        try (conn) {
            assertThat(conn.size()).isEmpty();
            conn.socket().getInputStream().readAllBytes();
        }
        assertThat(ftp.voidResp()).isEqualTo("226 transfer complete");
    }

    private void serveRetr(String... preliminary) {
        scripted.server().on("RETR", (s, arg) -> {
            for (String line : preliminary) {
                s.reply(line);
            }
            s.sendDataBytes(CONTENT);
            s.reply("226 transfer complete");
        });
    }

    private static byte[] download(Ftp ftp) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ftp.retrBinary("RETR f", out::writeBytes)).isEqualTo("226 transfer complete");
        return out.toByteArray();
    }
}

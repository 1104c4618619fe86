package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.OptionalLong;

import io.camelftplib.ftplib.testing.ScriptedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The size check at the end of a download, with sizes no real server gets wrong on purpose: a {@code 150} that
 * announces a size other than what arrives, a {@code SIZE} reply the data then falls short of, and the two ways
 * servers announce a size after {@code REST}.
 */
@Timeout(30)
class TransferSizeTest {

    private static final Duration SHORT = Duration.ofMillis(300);

    @RegisterExtension
    final ScriptedFtpServerExtension scripted = new ScriptedFtpServerExtension();

    /**
     * As in curl's FTP test suite: {@code SIZE} says 10,928 bytes, the {@code 150} gives none, 45 bytes arrive and
     * the server says 226. The download fails with the typed exception naming the SIZE reply, and the
     * conversation stays in step.
     */
    @Test
    void retrBinaryFailsWhenFewerBytesArriveThanTheSizeReplyGave() throws IOException {
        scripted.server().reply("SIZE", "213 10928");
        serveRetr("150 Opening BINARY mode data connection for file.txt", 45);
        Ftp ftp = scripted.client();
        assertThat(ftp.size("file.txt")).hasValue(10928);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> ftp.retrBinary("RETR file.txt", out))
                .isExactlyInstanceOf(FtpIncompleteTransferException.class)
                .hasMessage("226 transfer complete (RETR file.txt at 127.0.0.1:" + scripted.server().port()
                        + " ended early: 45 bytes arrived, 10928 expected from the SIZE reply; the data is truncated,"
                        + " do not use it and fetch the file again)")
                .satisfies(e -> {
                    FtpIncompleteTransferException incomplete = (FtpIncompleteTransferException) e;
                    assertThat(incomplete.path()).isEqualTo("file.txt");
                    assertThat(incomplete.command()).isEqualTo("RETR file.txt");
                    assertThat(incomplete.expected()).isEqualTo(10928);
                    assertThat(incomplete.received()).isEqualTo(45);
                    assertThat(incomplete.source()).isEqualTo("the SIZE reply");
                    assertThat(incomplete.replyCode()).isEqualTo("226");
                });
        assertThat(out.toByteArray()).isEqualTo(Fixtures.binary(45));
        assertThat(ftp.isOutOfSync()).isFalse();
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
    }

    /** The SIZE answer is for exactly one path and the next transfer only: it is not applied to anything else. */
    @Test
    void sizeReplyAppliesOnlyToTheNextRetrOfThatPath() throws IOException {
        scripted.server().reply("SIZE", "213 10928");
        serveRetr("150 here it comes", 45);
        Ftp ftp = scripted.client();
        ftp.size("other.txt");
        assertThat(ftp.retrBinary("RETR file.txt", new ByteArrayOutputStream())).isEqualTo("226 transfer complete");
        ftp.size("file.txt");
        ftp.nlst();
        assertThat(ftp.retrBinary("RETR file.txt", new ByteArrayOutputStream())).isEqualTo("226 transfer complete");
    }

    /** A caller's expectation wins over a remembered SIZE answer. */
    @Test
    void callersExpectationWinsOverTheSizeReply() throws IOException {
        scripted.server().reply("SIZE", "213 10928");
        serveRetr("150 here it comes", 45);
        Ftp ftp = scripted.client();
        ftp.size("file.txt");
        try (RetrieveStream in = ftp.retrStream("RETR file.txt", 0, ExpectedSize.of(45, "the MLSD listing"))) {
            assertThat(in.readAllBytes()).isEqualTo(Fixtures.binary(45));
            assertThat(in.isCompleted()).isTrue();
        }
    }

    /** A 150 announcing 7 bytes while 49 arrive: the message says the server sent more, not that data was cut. */
    @Test
    void moreBytesThanThe150AnnouncedSaysSo() {
        serveRetr("150 Opening BINARY mode data connection for f (7 bytes)", 49);
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> ftp.retrBinary("RETR f", new ByteArrayOutputStream()))
                .isExactlyInstanceOf(FtpIncompleteTransferException.class)
                .hasMessage("226 transfer complete (RETR f at 127.0.0.1:" + scripted.server().port()
                        + ": the server sent more than announced: 49 bytes arrived, 7 expected from the 150 reply;"
                        + " do not use the data, the file may have changed while it was sent)");
    }

    /**
     * After {@code REST 20} of a 50-byte file, vsftpd's 150 still announces 50 bytes, other servers 30: both are
     * accepted when 30 arrive, and anything else fails, naming the offset.
     */
    @ParameterizedTest(name = "150 announces {0}, {1} arrive")
    @CsvSource(delimiter = '|', value = {
        "50 | 30 | ",
        "30 | 30 | ",
        "50 | 25 | ended early: 25 bytes arrived from offset 20, 30 expected from the 150 reply; the data is truncated,"
            + " do not use it and fetch the file again",
        "30 | 25 | ended early: 25 bytes arrived from offset 20, 30 expected from the 150 reply; the data is truncated,"
            + " do not use it and fetch the file again",
        "50 | 60 | : the server sent more than announced: 60 bytes arrived from offset 20, 50 expected from the 150"
            + " reply; do not use the data, the file may have changed while it was sent"})
    void restAccountsForA150ThatAnnouncesTheWholeFileOrTheRest(long announced, int sent, String failure)
            throws IOException {
        serveRetr("150 Opening BINARY mode data connection for f (" + announced + " bytes)", sent);
        Ftp ftp = scripted.client();
        RetrieveStream in = ftp.retrStream("RETR f", 20, ExpectedSize.unknown());
        if (failure == null) {
            assertThat(in.readAllBytes()).isEqualTo(Fixtures.binary(sent));
            assertThat(in.finalReply()).isEqualTo("226 transfer complete");
        } else {
            assertThatThrownBy(in::readAllBytes)
                    .isExactlyInstanceOf(FtpIncompleteTransferException.class)
                    .hasMessage("226 transfer complete (RETR f at 127.0.0.1:" + scripted.server().port()
                            + (failure.startsWith(":") ? "" : " ") + failure + ")");
            assertThat(in.isCompleted()).isFalse();
        }
        assertThat(scripted.server().commands()).containsSubsequence("TYPE I", "REST 20", "RETR f");
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
    }

    /** The caller's size is the whole file's: after REST 20 of 50 bytes, 30 must arrive; 50 means REST was ignored. */
    @ParameterizedTest(name = "{0} arrive")
    @CsvSource(delimiter = '|', value = {
        "30 | ",
        "50 | : the server sent more than announced: 50 bytes arrived from offset 20, 30 expected from the MLSD"
            + " listing; do not use the data, the file may have changed while it was sent"})
    void restAccountsForTheCallersSizeOfTheWholeFile(int sent, String failure) throws IOException {
        serveRetr("150 here it comes", sent);
        Ftp ftp = scripted.client();
        RetrieveStream in = ftp.retrStream("RETR f", 20, ExpectedSize.of(50, "the MLSD listing"));
        if (failure == null) {
            assertThat(in.readAllBytes()).hasSize(30);
            assertThat(in.isCompleted()).isTrue();
        } else {
            assertThatThrownBy(in::readAllBytes)
                    .isExactlyInstanceOf(FtpIncompleteTransferException.class)
                    .hasMessage("226 transfer complete (RETR f at 127.0.0.1:" + scripted.server().port()
                            + (failure.startsWith(":") ? "" : " ") + failure + ")");
        }
    }

    /**
     * A data connection that stalls fails the read after the timeout, without waiting for a final reply the
     * stalled server will not send: the connection is out of step.
     */
    @Test
    void stalledDataFailsTheReadAndLeavesTheConnectionOutOfStep() throws IOException {
        scripted.server().on("RETR", (s, arg) -> {
            s.reply("150 here it comes, slowly");
            OutputStream data = s.dataSocket().getOutputStream();
            data.write(Fixtures.binary(10));
            data.flush();
            // stall: wait for the client to go away, holding the data connection open
            s.controlSocket().getInputStream().read();
        });
        Ftp ftp = scripted.client(SHORT);
        RetrieveStream in = ftp.retrStream("RETR f", 0, ExpectedSize.unknown());
        assertThat(in.readNBytes(10)).isEqualTo(Fixtures.binary(10));
        assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
        assertThat(ftp.isOutOfSync()).isTrue();
        assertThat(in.isCompleted()).isFalse();
        assertThat(in.finalReply()).isNull();
        assertThat(in.bytesReceived()).isEqualTo(10);
        assertThatThrownBy(in::read).isExactlyInstanceOf(IOException.class)
                .hasMessageStartingWith("the transfer RETR f failed already: ");
        assertThatThrownBy(() -> ftp.sendCmd("NOOP")).isExactlyInstanceOf(FtpProtoException.class)
                .hasMessageStartingWith("the transfer RETR f failed before its final reply: ");
        in.close();
    }

    /** An error as the final reply fails the last read with its kind; the conversation stays in step. */
    @Test
    void errorFinalReplyFailsTheLastRead() throws IOException {
        scripted.server().on("RETR", (s, arg) -> {
            s.reply("150 here it comes");
            s.sendDataBytes(Fixtures.binary(10));
            s.reply("451 local error in processing");
        });
        Ftp ftp = scripted.client();
        try (RetrieveStream in = ftp.retrStream("RETR f", 0, ExpectedSize.unknown())) {
            assertThatThrownBy(in::readAllBytes).isExactlyInstanceOf(FtpTempException.class)
                    .hasMessageStartingWith("451 local error in processing (reply to RETR f at 127.0.0.1:");
            assertThat(in.isCompleted()).isFalse();
        }
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
    }

    /** A server without SIZE leaves the stored size unchecked: empty, and the conversation goes on. */
    @Test
    void checkStoredSizeWithoutSizeSupportChecksNothing() throws IOException {
        scripted.server().reply("SIZE", "502 command not implemented");
        Ftp ftp = scripted.client();
        assertThat(ftp.checkStoredSize("f", 10)).isEqualTo(OptionalLong.empty());
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
    }

    /** A missing file is a failure, not "unchecked". */
    @Test
    void checkStoredSizeOfAMissingFileFails() {
        scripted.server().reply("SIZE", "550 no such file");
        assertThatThrownBy(() -> scripted.client().checkStoredSize("f", 10))
                .isExactlyInstanceOf(FtpPermException.class)
                .hasMessageStartingWith("550 no such file (reply to SIZE f at 127.0.0.1:");
    }

    /** Sizes cannot be compared in ASCII mode, and offsets cannot be negative: refused before anything is sent. */
    @Test
    void misuseIsRefusedBeforeAnythingIsSent() {
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> ftp.retrStream("RETR f", 0, ExpectedSize.of(5, "the LIST line"), TransferType.ASCII))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("an ASCII transfer converts line ends, so its size cannot be checked against 5 bytes"
                        + " from the LIST line; pass ExpectedSize.unknown() or use TransferType.BINARY");
        assertThatThrownBy(() -> ftp.storStream("STOR f", -1))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("the restart offset cannot be negative, was -1");
        assertThatThrownBy(() -> ExpectedSize.of(5, " "))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("name where the expected size of 5 bytes came from");
        assertThat(scripted.server().commands()).isEmpty();
    }

    private void serveRetr(String preliminary, int bytes) {
        scripted.server().on("RETR", (s, arg) -> {
            s.reply(preliminary);
            s.sendDataBytes(Fixtures.binary(bytes));
            s.reply("226 transfer complete");
        });
    }
}

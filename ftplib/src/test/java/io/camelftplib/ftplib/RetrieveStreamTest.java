package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Ftp#retrStream} against a real server (Apache FtpServer, whose 150 reply names no size): the stream ends
 * the transfer, checks the caller's size and a remembered SIZE answer, aborts, and keeps other commands out while
 * it is open.
 */
@Timeout(30)
class RetrieveStreamTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    private static final byte[] DATA = Fixtures.binary(300_000);
    private static final byte[] LARGE = Fixtures.binary(16 * 1024 * 1024);

    /** Reading to the end completes the transfer: every byte, the 226, and the connection free for the next command. */
    @ParameterizedTest(name = "passive={0}")
    @ValueSource(booleans = {true, false})
    void readingToTheEndCompletesTheTransfer(boolean passive) throws IOException {
        Fixtures.put(SERVER, "whole.bin", DATA);
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.setPasv(passive);
            try (RetrieveStream in = ftp.retrStream("RETR whole.bin", 0,
                    ExpectedSize.of(DATA.length, "the MLSD listing"))) {
                assertThat(in.finalReply()).isNull();
                assertThat(in.readAllBytes()).isEqualTo(DATA);
                assertThat(in.isCompleted()).isTrue();
                assertThat(in.finalReply()).isEqualTo("226 Transfer complete.");
                assertThat(in.bytesReceived()).isEqualTo(DATA.length);
                assertThat(in.read()).isEqualTo(-1);
            }
            assertThat(ftp.sendCmd("NOOP")).startsWith("200");
        }
        assertThat(SERVER.commands()).containsSubsequence("TYPE I", "RETR whole.bin");
    }

    /** A file shorter than the listing said (a truncated or replaced file) fails with both counts and the source. */
    @Test
    void fewerBytesThanTheCallersSizeFailsAsTruncated() throws IOException {
        Fixtures.put(SERVER, "short.bin", DATA);
        try (Ftp ftp = Fixtures.login(SERVER);
             RetrieveStream in = ftp.retrStream("RETR short.bin", 0,
                     ExpectedSize.of(DATA.length + 100, "the MLSD listing"))) {
            assertThatThrownBy(in::readAllBytes)
                    .isExactlyInstanceOf(FtpIncompleteTransferException.class)
                    .hasMessage("226 Transfer complete. (RETR short.bin at 127.0.0.1:" + SERVER.port()
                            + " ended early: " + DATA.length + " bytes arrived, " + (DATA.length + 100)
                            + " expected from the MLSD listing; the data is truncated, do not use it and fetch the file"
                            + " again)");
            assertThat(in.isCompleted()).isFalse();
            assertThat(in.finalReply()).isNull();
            assertThat(ftp.isOutOfSync()).isFalse();
            assertThat(ftp.sendCmd("NOOP")).startsWith("200");
        }
    }

    /** A file longer than the listing said fails too, and says the server sent more. */
    @Test
    void moreBytesThanTheCallersSizeFailsAsMoreThanAnnounced() throws IOException {
        Fixtures.put(SERVER, "long.bin", DATA);
        try (Ftp ftp = Fixtures.login(SERVER);
             RetrieveStream in = ftp.retrStream("RETR long.bin", 0, ExpectedSize.of(1000, "the LIST line"))) {
            assertThatThrownBy(in::readAllBytes)
                    .isExactlyInstanceOf(FtpIncompleteTransferException.class)
                    .hasMessageContaining(": the server sent more than announced: " + DATA.length
                            + " bytes arrived, 1000 expected from the LIST line;");
        }
    }

    /** A SIZE answer, then the file shrinks on the server before RETR: retrBinary fails naming the SIZE reply. */
    @Test
    void fileShorterThanTheSizeReplyFailsRetrBinary() throws IOException {
        Fixtures.put(SERVER, "shrinks.bin", DATA);
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThat(ftp.size("shrinks.bin")).hasValue(DATA.length);
            Fixtures.put(SERVER, "shrinks.bin", Fixtures.binary(1000));
            assertThatThrownBy(() -> ftp.retrBinary("RETR shrinks.bin", new ByteArrayOutputStream()))
                    .isExactlyInstanceOf(FtpIncompleteTransferException.class)
                    .hasMessageContaining(" ended early: 1000 bytes arrived, " + DATA.length
                            + " expected from the SIZE reply;");
            assertThat(ftp.sendCmd("NOOP")).startsWith("200");
        }
    }

    /** With REST the caller still gives the whole file's size: the rest arrives and the check passes. */
    @Test
    void restWithTheWholeSizeDeliversTheRest() throws IOException {
        Fixtures.put(SERVER, "resume.bin", DATA);
        try (Ftp ftp = Fixtures.login(SERVER);
             RetrieveStream in = ftp.retrStream("RETR resume.bin", 1234,
                     ExpectedSize.of(DATA.length, "the MLSD listing"))) {
            assertThat(in.readAllBytes()).isEqualTo(Fixtures.from(DATA, 1234));
            assertThat(in.isCompleted()).isTrue();
        }
        assertThat(SERVER.commands()).containsSubsequence("TYPE I", "REST 1234", "RETR resume.bin");
    }

    /** Aborting mid-download reads the server's reply; the next command works and the stream counts as failed. */
    @Test
    void abortMidDownloadKeepsTheConversationInStep() throws IOException {
        Fixtures.put(SERVER, "large.bin", LARGE);
        try (Ftp ftp = Fixtures.login(SERVER)) {
            RetrieveStream in = ftp.retrStream("RETR large.bin", 0, ExpectedSize.of(LARGE.length, "the MLSD listing"));
            assertThat(in.readNBytes(65536)).isEqualTo(java.util.Arrays.copyOf(LARGE, 65536));
            String reply = in.abort();
            assertThat(reply).matches("(426|226) .*");
            assertThat(in.isCompleted()).isFalse();
            assertThat(in.finalReply()).isNull();
            assertThat(in.abort()).isNull();
            assertThatThrownBy(in::read).isExactlyInstanceOf(IOException.class)
                    .hasMessage("the transfer RETR large.bin was aborted");
            assertThat(ftp.isOutOfSync()).isFalse();
            assertThat(ftp.sendCmd("NOOP")).startsWith("200");
        }
    }

    /** Closing before the end aborts: a stream closed early never counts as a complete download. */
    @Test
    void closeBeforeTheEndAborts() throws IOException {
        Fixtures.put(SERVER, "closed.bin", LARGE);
        try (Ftp ftp = Fixtures.login(SERVER)) {
            RetrieveStream in = ftp.retrStream("RETR closed.bin", 0, ExpectedSize.unknown());
            in.readNBytes(1000);
            in.close();
            in.close();
            assertThat(in.isCompleted()).isFalse();
            assertThat(in.finalReply()).isNull();
            assertThat(ftp.retrBinary("RETR closed.bin", new ByteArrayOutputStream())).startsWith("226");
        }
    }

    /** While a stream is open no other command may be sent: it would read the transfer's final reply. */
    @Test
    void openStreamRefusesOtherCommands() throws IOException {
        Fixtures.put(SERVER, "busy.bin", DATA);
        try (Ftp ftp = Fixtures.login(SERVER);
             RetrieveStream in = ftp.retrStream("RETR busy.bin", 0, ExpectedSize.unknown())) {
            assertThatThrownBy(() -> ftp.sendCmd("NOOP"))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("the transfer RETR busy.bin is still open on 127.0.0.1:" + SERVER.port()
                            + "; read its stream to the end, close or abort it before the next command");
            assertThat(in.readAllBytes()).isEqualTo(DATA);
            assertThat(ftp.sendCmd("NOOP")).startsWith("200");
        }
    }
}

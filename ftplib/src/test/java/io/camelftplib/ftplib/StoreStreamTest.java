package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.ScriptedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link Ftp#storStream} and {@link Ftp#checkStoredSize}: closing finishes the upload and reads its reply, a
 * stored size that disagrees fails with the typed exception, aborts keep the conversation in step, and a failed
 * write leaves it out of step.
 */
@Timeout(30)
class StoreStreamTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    @RegisterExtension
    final ScriptedFtpServerExtension scripted = new ScriptedFtpServerExtension();

    private static final byte[] DATA = Fixtures.binary(300_000);

    /** Close flushes, ends the data and reads the 226; the server holds every byte, and SIZE agrees. */
    @Test
    void closeFinishesTheUploadWithTheFinalReply() throws IOException {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            StoreStream out = ftp.storStream("STOR up.bin", 0);
            for (int i = 0; i < DATA.length; i += 7000) {
                out.write(DATA, i, Math.min(7000, DATA.length - i));
            }
            assertThat(out.finalReply()).isNull();
            out.close();
            assertThat(out.isCompleted()).isTrue();
            assertThat(out.finalReply()).isEqualTo("226 Transfer complete.");
            assertThat(out.bytesSent()).isEqualTo(DATA.length);
            out.close();
            assertThat(ftp.checkStoredSize("up.bin", out.bytesSent())).hasValue(DATA.length);
        }
        assertThat(Fixtures.read(SERVER, "up.bin")).isEqualTo(DATA);
        assertThat(SERVER.commands()).containsSubsequence("TYPE I", "STOR up.bin", "SIZE up.bin");
    }

    /** REST then STOR continues a partial upload from the offset. */
    @Test
    void restContinuesAPartialUpload() throws IOException {
        Fixtures.put(SERVER, "resumed.bin", java.util.Arrays.copyOf(DATA, 1000));
        try (Ftp ftp = Fixtures.login(SERVER)) {
            try (StoreStream out = ftp.storStream("STOR resumed.bin", 1000)) {
                out.write(Fixtures.from(DATA, 1000));
            }
            assertThat(ftp.checkStoredSize("resumed.bin", DATA.length)).hasValue(DATA.length);
        }
        assertThat(Fixtures.read(SERVER, "resumed.bin")).isEqualTo(DATA);
    }

    /** A stored file shorter or longer than what was sent fails with both counts and the SIZE reply as source. */
    @Test
    void storedSizeOtherThanSentFailsWithTheTypedException() throws IOException {
        Fixtures.put(SERVER, "sized.bin", DATA);
        try (Ftp ftp = Fixtures.login(SERVER)) {
            String where = "127.0.0.1:" + SERVER.port();
            assertThatThrownBy(() -> ftp.checkStoredSize("sized.bin", DATA.length + 5))
                    .isExactlyInstanceOf(FtpIncompleteTransferException.class)
                    .hasMessage("213 " + DATA.length + " (the upload of sized.bin at " + where + " ended early: the"
                            + " server holds " + DATA.length + " bytes according to the SIZE reply after the upload,"
                            + " but " + (DATA.length + 5) + " were sent, so the stored file is truncated; upload it"
                            + " again)")
                    .satisfies(e -> assertThat(((FtpIncompleteTransferException) e).source())
                            .isEqualTo("the SIZE reply after the upload"));
            assertThatThrownBy(() -> ftp.checkStoredSize("sized.bin", 10))
                    .isExactlyInstanceOf(FtpIncompleteTransferException.class)
                    .hasMessage("213 " + DATA.length + " (the upload of sized.bin at " + where + ": the server holds"
                            + " more than was sent: " + DATA.length + " bytes according to the SIZE reply after the"
                            + " upload, but 10 were sent; another writer may have changed the file, upload it again)");
            assertThat(ftp.sendCmd("NOOP")).startsWith("200");
        }
    }

    /** Aborting mid-upload reads the server's reply, and the conversation goes on. */
    @Test
    void abortMidUploadKeepsTheConversationInStep() throws IOException {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            StoreStream out = ftp.storStream("STOR aborted.bin", 0);
            out.write(DATA);
            assertThat(out.abort()).matches("(426|226|451) .*");
            assertThat(out.isCompleted()).isFalse();
            assertThatThrownBy(() -> out.write(1)).isExactlyInstanceOf(IOException.class)
                    .hasMessage("the transfer STOR aborted.bin was aborted");
            out.close();
            assertThat(ftp.isOutOfSync()).isFalse();
            assertThat(ftp.sendCmd("NOOP")).startsWith("200");
        }
    }

    /** An error as the final reply fails close with its kind; the conversation stays in step. */
    @Test
    void errorFinalReplyFailsClose() throws IOException {
        scripted.server().on("STOR", (s, arg) -> {
            s.reply("150 go ahead");
            s.receiveData();
            s.reply("452 insufficient storage space");
        });
        Ftp ftp = scripted.client();
        StoreStream out = ftp.storStream("STOR full.bin", 0);
        out.write(DATA);
        assertThatThrownBy(out::close).isExactlyInstanceOf(FtpTempException.class)
                .hasMessageStartingWith("452 insufficient storage space (reply to STOR full.bin at 127.0.0.1:");
        assertThat(out.isCompleted()).isFalse();
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
    }

    /** A write the server does not read fails after the timeout and leaves the connection out of step. */
    @Test
    void stalledWriteFailsAndLeavesTheConnectionOutOfStep() throws IOException {
        scripted.server().on("STOR", (s, arg) -> s.reply("150 go ahead, I will not read"));
        Ftp ftp = scripted.client(Duration.ofMillis(300));
        StoreStream out = ftp.storStream("STOR stalled.bin", 0);
        Fixtures.assertUploadTimesOutAfter300Ms(out);
        assertThat(ftp.isOutOfSync()).isTrue();
        out.close();
        assertThat(out.isCompleted()).isFalse();
        assertThat(out.finalReply()).isNull();
    }

    /** The classic storBinary goes through the same end of transfer: a refused final reply fails it. */
    @Test
    void storBinaryReadsTheFinalReplyThroughTheSameEnd() throws IOException {
        scripted.server().on("STOR", (s, arg) -> {
            s.reply("150 go ahead");
            s.receiveData();
            s.reply("552 exceeded storage allocation");
        });
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> ftp.storBinary("STOR f", new java.io.ByteArrayInputStream(DATA)))
                .isExactlyInstanceOf(FtpPermException.class)
                .hasMessageStartingWith("552 exceeded storage allocation (reply to STOR f at ");
        OutputStream unused = OutputStream.nullOutputStream();
        assertThat(ftp.retrBinary("RETR f", unused)).isEqualTo("226 transfer complete");
    }
}

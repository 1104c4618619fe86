package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import io.camelftplib.ftplib.testing.ScriptedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stale replies: after a transfer fails before its final reply, or an ABOR is answered 426 and then 226, no
 * later command may take the leftover reply for its own, or every later reply would answer the wrong command.
 * Also an ABOR whose urgent byte the server drops, leaving part of the ABOR line in its buffer.
 */
@Timeout(30)
class HostileDesyncTest {

    private static final Duration SHORT = Duration.ofMillis(300);

    @RegisterExtension
    final ScriptedFtpServerExtension scripted = new ScriptedFtpServerExtension();

    /**
     * A callback failure mid-transfer leaves the 226 unread (ftplib would hand it to the next command): the
     * engine fails every later command fast, never sends it, and close() skips QUIT.
     */
    @Test
    void failedTransferPoisonsTheConnection() throws IOException {
        Ftp ftp = scripted.client();
        IOException diskFull = new IOException("disk full");
        assertThatThrownBy(() -> ftp.retrBinary("RETR f", block -> {
            throw diskFull;
        })).isSameAs(diskFull);
        assertThat(ftp.isOutOfSync()).isTrue();
        assertThatThrownBy(() -> ftp.sendCmd("NOOP"))
                .isExactlyInstanceOf(FtpProtoException.class)
                .hasMessage("the transfer RETR f failed before its final reply: java.io.IOException: disk full"
                        + " (the control connection is out of sync; reconnect)");
        ftp.close();
        assertThat(ftp.isConnected()).isFalse();
        assertThat(scripted.server().commands()).containsExactly("TYPE I", "PASV", "RETR f");
    }

    /** A reconnect clears the out-of-sync state. */
    @Test
    void reconnectingResynchronises() throws IOException {
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> ftp.retrLines("RETR f", line -> {
            throw new IOException("stop");
        })).hasMessage("stop");
        scripted.connect(ftp);
        assertThat(ftp.isOutOfSync()).isFalse();
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
    }

    /** ABOR answered 426 then 226: the engine reads both, so NOOP gets its own reply (ftplib's gets 226). */
    @Test
    void abortReadsThe226After426() throws IOException {
        scripted.server().reply("ABOR", "426 transfer aborted", "226 abort successful");
        Ftp ftp = scripted.client();
        assertThat(ftp.abort()).isEqualTo("426 transfer aborted");
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
    }

    /**
     * ABOR answered 426 alone: the wait for the second reply is bounded by the timeout, and the connection
     * is then left out of sync, since the server may still hold part of the ABOR line.
     */
    @Test
    void abortWithLone426WaitsBoundedlyThenRefusesCommands() throws IOException {
        scripted.server().reply("ABOR", "426 transfer aborted");
        Ftp ftp = scripted.client(SHORT);
        assertThat(ftp.abort()).isEqualTo("426 transfer aborted");
        assertThat(ftp.isOutOfSync()).isTrue();
        assertThatThrownBy(() -> ftp.sendCmd("NOOP"))
                .isExactlyInstanceOf(FtpProtoException.class)
                .hasMessageEndingWith(" (the control connection is out of sync; reconnect)");
        assertThat(scripted.server().commands()).containsExactly("ABOR");
    }

    /** ftplib's abort rule: 225 and 226 are the answer; anything else is error_proto. */
    @ParameterizedTest
    @ValueSource(strings = {"225 no transfer to abort", "500 what?", "450 busy", "200 ok"})
    void abortAcceptsOnly426Or225Or226(String reply) throws IOException {
        scripted.server().reply("ABOR", reply);
        Ftp ftp = scripted.client();
        if (reply.startsWith("225")) {
            assertThat(ftp.abort()).isEqualTo(reply);
        } else {
            assertThatThrownBy(ftp::abort)
                    .isExactlyInstanceOf(FtpProtoException.class)
                    .hasMessageStartingWith(reply + " (reply to ABOR at 127.0.0.1:");
        }
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
    }

    /** A server without SO_OOBINLINE loses the urgent LF and never answers: the wait ends at the timeout. */
    @Test
    void abortToServerDroppingUrgentDataIsBoundedByTheTimeout() throws IOException {
        scripted.server().withoutOobInline();
        Ftp ftp = scripted.client(SHORT);
        assertThatThrownBy(ftp::abort).isInstanceOf(SocketTimeoutException.class);
        assertThat(ftp.isOutOfSync()).isTrue();
        assertThat(scripted.server().commands()).isEmpty();
    }
}

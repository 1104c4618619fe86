package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.time.Duration;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connecting, QUIT, close(), disconnect() and the connection settings, against a real server. */
@Timeout(30)
class FtpLifecycleTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    /** Mirrors test_ftplib.TestFTPClass.test_quit: the reply is returned and the socket is gone. */
    @Test
    void quitReturnsTheReplyAndDisconnects() throws Exception {
        Ftp ftp = Fixtures.login(SERVER);
        assertThat(ftp.quit()).isEqualTo("221 Goodbye.");
        assertThat(ftp.isConnected()).isFalse();
        assertThat(ftp.getSocket()).isNull();
        assertThat(SERVER.commands()).endsWith("QUIT");
    }

    /** Mirrors the R part of test_ftplib.TestFTPClass.test_with_statement. */
    @Test
    void tryWithResourcesSendsQuitOnceAndCloses() throws Exception {
        Ftp outside;
        try (Ftp ftp = Fixtures.login(SERVER)) {
            outside = ftp;
            assertThat(ftp.isConnected()).isTrue();
        }
        assertThat(outside.isConnected()).isFalse();
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.quit();
        }
        outside.close();
        assertThat(SERVER.commands()).containsExactly("USER alice", "PASS s3cret", "QUIT",
                "USER alice", "PASS s3cret", "QUIT");
    }

    @Test
    void disconnectClosesWithoutAWordAndIsIdempotent() throws Exception {
        Ftp ftp = Fixtures.login(SERVER);
        ftp.disconnect();
        ftp.disconnect();
        assertThat(ftp.isConnected()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> SERVER.activeSessionCount() == 0);
        ftp.close();
        assertThat(SERVER.commands()).containsExactly("USER alice", "PASS s3cret");
        assertThatThrownBy(() -> ftp.sendCmd("NOOP"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("not connected: call connect() first");
    }

    @Test
    void closeOfAClientThatNeverConnectedDoesNothing() throws Exception {
        Ftp ftp = new Ftp();
        ftp.close();
        ftp.disconnect();
        assertThat(ftp.isConnected()).isFalse();
        assertThat(ftp.getWelcome()).isNull();
    }

    /** ftplib's {@code __exit__} drops an OSError/EOFError of QUIT on a dead connection; so does close(). */
    @Test
    void closeAfterTheServerDroppedTheConnectionDropsTheQuitFailure() throws Exception {
        Ftp ftp = Fixtures.login(SERVER);
        SERVER.disconnectAllSessions();
        await().atMost(Duration.ofSeconds(5)).until(() -> SERVER.activeSessionCount() == 0);
        ftp.close();
        assertThat(ftp.isConnected()).isFalse();
    }

    /** Mirrors test_ftplib.TestFTPClass.test_source_address, including the reconnect after quit(). */
    @Test
    void reconnectingAfterQuitBindsTheControlConnectionToTheSourceAddress() throws Exception {
        int port = FtpDataConnectionTest.freePort();
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.quit();
            InetSocketAddress source = new InetSocketAddress(SERVER.host(), port);
            assertThat(ftp.connect(SERVER.host(), SERVER.port(), Fixtures.TIMEOUT, source)).startsWith("220 ");
            assertThat(ftp.getSocket().getLocalPort()).isEqualTo(port);
            assertThat(ftp.getSourceAddress()).isEqualTo(source);
            ftp.quit();
        }
    }

    @Test
    void connectWithAHostOnlyReusesTheLastPortAndTimeout() throws Exception {
        try (Ftp ftp = Fixtures.connect(SERVER)) {
            ftp.quit();
            assertThat(ftp.connect(SERVER.host())).isEqualTo("220 Service ready for new user.");
            assertThat(ftp.getPort()).isEqualTo(SERVER.port());
            assertThat(ftp.getSocket().getSoTimeout()).isEqualTo((int) Fixtures.TIMEOUT.toMillis());
            ftp.disconnect();
            assertThat(ftp.connect("", SERVER.port())).startsWith("220 ");
            assertThat(ftp.getHost()).isEqualTo(SERVER.host());
        }
    }

    @Test
    void connectAppliesTheTimeoutToTheControlSocket() throws Exception {
        try (Ftp ftp = new Ftp()) {
            ftp.connect(SERVER.host(), SERVER.port(), Duration.ofMillis(4321), null);
            assertThat(ftp.getTimeout()).isEqualTo(Duration.ofMillis(4321));
            assertThat(ftp.getSocket().getSoTimeout()).isEqualTo(4321);
            assertThat(ftp.getAddressFamily()).isEqualTo(StandardProtocolFamily.INET);
        }
    }

    /** Mirrors the timeout=0 check of test_ftplib.TestTimeouts.testTimeoutValue. */
    @Test
    void aZeroTimeoutIsRefusedBeforeConnecting() throws Exception {
        Ftp ftp = new Ftp();
        assertThatThrownBy(() -> ftp.connect(SERVER.host(), SERVER.port(), Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Non-blocking socket (timeout=0) is not supported");
        assertThatThrownBy(() -> ftp.setTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ftp.isConnected()).isFalse();
        assertThatThrownBy(ftp::getAddressFamily).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void setTimeoutAndSourceAddressApplyToTheNextConnect() throws Exception {
        try (Ftp ftp = new Ftp()) {
            ftp.setTimeout(Duration.ofSeconds(7));
            ftp.setSourceAddress(new InetSocketAddress(SERVER.host(), 0));
            ftp.connect(SERVER.host(), SERVER.port());
            assertThat(ftp.getSocket().getSoTimeout()).isEqualTo(7000);
            assertThat(ftp.getSocket().getLocalAddress().getHostAddress()).isEqualTo(SERVER.host());
        }
    }

    /** A reply longer than maxline fails as ftplib's getline does, and the rest of it cannot be trusted. */
    @Test
    void aReplyLongerThanMaxlineFailsAndLeavesTheConnectionOutOfSync() throws Exception {
        Ftp ftp = Fixtures.login(SERVER);
        try (ftp) {
            assertThat(ftp.getMaxline()).isEqualTo(Ftp.MAXLINE);
            ftp.setMaxline(10);
            assertThatThrownBy(() -> ftp.sendCmd("NOOP"))
                    .isExactlyInstanceOf(FtpException.class)
                    .hasMessage("got more than 10 bytes");
            assertThat(ftp.isOutOfSync()).isTrue();
        }
        assertThat(SERVER.commands()).containsExactly("USER alice", "PASS s3cret", "NOOP");
        assertThatThrownBy(() -> ftp.setMaxline(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void strictReplyCodesAndATrustedPasvAddressStillWorkWithAWellBehavedServer() throws Exception {
        byte[] data = Fixtures.binary(3000);
        Fixtures.put(SERVER, "strict.bin", data);
        try (Ftp ftp = Fixtures.connect(SERVER)) {
            assertThat(ftp.isStrictReplyCodes()).isFalse();
            assertThat(ftp.isTrustServerPasvIpv4Address()).isFalse();
            assertThat(ftp.isPassive()).isTrue();
            ftp.setStrictReplyCodes(true);
            ftp.setTrustServerPasvIpv4Address(true);
            ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD);
            assertThat(ftp.makePasv().host()).isEqualTo(SERVER.host());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ftp.retrBinary("RETR strict.bin", out)).isEqualTo("226 Transfer complete.");
            assertThat(out.toByteArray()).isEqualTo(data);
        }
    }
}

package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.Fault;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Control keepalive against a network that forgets idle connections: a {@link FaultProxy} in front of a real
 * server drops a control connection once nothing crossed it for one second, and the server's transfer rate makes
 * each transfer last about three. Without keepalive the final reply of a transfer is lost in the dropped
 * connection; with a NOOP every 300 ms the connection never idles, the transfer completes, and the NOOP replies
 * (Apache FtpServer answers them only after the transfer) are read back so the next command gets its own reply.
 */
@Timeout(60)
class ControlKeepAliveTest {

    private static final int RATE = 256 * 1024;
    private static final byte[] DATA = Fixtures.binary(3 * RATE);
    private static final Duration IDLE_LIMIT = Duration.ofSeconds(1);
    private static final Duration KEEPALIVE = Duration.ofMillis(300);
    // longer than the server's pauses between blocks, shorter than the wait for a reply that never comes
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(4);

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain().withTransferRate(RATE);

    private FaultProxy proxy;
    private Fault drop;

    @BeforeEach
    void proxyDroppingIdleControlConnections() throws IOException {
        proxy = FaultProxy.start(SERVER.host(), SERVER.port());
        drop = proxy.dropSessionsIdleFor(IDLE_LIMIT);
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    private Ftp login(Duration keepAlive) throws IOException {
        Ftp ftp = new Ftp();
        ftp.setControlKeepAliveTimeout(keepAlive);
        ftp.connect(proxy.host(), proxy.port(), CLIENT_TIMEOUT, null);
        ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD);
        return ftp;
    }

    @Test
    void downloadLosesItsFinalReplyWhenTheIdleControlConnectionIsDroppedWithoutKeepalive() throws IOException {
        Fixtures.put(SERVER, "slow.bin", DATA);
        try (Ftp ftp = login(null)) {
            ByteArrayOutputStream received = new ByteArrayOutputStream();

            assertThatThrownBy(() -> ftp.retrBinary("RETR slow.bin", received))
                    .isInstanceOf(SocketTimeoutException.class);

            assertThat(drop.hasFired()).isTrue();
            // the data itself crossed: only the 226 that confirms it was lost
            assertThat(received.toByteArray()).isEqualTo(DATA);
            assertThat(ftp.isOutOfSync()).isTrue();
            assertThat(SERVER.commands()).doesNotContain("NOOP");
        }
    }

    @Test
    void downloadCompletesWithKeepaliveAndTheNextCommandGetsItsOwnReply() throws IOException {
        Fixtures.put(SERVER, "slow.bin", DATA);
        try (Ftp ftp = login(KEEPALIVE)) {
            ByteArrayOutputStream received = new ByteArrayOutputStream();

            String reply = ftp.retrBinary("RETR slow.bin", received);

            assertThat(reply).startsWith("226");
            assertThat(received.toByteArray()).isEqualTo(DATA);
            assertThat(drop.hasFired()).isFalse();
            assertThat(SERVER.commands()).filteredOn("NOOP"::equals).hasSizeGreaterThanOrEqualTo(5);
            assertThat(ftp.isOutOfSync()).isFalse();
            assertThat(ftp.sendCmd("SIZE slow.bin")).isEqualTo("213 " + DATA.length);
        }
    }

    @Test
    void streamedDownloadCompletesWithKeepalive() throws IOException {
        Fixtures.put(SERVER, "slow.bin", DATA);
        try (Ftp ftp = login(KEEPALIVE); RetrieveStream in = ftp.retrStream("RETR slow.bin", 0,
                ExpectedSize.of(DATA.length, "the test"))) {
            assertThat(in.readAllBytes()).isEqualTo(DATA);
            assertThat(in.finalReply()).startsWith("226");
            assertThat(drop.hasFired()).isFalse();
            assertThat(ftp.pwd()).isEqualTo("/");
        }
    }

    @Test
    void uploadCompletesWithKeepaliveAndTheNextCommandGetsItsOwnReply() throws IOException {
        try (Ftp ftp = login(KEEPALIVE)) {
            String reply = ftp.storBinary("STOR up.bin", new ByteArrayInputStream(DATA));

            assertThat(reply).startsWith("226");
            assertThat(Fixtures.read(SERVER, "up.bin")).isEqualTo(DATA);
            assertThat(drop.hasFired()).isFalse();
            assertThat(SERVER.commands()).filteredOn("NOOP"::equals).hasSizeGreaterThanOrEqualTo(5);
            assertThat(ftp.sendCmd("SIZE up.bin")).isEqualTo("213 " + DATA.length);
        }
    }

    @Test
    void keepaliveSettingsAreValidated() {
        Ftp ftp = new Ftp();
        assertThat(ftp.getControlKeepAliveTimeout()).isNull();
        assertThat(ftp.getControlKeepAliveReplyTimeout()).isEqualTo(Duration.ofSeconds(1));
        ftp.setControlKeepAliveTimeout(Duration.ZERO);
        assertThat(ftp.getControlKeepAliveTimeout()).isNull();
        assertThatThrownBy(() -> ftp.setControlKeepAliveTimeout(Duration.ofSeconds(-1)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("the control keepalive interval cannot be negative, was PT-1S");
        assertThatThrownBy(() -> ftp.setControlKeepAliveReplyTimeout(Duration.ZERO))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("the control keepalive reply timeout must be positive, was PT0S");
    }
}

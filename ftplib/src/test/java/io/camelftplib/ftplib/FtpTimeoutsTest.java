package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.camelftplib.ftplib.testing.ScriptedFtpServer;
import io.camelftplib.ftplib.testing.ScriptedFtpServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CPython 3.11's {@code test_ftplib.TestTimeouts}: a raw server sends {@code 1 Hola mundo\n} (LF only, a
 * one-character code, accepted as a 1xx welcome) and closes its side; the tests read the socket timeout.
 *
 * <p>Java has no global default socket timeout, so "default" means "none given": the socket blocks forever, as
 * Python's does when {@code socket.getdefaulttimeout()} is {@code None}.
 */
@Timeout(30)
class FtpTimeoutsTest {

    private static final Duration THIRTY_SECONDS = Duration.ofSeconds(30);

    @RegisterExtension
    final ScriptedFtpServerExtension scripted = new ScriptedFtpServerExtension();

    private ScriptedFtpServer server;

    @BeforeEach
    void holaMundoServer() {
        server = scripted.server().onConnect((session, arg) -> {
            session.sendBytes("1 Hola mundo\n".getBytes(StandardCharsets.US_ASCII));
            session.shutdownOutput();
        });
    }

    /** Mirrors test_ftplib.TestTimeouts.testTimeoutDefault: no timeout given, the socket blocks. */
    @Test
    void connectWithoutTimeoutBlocks() throws IOException {
        Ftp ftp = scripted.newClient();
        assertThat(ftp.connect(server.host(), server.port())).isEqualTo("1 Hola mundo");
        assertThat(ftp.getTimeout()).isNull();
        assertThat(ftp.getSocket().getSoTimeout()).isZero();
    }

    /** Mirrors test_ftplib.TestTimeouts.testTimeoutNone: an explicit null timeout blocks. */
    @Test
    void connectWithNullTimeoutBlocks() throws IOException {
        Ftp ftp = scripted.newClient();
        ftp.setTimeout(THIRTY_SECONDS);
        assertThat(ftp.connect(server.host(), server.port(), null, null)).isEqualTo("1 Hola mundo");
        assertThat(ftp.getTimeout()).isNull();
        assertThat(ftp.getSocket().getSoTimeout()).isZero();
    }

    /** Mirrors test_ftplib.TestTimeouts.testTimeoutValue, with bpo-39259's refusal of a zero timeout. */
    @Test
    void connectWithTimeoutSetsItOnTheSocketAndRefusesZero() throws IOException {
        Ftp ftp = scripted.newClient();
        ftp.connect(server.host(), server.port(), THIRTY_SECONDS, null);
        assertThat(ftp.getSocket().getSoTimeout()).isEqualTo(30_000);

        Ftp other = scripted.newClient();
        assertThatThrownBy(() -> other.connect(server.host(), server.port(), Duration.ZERO, null))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("Non-blocking socket (timeout=0) is not supported");
        assertThat(other.isConnected()).isFalse();
        assertThat(server.connectionCount()).isEqualTo(1);
    }

    /** Mirrors test_ftplib.TestTimeouts.testTimeoutConnect: {@code connect(host, timeout=30)}. */
    @Test
    void timeoutGivenToConnectIsKept() throws IOException {
        Ftp ftp = scripted.newClient();
        ftp.connect(server.host(), server.port(), THIRTY_SECONDS, null);
        assertThat(ftp.getTimeout()).isEqualTo(THIRTY_SECONDS);
        assertThat(ftp.getSocket().getSoTimeout()).isEqualTo(30_000);
    }

    /** Mirrors test_ftplib.TestTimeouts.testTimeoutDifferentOrder: the timeout set before connecting applies. */
    @Test
    void timeoutSetBeforeConnectApplies() throws IOException {
        Ftp ftp = scripted.newClient();
        ftp.setTimeout(THIRTY_SECONDS);
        ftp.connect(server.host(), server.port());
        assertThat(ftp.getSocket().getSoTimeout()).isEqualTo(30_000);
    }

    /**
     * Mirrors test_ftplib.TestTimeouts.testTimeoutDirectAccess ({@code ftp.timeout = 30}): a timeout set between
     * connections applies to the next {@code connect(host)}, which keeps the port. A zero timeout is refused.
     */
    @Test
    void timeoutSetBetweenConnectionsAppliesToTheNext() throws IOException {
        Ftp ftp = scripted.newClient();
        ftp.connect(server.host(), server.port());
        ftp.disconnect();
        ftp.setTimeout(THIRTY_SECONDS);
        ftp.connect(server.host());
        assertThat(ftp.getSocket().getSoTimeout()).isEqualTo(30_000);
        assertThat(ftp.getPort()).isEqualTo(server.port());
        assertThatThrownBy(() -> ftp.setTimeout(Duration.ZERO))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("Non-blocking socket (timeout=0) is not supported");
    }
}

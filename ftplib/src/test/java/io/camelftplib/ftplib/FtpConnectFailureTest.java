package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A connection that fails before any reply says what failed and what to check, instead of the JDK's bare words
 * (a host name alone, "Read timed out").
 */
@Timeout(30)
class FtpConnectFailureTest {

    @Test
    void unknownHostSaysTheNameDoesNotResolve() {
        // .invalid is reserved never to resolve (RFC 2606)
        Ftp ftp = new Ftp();
        assertThatThrownBy(() -> ftp.connect("no-such-host.invalid", 21, Duration.ofSeconds(5), null))
                .isExactlyInstanceOf(UnknownHostException.class)
                .hasMessage("unknown host 'no-such-host.invalid': the name does not resolve (check host/DNS)");
        assertThat(ftp.isConnected()).isFalse();
    }

    @Test
    void serverThatNeverGreetsIsNamedWithTheWait() throws Exception {
        // a listening socket nobody accepts on: the kernel completes the TCP handshake, then nothing is ever sent
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Ftp ftp = new Ftp();
            String where = "127.0.0.1:" + silent.getLocalPort();
            assertThatThrownBy(() -> ftp.connect("127.0.0.1", silent.getLocalPort(), Duration.ofMillis(300), null))
                    .isExactlyInstanceOf(SocketTimeoutException.class)
                    .hasMessageStartingWith("no 220 greeting from " + where + " within 300 ms")
                    .hasCauseInstanceOf(SocketTimeoutException.class);
            assertThat(ftp.isConnected()).isFalse();
        }
    }
}

package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Ftp#setActivePortRange(int, int)}: beyond ftplib, active mode listens only on ports of a range. */
@Timeout(30)
class FtpActivePortRangeTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    private static final byte[] DATA = Fixtures.binary(20_000);

    /**
     * Binds a port on 127.0.0.1 whose next port is free too (checked by binding it once), and keeps it bound.
     *
     * @return the bound socket; its port is in use, its port + 1 was free a moment ago
     */
    static ServerSocket busyPortBeforeAFreeOne() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; attempt < 50; attempt++) {
            ServerSocket busy = new ServerSocket(0, 1, loopback);
            if (busy.getLocalPort() < 65535) {
                try (ServerSocket probe = new ServerSocket()) {
                    probe.bind(new InetSocketAddress(loopback, busy.getLocalPort() + 1), 1);
                    return busy;
                } catch (BindException e) {
                    // the next port is taken: try another pair
                }
            }
            busy.close();
        }
        throw new IllegalStateException("no two adjacent free ports on 127.0.0.1 in 50 attempts");
    }

    @Test
    void listensOnTheFreePortOfTheRangeAndTransfers() throws Exception {
        Fixtures.put(SERVER, "range/a.bin", DATA);
        try (ServerSocket busy = busyPortBeforeAFreeOne(); Ftp ftp = Fixtures.login(SERVER)) {
            int free = busy.getLocalPort() + 1;
            ftp.setPasv(false);
            ftp.setActivePortRange(busy.getLocalPort(), free);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ftp.retrBinary("RETR range/a.bin", out)).startsWith("226");
            assertThat(out.toByteArray()).isEqualTo(DATA);
            assertThat(SERVER.commands()).contains("PORT 127,0,0,1," + free / 256 + "," + free % 256);
        }
    }

    @Test
    void aRangeWhosePortsAreAllInUseFailsBeforeSendingPortAndStaysInSync() throws Exception {
        try (ServerSocket busy = busyPortBeforeAFreeOne(); Ftp ftp = Fixtures.login(SERVER)) {
            int port = busy.getLocalPort();
            ftp.setPasv(false);
            ftp.setActivePortRange(port, port);
            assertThatThrownBy(() -> ftp.nlst()).isInstanceOf(BindException.class)
                    .hasMessage("no free port in the active port range " + port + "-" + port + " on 127.0.0.1: all 1"
                            + " are in use; widen the range or use passive mode")
                    .hasCauseInstanceOf(BindException.class);
            assertThat(SERVER.commands()).noneMatch(c -> c.startsWith("PORT") || c.startsWith("NLST"));
            assertThat(ftp.isOutOfSync()).isFalse();
            assertThat(ftp.pwd()).isEqualTo("/");
        }
    }

    @Test
    void zeroZeroLetsTheOsPickAgain() throws Exception {
        try (ServerSocket busy = busyPortBeforeAFreeOne(); Ftp ftp = Fixtures.login(SERVER)) {
            ftp.setPasv(false);
            ftp.setActivePortRange(busy.getLocalPort(), busy.getLocalPort());
            ftp.setActivePortRange(0, 0);
            try (ServerSocket listener = ftp.makePort()) {
                assertThat(listener.getLocalPort()).isNotEqualTo(busy.getLocalPort());
            }
        }
    }

    @Test
    void emptyOrOutOfBoundsRangesAreRefused() {
        Ftp ftp = new Ftp();
        for (int[] range : new int[][] {{0, 10}, {10, 9}, {1, 65536}, {-1, 5}}) {
            assertThatThrownBy(() -> ftp.setActivePortRange(range[0], range[1]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the active port range must satisfy 1 <= min <= max <= 65535, was " + range[0] + "-"
                            + range[1]);
        }
    }
}

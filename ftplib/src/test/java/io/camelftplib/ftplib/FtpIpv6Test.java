package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mirrors test_ftplib.TestIPv6Environment: a server on {@code ::1}, EPSV and EPRT instead of PASV and PORT. */
@Timeout(30)
@EnabledIf("ipv6LoopbackUsable")
class FtpIpv6Test {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain().withAddress("::1");

    static boolean ipv6LoopbackUsable() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return probe.getLocalPort() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Mirrors test_ftplib.TestIPv6Environment.test_af. */
    @Test
    void addressFamilyIsInet6() throws Exception {
        try (Ftp ftp = Fixtures.connect(SERVER)) {
            assertThat(ftp.getAddressFamily()).isEqualTo(StandardProtocolFamily.INET6);
        }
    }

    /** Mirrors test_ftplib.TestIPv6Environment.test_makeport: EPRT, for a listener on ::1 only. */
    @Test
    void makePortSendsEprtForAListenerOnTheControlAddress() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER); ServerSocket listener = ftp.makePort()) {
            assertThat(listener.getInetAddress()).isEqualTo(InetAddress.getByName("::1"));
            assertThat(SERVER.commands()).last().isEqualTo("EPRT |2|::1|" + listener.getLocalPort() + "|");
        }
    }

    /** Mirrors test_ftplib.TestIPv6Environment.test_makepasv: EPSV, and the address is connectable. */
    @Test
    void makePasvSendsEpsvAndReturnsAConnectableAddress() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            HostPort address = ftp.makePasv();
            assertThat(InetAddress.getByName(address.host())).isEqualTo(InetAddress.getByName("::1"));
            try (Socket data = new Socket(address.host(), address.port())) {
                assertThat(data.isConnected()).isTrue();
            }
            assertThat(SERVER.commands()).last().isEqualTo("EPSV");
        }
    }

    /** Mirrors test_ftplib.TestIPv6Environment.test_transfer: retrbinary passive, then active. */
    @Test
    void retrBinaryWorksPassiveThenActive() throws Exception {
        byte[] data = Fixtures.binary(30_000);
        Fixtures.put(SERVER, "v6.bin", data);
        try (Ftp ftp = Fixtures.login(SERVER)) {
            for (boolean passive : new boolean[] {true, false}) {
                ftp.setPasv(passive);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                assertThat(ftp.retrBinary("RETR v6.bin", out::writeBytes)).isEqualTo("226 Transfer complete.");
                assertThat(out.toByteArray()).isEqualTo(data);
            }
        }
        assertThat(SERVER.commands()).extracting(line -> line.split(" ")[0])
                .containsSubsequence("EPSV", "RETR", "EPRT", "RETR");
    }
}

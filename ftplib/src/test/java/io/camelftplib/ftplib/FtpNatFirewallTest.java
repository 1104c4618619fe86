package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.NatForward;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The settings for networks between client and server, each seen on the wire of a real server: the address active
 * mode advertises behind NAT, EPSV on IPv4, PRET before the passive command, and trusting the address of a PASV
 * reply. {@code 127.0.0.2} plays a second host: the loopback network holds it on Linux.
 */
@Timeout(30)
class FtpNatFirewallTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain().withPret();

    /** A server whose passive ports listen on 127.0.0.2 only, and whose PASV replies say so. */
    @RegisterExtension
    static final EmbeddedFtpServerExtension ELSEWHERE = EmbeddedFtpServerExtension.plain()
            .withPassiveAddress("127.0.0.2", "127.0.0.2");

    private static final byte[] DATA = Fixtures.binary(50_000);

    @Test
    void activeModeAdvertisesTheExternalAddressAndTransfersThroughTheRouter() throws Exception {
        Fixtures.put(SERVER, "nat.bin", DATA);
        try (NatForward router = NatForward.forPortCommands(SERVER, "127.0.0.2"); Ftp ftp = Fixtures.login(SERVER)) {
            ftp.setPasv(false);
            ftp.setActiveExternalAddress(InetAddress.getByName("127.0.0.2"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            assertThat(ftp.retrBinary("RETR nat.bin", out)).startsWith("226");

            assertThat(out.toByteArray()).isEqualTo(DATA);
            assertThat(SERVER.commands()).anyMatch(c -> c.startsWith("PORT 127,0,0,2,"));
            assertThat(router.forwarded()).isEqualTo(1);
        }
    }

    @Test
    void activeModeWithoutExternalAddressAdvertisesTheLocalOne() throws IOException {
        Fixtures.put(SERVER, "local.bin", DATA);
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.setPasv(false);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ftp.retrBinary("RETR local.bin", out)).startsWith("226");
            assertThat(SERVER.commands()).anyMatch(c -> c.startsWith("PORT 127,0,0,1,"));
        }
    }

    @Test
    void epsvIsSentOnIpv4WhenAskedInsteadOfPasv() throws IOException {
        Fixtures.put(SERVER, "epsv.bin", DATA);
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.setUseEpsvWithIpv4(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            assertThat(ftp.retrBinary("RETR epsv.bin", out)).startsWith("226");

            assertThat(out.toByteArray()).isEqualTo(DATA);
            assertThat(SERVER.commands()).contains("EPSV").doesNotContain("PASV");
        }
    }

    @Test
    void pasvIsSentOnIpv4ByDefault() throws IOException {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.nlst();
            assertThat(SERVER.commands()).contains("PASV").doesNotContain("EPSV");
        }
    }

    @Test
    void pretNamesTheTransferCommandBeforePasv() throws IOException {
        Fixtures.put(SERVER, "pret.bin", DATA);
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.setUsePret(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            assertThat(ftp.retrBinary("RETR pret.bin", out)).startsWith("226");

            assertThat(out.toByteArray()).isEqualTo(DATA);
            assertThat(SERVER.commands()).containsSubsequence("PRET RETR pret.bin", "PASV", "RETR pret.bin");
        }
    }

    @Test
    void noPretUnlessAsked() throws IOException {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.nlst();
            assertThat(SERVER.commands()).noneMatch(c -> c.startsWith("PRET"));
        }
    }

    @Test
    void aTrustedPasvAddressIsConnectedTo() throws IOException {
        Fixtures.put(ELSEWHERE, "trust.bin", DATA);
        try (Ftp ftp = Fixtures.login(ELSEWHERE)) {
            ftp.setTrustServerPasvIpv4Address(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            assertThat(ftp.retrBinary("RETR trust.bin", out)).startsWith("226");

            assertThat(out.toByteArray()).isEqualTo(DATA);
        }
    }

    @Test
    void anUntrustedPasvAddressIsReplacedByTheControlConnectionsPeer() throws IOException {
        Fixtures.put(ELSEWHERE, "trust.bin", DATA);
        try (Ftp ftp = Fixtures.login(ELSEWHERE)) {
            // the data port listens on 127.0.0.2 only, so the connection to 127.0.0.1 is refused
            assertThatThrownBy(() -> ftp.retrBinary("RETR trust.bin", new ByteArrayOutputStream()))
                    .isInstanceOf(ConnectException.class);
            assertThat(ELSEWHERE.commands()).contains("PASV").doesNotContain("RETR trust.bin");
        }
    }
}

package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.stream.Stream;

import javax.net.ssl.SSLSession;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every protected data connection resumes the control connection's TLS session, on
 * TLS 1.2 (same session id) and TLS 1.3 (no session ids; a resumed JSSE session keeps the creation time of the
 * session it resumes, and a full handshake would create a new one), explicit and implicit, passive and active.
 * Without the engine keyed by the control host and port, each assertion on the data session fails.
 */
@Timeout(60)
class FtpTlsSessionReuseTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension TLS12 = TlsClients.serverOffering("TLSv1.2");
    @RegisterExtension
    static final EmbeddedFtpServerExtension TLS13 = TlsClients.serverOffering("TLSv1.3");
    @RegisterExtension
    static final EmbeddedFtpServerExtension IMPLICIT = EmbeddedFtpServerExtension.implicitTls();

    record Setup(EmbeddedFtpServerExtension server, String protocol, boolean implicit, boolean passive) {
        FtpTls login() throws Exception {
            return login(server.clientSslContext());
        }

        FtpTls login(javax.net.ssl.SSLContext context) throws Exception {
            FtpTls ftp = new FtpTls(context);
            ftp.setTimeout(TlsClients.TIMEOUT);
            ftp.setImplicit(implicit);
            ftp.setEnabledProtocols(protocol);
            ftp.setPasv(passive);
            ftp.connect(server.host(), server.port());
            ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD);
            ftp.protP();
            return ftp;
        }

        @Override
        public String toString() {
            return protocol + (implicit ? " implicit" : " explicit") + (passive ? " passive" : " active");
        }
    }

    static Stream<Setup> setups() {
        return Stream.of(new Setup(TLS12, "TLSv1.2", false, true), new Setup(TLS12, "TLSv1.2", false, false),
                new Setup(TLS13, "TLSv1.3", false, true), new Setup(TLS13, "TLSv1.3", false, false),
                new Setup(IMPLICIT, "TLSv1.2", true, true), new Setup(IMPLICIT, "TLSv1.3", true, false));
    }

    @ParameterizedTest
    @MethodSource("setups")
    void everyDataConnectionResumesTheControlSession(Setup setup) throws Exception {
        byte[] content = TlsClients.binaryContent(200_000);
        String name = "reuse-" + setup.toString().replace(' ', '-') + ".bin";
        try (FtpTls ftp = setup.login()) {
            SSLSession control = TlsClients.session(ftp.getSocket());
            assertThat(control.getProtocol()).isEqualTo(setup.protocol());
            for (int round = 0; round < 3; round++) {
                ftp.voidCmd("TYPE I");
                try (DataConnection conn = ftp.ntransferCmd("STOR " + name)) {
                    assertResumed(control, TlsClients.session(conn.socket()));
                    conn.socket().getOutputStream().write(content);
                }
                assertThat(ftp.voidResp()).startsWith("226");
                try (DataConnection conn = ftp.ntransferCmd("RETR " + name)) {
                    assertResumed(control, TlsClients.session(conn.socket()));
                    assertThat(conn.socket().getInputStream().readAllBytes()).isEqualTo(content);
                }
                assertThat(ftp.voidResp()).startsWith("226");
            }
        }
        assertThat(Files.readAllBytes(setup.server().file(name))).isEqualTo(content);
    }

    private static void assertResumed(SSLSession control, SSLSession data) {
        assertThat(data.getProtocol()).isEqualTo(control.getProtocol());
        assertThat(data.getCreationTime()).isEqualTo(control.getCreationTime());
        if (control.getProtocol().equals("TLSv1.2")) {
            assertThat(data.getId()).isNotEmpty().isEqualTo(control.getId());
        }
        assertThat(TlsSockets.resumes(control, data)).isTrue();
    }

    /** The transfer methods too: the implicit server protects data connections only after PROT P. */
    @ParameterizedTest
    @MethodSource("setups")
    void transferMethodsRoundTripOverResumedSessions(Setup setup) throws Exception {
        byte[] content = TlsClients.binaryContent(1_000_003);
        try (FtpTls ftp = setup.login()) {
            assertThat(ftp.storBinary("STOR methods.bin", new ByteArrayInputStream(content))).startsWith("226");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ftp.retrBinary("RETR methods.bin", out)).startsWith("226");
            assertThat(out.toByteArray()).isEqualTo(content);
            assertThat(ftp.nlst()).contains("methods.bin");
        }
    }

    /**
     * Two logins sharing one context (two routes on one SSL bundle): while one holds an upload open, the other's
     * data connection still resumes its own control session. With one cache entry per server host and port, the
     * first data connection took the only TLS 1.3 ticket, and the second made a full handshake, which servers
     * requiring reuse refuse.
     */
    @ParameterizedTest
    @MethodSource("sharedContextSetups")
    void twoLoginsOnOneContextEachResumeTheirOwnSession(Setup setup) throws Exception {
        byte[] content = TlsClients.binaryContent(10_000);
        Setup shared = new Setup(setup.server(), setup.protocol(), false, true);
        javax.net.ssl.SSLContext context = setup.server().clientSslContext();
        try (FtpTls first = shared.login(context); FtpTls second = shared.login(context)) {
            SSLSession firstControl = TlsClients.session(first.getSocket());
            SSLSession secondControl = TlsClients.session(second.getSocket());
            first.voidCmd("TYPE I");
            second.voidCmd("TYPE I");
            try (DataConnection open = first.ntransferCmd("STOR shared-first.bin")) {
                assertResumed(firstControl, TlsClients.session(open.socket()));
                try (DataConnection other = second.ntransferCmd("STOR shared-second.bin")) {
                    assertResumed(secondControl, TlsClients.session(other.socket()));
                    other.socket().getOutputStream().write(content);
                }
                assertThat(second.voidResp()).startsWith("226");
                open.socket().getOutputStream().write(content);
            }
            assertThat(first.voidResp()).startsWith("226");
            assertThat(first.hasResumableSession()).isTrue();
        }
        assertThat(Files.readAllBytes(setup.server().file("shared-second.bin"))).isEqualTo(content);
    }

    static Stream<Setup> sharedContextSetups() {
        return Stream.of(new Setup(TLS12, "TLSv1.2", false, true), new Setup(TLS13, "TLSv1.3", false, true));
    }
}

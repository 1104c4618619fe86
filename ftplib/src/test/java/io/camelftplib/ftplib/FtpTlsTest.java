package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ports of CPython's {@code TestTLS_FTPClass} (test_ftplib.py) against the embedded server with AUTH TLS. */
@Timeout(60)
class FtpTlsTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.explicitTls();

    /** Python: test_control_connection. */
    @Test
    void authSecuresTheControlConnection() throws Exception {
        try (FtpTls ftp = TlsClients.connect(SERVER)) {
            assertThat(ftp.getSocket()).isNotInstanceOf(SSLSocket.class);
            assertThat(ftp.auth()).startsWith("234");
            assertThat(ftp.getSocket()).isInstanceOf(SSLSocket.class);
            assertThat(TlsClients.session(ftp.getSocket()).getProtocol()).isEqualTo("TLSv1.3");
            assertThat(ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD))
                    .startsWith("230");
        }
    }

    /** Python: test_data_connection (LIST in clear, protected after PROT P, in clear again after PROT C). */
    @Test
    void dataConnectionsAreTlsOnlyBetweenProtPAndProtC() throws Exception {
        Files.write(SERVER.file("listed ü.txt"), new byte[] {1});
        try (FtpTls ftp = TlsClients.connect(SERVER)) {
            ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD);
            assertThat(ftp.isProtP()).isFalse();
            assertThat(listThroughDataConnection(ftp, false)).contains("listed ü.txt");
            assertThat(ftp.protP()).startsWith("200");
            assertThat(ftp.isProtP()).isTrue();
            assertThat(listThroughDataConnection(ftp, true)).contains("listed ü.txt");
            assertThat(ftp.protC()).startsWith("200");
            assertThat(ftp.isProtP()).isFalse();
            assertThat(listThroughDataConnection(ftp, false)).contains("listed ü.txt");
        }
    }

    private static String listThroughDataConnection(FtpTls ftp, boolean tls) throws Exception {
        String listing;
        try (DataConnection conn = ftp.ntransferCmd("LIST")) {
            assertThat(conn.socket() instanceof SSLSocket).isEqualTo(tls);
            listing = new String(conn.socket().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(ftp.voidResp()).startsWith("226");
        return listing;
    }

    /** Python: test_login (login() runs AUTH TLS first; a second login does not). */
    @Test
    void loginSecuresTheControlConnectionFirstAndOnlyOnce() throws Exception {
        try (FtpTls ftp = TlsClients.connect(SERVER)) {
            assertThat(ftp.login()).startsWith("230");
            java.net.Socket secured = ftp.getSocket();
            assertThat(secured).isInstanceOf(SSLSocket.class);
            assertThat(ftp.login()).startsWith("230");
            assertThat(ftp.getSocket()).isSameAs(secured);
        }
    }

    @Test
    void loginWithoutSecureSendsTheCredentialsInPlainText() throws Exception {
        try (FtpTls ftp = TlsClients.connect(SERVER)) {
            ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD, "", false);
            assertThat(ftp.getSocket()).isNotInstanceOf(SSLSocket.class);
        }
    }

    /** Python: test_auth_issued_twice. */
    @Test
    void authIssuedTwiceIsRefused() throws Exception {
        try (FtpTls ftp = TlsClients.connect(SERVER)) {
            ftp.auth();
            assertThatThrownBy(ftp::auth).isInstanceOf(IllegalStateException.class).hasMessage("Already using TLS");
        }
    }

    /** Python: test_context (the given context is used on control and data connections). */
    @Test
    void theGivenContextSecuresControlAndDataConnections() throws Exception {
        SSLContext context = SERVER.clientSslContext();
        try (FtpTls ftp = new FtpTls(context)) {
            assertThat(ftp.getContext()).isSameAs(context);
            ftp.connect(SERVER.host(), SERVER.port());
            ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD);
            ftp.protP();
            assertThat(TlsClients.session(ftp.getSocket()).getSessionContext())
                    .isSameAs(context.getClientSessionContext());
            try (DataConnection conn = ftp.ntransferCmd("NLST")) {
                assertThat(TlsClients.session(conn.socket()).getSessionContext())
                        .isSameAs(context.getClientSessionContext());
                conn.socket().getInputStream().readAllBytes();
            }
            assertThat(ftp.voidResp()).startsWith("226");
        }
    }

    @Test
    void theJdkDefaultContextDoesNotTrustATestCertificate() throws Exception {
        try (FtpTls ftp = new FtpTls()) {
            ftp.connect(SERVER.host(), SERVER.port());
            assertThatThrownBy(ftp::auth).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("control connection to 127.0.0.1:" + SERVER.port())
                    .hasMessageContaining("the server certificate is not trusted")
                    .hasMessageContaining("new FtpTls(sslContext)");
            assertThat(ftp.isConnected()).isFalse();
        }
    }

    /** Python: test_ccc, first half (the embedded server has no CCC; proftpd's is tested in src/it). */
    @Test
    void cccBeforeTlsIsRefused() throws Exception {
        try (FtpTls ftp = TlsClients.connect(SERVER)) {
            assertThatThrownBy(ftp::ccc).isInstanceOf(IllegalStateException.class).hasMessage("not using TLS");
        }
    }

    @Test
    void cccRefusedByTheServerKeepsTheControlConnectionSecured() throws Exception {
        try (FtpTls ftp = TlsClients.loginProtected(SERVER)) {
            assertThatThrownBy(ftp::ccc).isInstanceOf(FtpPermException.class)
                    .satisfies(e -> assertThat(((FtpPermException) e).replyCode()).startsWith("50"));
            assertThat(ftp.getSocket()).isInstanceOf(SSLSocket.class);
            assertThat(ftp.voidCmd("NOOP")).startsWith("200");
        }
    }

    /** ftplib's FTP_TLS.abort: ABOR goes through TLS as ordinary data (a TLS socket has no urgent data). */
    @Test
    void abortGoesThroughTls() throws Exception {
        try (FtpTls ftp = TlsClients.loginProtected(SERVER)) {
            assertThatThrownBy(() -> ftp.getSocket().sendUrgentData('\n'))
                    .hasMessage("This method is not supported by SSLSockets");
            assertThat(ftp.abort()).startsWith("226");
            assertThat(ftp.voidCmd("NOOP")).startsWith("200");
        }
    }

    @Test
    void protectedTransfersNeedNoSecuredControlConnection() throws Exception {
        byte[] content = TlsClients.binaryContent(5000);
        Files.write(SERVER.file("clear-control.bin"), content);
        try (FtpTls ftp = TlsClients.connect(SERVER)) {
            ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD, "", false);
            ftp.protP();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ftp.retrBinary("RETR clear-control.bin", out)).startsWith("226");
            assertThat(out.toByteArray()).isEqualTo(content);
        }
    }
}

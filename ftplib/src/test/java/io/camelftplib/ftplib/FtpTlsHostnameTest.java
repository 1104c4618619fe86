package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Host name verification on control and data connections, against a server whose certificate
 * names {@code localhost} only while it listens on 127.0.0.1.
 */
@Timeout(60)
class FtpTlsHostnameTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.explicitTls()
            .withCertificateNames("dns:localhost");

    private static FtpTls client() {
        FtpTls ftp = new FtpTls(SERVER.clientSslContext());
        ftp.setTimeout(TlsClients.TIMEOUT);
        return ftp;
    }

    /** Python: test_check_hostname, control half (skipped upstream, bpo-32706; it runs here). */
    @Test
    void aCertificateNotNamingTheHostFailsAuthWithAClearMessage() throws Exception {
        try (FtpTls ftp = client()) {
            assertThat(ftp.isHostnameVerification()).isTrue();
            ftp.connect("127.0.0.1", SERVER.port());
            assertThatThrownBy(ftp::auth).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("control connection to 127.0.0.1:" + SERVER.port())
                    .hasMessageContaining("the server certificate does not name the host \"127.0.0.1\"")
                    .hasMessageContaining("setHostnameVerification(false)");
            assertThat(ftp.isConnected()).isFalse();
        }
    }

    /** Python: test_check_hostname, data half: PROT P over a clear control connection. */
    @Test
    void aCertificateNotNamingTheHostFailsTheDataHandshake() throws Exception {
        try (FtpTls ftp = client()) {
            ftp.connect("127.0.0.1", SERVER.port());
            ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD, "", false);
            ftp.protP();
            assertThatThrownBy(() -> ftp.ntransferCmd("LIST")).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("data connection for LIST at 127.0.0.1:" + SERVER.port())
                    .hasMessageContaining("does not name the host \"127.0.0.1\"");
            // the server's final reply to LIST is still due, so no command may follow
            assertThat(ftp.isOutOfSync()).isTrue();
        }
    }

    /** Python: test_check_hostname, the passing half: connected by the name the certificate carries. */
    @Test
    void theNameTheCertificateCarriesPassesOnControlAndData() throws Exception {
        try (FtpTls ftp = client()) {
            ftp.connect("localhost", SERVER.port());
            ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD);
            ftp.protP();
            assertThat(ftp.getSocket()).isInstanceOf(SSLSocket.class);
            assertThat(ftp.nlst()).isNotNull();
            assertThat(TlsClients.session(ftp.getSocket()).getPeerHost()).isEqualTo("localhost");
        }
    }

    @Test
    void verificationTurnedOffAcceptsTheCertificateForAnyHost() throws Exception {
        try (FtpTls ftp = client()) {
            ftp.setHostnameVerification(false);
            ftp.connect("127.0.0.1", SERVER.port());
            ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD);
            ftp.protP();
            assertThat(ftp.getSocket()).isInstanceOf(SSLSocket.class);
            assertThat(ftp.nlst()).isNotNull();
        }
    }

    @Test
    void verificationTurnedOffStillChecksTheChain() throws Exception {
        try (FtpTls ftp = new FtpTls()) {
            ftp.setHostnameVerification(false);
            ftp.connect("127.0.0.1", SERVER.port());
            assertThatThrownBy(ftp::auth).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("the server certificate is not trusted");
        }
    }
}

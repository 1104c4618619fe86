package io.camelftplib.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import io.camelftplib.ftplib.DataConnection;
import io.camelftplib.ftplib.FtpException;
import io.camelftplib.ftplib.FtpPermException;
import io.camelftplib.ftplib.FtpTempException;
import io.camelftplib.ftplib.FtpTls;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.provider.Arguments;

/**
 * What only FTPS has, per server and TLS version: which versions the server offers, TLS session reuse on the
 * ports that require it (vsftpd {@code require_ssl_reuse=YES}, ProFTPD's default), implicit TLS, host name
 * verification and CCC.
 */
@Timeout(120)
@ExtendWith(InteropReport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FtpsIT {


    @RegisterExtension
    static final EmbeddedFtpServerExtension EMBEDDED = EmbeddedFtpServerExtension.explicitTls();
    @RegisterExtension
    static final EmbeddedFtpServerExtension EMBEDDED_IMPLICIT = EmbeddedFtpServerExtension.implicitTls();
    @RegisterExtension
    static final EmbeddedFtpServerExtension EMBEDDED_OTHER_NAME = EmbeddedFtpServerExtension.explicitTls()
            .withCertificateNames("dns:other.example");

    static Stream<Arguments> cases() {
        return ItServer.all(EMBEDDED).stream().filter(server -> server.offers(new Mode("TLSv1.3", true)))
                .flatMap(server -> Mode.TLS_VERSIONS.stream().map(version -> Arguments.of(server, version)));
    }

    @Order(1)
    @Interop("TLS version offered (AUTH TLS)")
    @AcrossServers
    void reportsWhetherTheServerOffersTheVersion(ItServer server, String version) throws Exception {
        server.assumeReachable(server.port(), "control port");
        try (FtpTls ftp = ItClients.tls(server, version)) {
            ftp.setTimeout(ItClients.TIMEOUT);
            ftp.connect(server.host(), server.port());
            try {
                assertThat(ftp.auth()).startsWith("234");
            } catch (SSLHandshakeException e) {
                assertThat(ItClients.isVersionNotOffered(e)).as("handshake failure %s", e).isTrue();
                InteropReport.note("not offered");
                return;
            }
            SSLSession session = ((SSLSocket) ftp.getSocket()).getSession();
            assertThat(session.getProtocol()).isEqualTo(version);
            InteropReport.note("offered, " + session.getCipherSuite());
        }
    }

    @Order(2)
    @Interop("reuse-required port: upload + download byte for byte, every data connection resumed")
    @AcrossServers
    void sessionReusePortTransfersByteForByte(ItServer server, String version) throws Exception {
        server.assumeReachable(server.reusePort(), "port requiring TLS session reuse");
        byte[] content = FtpServersIT.binaryContent(2_000_000);
        String name = ItClients.uniqueName("reuse");
        // JDK 17 limits, explained by FtpTls's messages (see severalUploadsThenADownloadOnTheReusePort)
        boolean ticketsEndWithUploads = server.name().equals("proftpd") && version.equals("TLSv1.3");
        boolean ticketless = server.name().equals("vsftpd") && version.equals("TLSv1.2");
        SSLContext context = ticketless ? server.trustContextWithoutTls12Tickets() : server.trustContext();
        try (FtpTls ftp = reuseClient(server, version, context)) {
            assertThat(resumedListing(ftp)).isNotNull();
            storeResumed(ftp, name, content);
            if (!ticketsEndWithUploads) {
                assertThat(retrieveResumed(ftp, name)).isEqualTo(content);
                storeResumed(ftp, name, content);
                assertThat(retrieveResumed(ftp, name)).isEqualTo(content);
            }
        }
        try (FtpTls ftp = reuseClient(server, version, context)) {
            assertThat(retrieveResumed(ftp, name)).isEqualTo(content);
            assertThat(ftp.delete(name)).startsWith("250");
        }
        InteropReport.note(ticketless ? "SSLContext without TLS 1.2 session tickets"
                : ticketsEndWithUploads ? "upload as the login's last transfer" : "");
    }

    @Order(3)
    @Interop("reuse-required port: several uploads in a row, then a download")
    @AcrossServers
    void severalUploadsThenADownloadOnTheReusePort(ItServer server, String version) throws Exception {
        server.assumeReachable(server.reusePort(), "port requiring TLS session reuse");
        String name = ItClients.uniqueName("limit");
        byte[] content = {1, 2, 3};
        if (server.name().equals("vsftpd") && version.equals("TLSv1.2")) {
            // vsftpd gives the TLS 1.2 control session no id and a ticket valid for 2^31 s, which JSSE drops
            try (FtpTls ftp = reuseClient(server, version, server.trustContext())) {
                assertThatThrownBy(() -> ftp.storBinary("STOR " + name, new ByteArrayInputStream(content)))
                        .isInstanceOf(FtpPermException.class)
                        .hasMessageStartingWith("522 SSL connection failed: session reuse required")
                        .hasMessageContaining("did not resume the control connection's TLSv1.2 session")
                        .hasMessageContaining("jdk.tls.client.enableSessionTicketExtension=false");
            } finally {
                // vsftpd created the file before it refused the data connection, then ended the session
                try (FtpTls cleanup = reuseClient(server, "TLSv1.3", server.trustContext())) {
                    ItClients.deleteQuietly(cleanup, name);
                }
            }
            // proven on the wire: the control ServerHello has an empty session id, JSSE discards the NewSessionTicket
            // (lifetime 2147483647 s), the data ClientHello offers a session id the server never issued
            InteropReport.knownLimit("impossible with JSSE's defaults: 522, the error names what to set");
        } else if (server.name().equals("proftpd") && version.equals("TLSv1.3")) {
            // ProFTPD sends no session ticket on an upload's data connection, and JSSE uses each ticket once:
            // hasResumableSession() says so, and a new login (new tickets) carries on
            try (FtpTls ftp = reuseClient(server, version, server.trustContext())) {
                storeResumed(ftp, name, content);
                assertThat(ftp.hasResumableSession()).isFalse();
                assertThatThrownBy(ftp::nlst).isInstanceOf(FtpTempException.class)
                        .hasMessageStartingWith("425")
                        .hasMessageContaining("did not resume the control connection's TLSv1.3 session")
                        .hasMessageContaining("log in again on a new connection");
            }
            try (FtpTls ftp = reuseClient(server, version, server.trustContext())) {
                storeResumed(ftp, name, content);
            }
            try (FtpTls ftp = reuseClient(server, version, server.trustContext())) {
                assertThat(retrieveResumed(ftp, name)).isEqualTo(content);
                assertThat(ftp.hasResumableSession()).isTrue();
                assertThat(retrieveResumed(ftp, name)).isEqualTo(content);
                assertThat(ftp.delete(name)).startsWith("250");
            }
            InteropReport.note("a new login after each upload (hasResumableSession() false; ftplibs: does it)");
        } else {
            try (FtpTls ftp = reuseClient(server, version, server.trustContext())) {
                for (int i = 0; i < 3; i++) {
                    storeResumed(ftp, name, content);
                }
                assertThat(retrieveResumed(ftp, name)).isEqualTo(content);
                assertThat(ftp.delete(name)).startsWith("250");
            }
            InteropReport.note("no limit: 3 uploads in a row");
        }
    }

    @Order(4)
    @Interop("implicit TLS: login, upload + download byte for byte")
    @AcrossServers
    void implicitTlsTransfersByteForByte(ItServer server, String version) throws Exception {
        ItServer target = server.name().equals("embedded") ? ItServer.embeddedImplicit(EMBEDDED_IMPLICIT) : server;
        target.assumeReachable(target.implicitPort(), "implicit FTPS port");
        byte[] content = FtpServersIT.binaryContent(500_000);
        String name = ItClients.uniqueName("implicit");
        FtpTls client = ItClients.tls(target, version);
        client.setImplicit(true);
        try (FtpTls ftp = ItClients.login(client, target, target.implicitPort())) {
            assertThat(ftp.getWelcome()).startsWith("220");
            assertThat(((SSLSocket) ftp.getSocket()).getSession().getProtocol()).isEqualTo(version);
            assertThat(ftp.storBinary("STOR " + name, new ByteArrayInputStream(content))).startsWith("226");
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            assertThat(ftp.retrBinary("RETR " + name, received)).startsWith("226");
            assertThat(received.toByteArray()).isEqualTo(content);
            assertThat(ftp.nlst()).contains(name);
            assertThat(ftp.delete(name)).startsWith("250");
        }
    }

    @Order(5)
    @Interop("certificate not naming the host: refused unless verification is off")
    @AcrossServers
    void hostNameMismatchFailsClearlyUnlessVerificationIsOff(ItServer server, String version) throws Exception {
        ItServer target = server.name().equals("embedded") ? ItServer.embedded(EMBEDDED_OTHER_NAME) : server;
        target.assumeReachable(target.port(), "control port");
        String alias = server.name().equals("embedded") ? target.host() : unnamedAlias(target);
        Assumptions.assumeTrue(alias != null, "no name of this machine resolves to " + target.host()
                + " without being in the server certificate");
        ItServer aliased = target.withHost(alias);
        FtpTls verifying = ItClients.tls(aliased, version);
        assertThatThrownBy(() -> ItClients.login(verifying, aliased, aliased.port()))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("control connection to " + alias + ":" + target.port())
                .hasMessageContaining("does not name the host \"" + alias + "\"")
                .hasMessageContaining("setHostnameVerification(false)");
        assertThat(verifying.isConnected()).isFalse();
        FtpTls unverified = ItClients.tls(aliased, version);
        unverified.setHostnameVerification(false);
        try (FtpTls ftp = ItClients.login(unverified, aliased, aliased.port())) {
            assertThat(ftp.nlst()).isNotNull();
        }
        InteropReport.note("connected as " + alias);
    }

    @Order(6)
    @Interop("CCC (or its clear error)")
    @AcrossServers
    void cccEndsTlsOrFailsClearly(ItServer server, String version) throws Exception {
        try (FtpTls ftp = (FtpTls) ItClients.login(server, new Mode(version, true))) {
            try {
                assertThat(ftp.ccc()).startsWith("200");
            } catch (FtpPermException e) {
                assertThat(e.replyCode()).isIn("500", "502", "534");
                assertThat(ftp.getSocket()).isInstanceOf(SSLSocket.class);
                assertThat(ftp.voidCmd("NOOP")).startsWith("200");
                InteropReport.note("no CCC: " + e.replyCode() + ", FtpPermException");
                return;
            }
            assertThat(ftp.getSocket()).isNotInstanceOf(SSLSocket.class);
            assertThat(ftp.voidCmd("NOOP")).startsWith("200");
            // data connections stay protected after CCC
            assertThat(ftp.nlst()).isNotNull();
        }
    }

    private static FtpTls reuseClient(ItServer server, String version, SSLContext context) throws Exception {
        FtpTls ftp = new FtpTls(context);
        ftp.setEnabledProtocols(version);
        return ItClients.login(ftp, server, server.reusePort());
    }

    private static List<String> resumedListing(FtpTls ftp) throws Exception {
        ftp.sendCmd("TYPE A");
        String listing;
        try (DataConnection conn = ftp.ntransferCmd("NLST")) {
            assertResumed(ftp, conn);
            listing = new String(conn.socket().getInputStream().readAllBytes(), ftp.getEncoding());
        }
        assertThat(ftp.voidResp()).startsWith("226");
        return List.of(listing.split("\r?\n"));
    }

    private static void storeResumed(FtpTls ftp, String name, byte[] content) throws Exception {
        ftp.voidCmd("TYPE I");
        try (DataConnection conn = ftp.ntransferCmd("STOR " + name)) {
            assertResumed(ftp, conn);
            conn.socket().getOutputStream().write(content);
        }
        assertThat(ftp.voidResp()).startsWith("226");
    }

    private static byte[] retrieveResumed(FtpTls ftp, String name) throws Exception {
        ftp.voidCmd("TYPE I");
        byte[] received;
        try (DataConnection conn = ftp.ntransferCmd("RETR " + name)) {
            assertResumed(ftp, conn);
            received = conn.socket().getInputStream().readAllBytes();
        }
        assertThat(ftp.voidResp()).startsWith("226");
        return received;
    }

    /** TLS 1.2: the data session has the control session's id; TLS 1.3: its creation time (no ids there). */
    private static void assertResumed(FtpTls ftp, DataConnection conn) throws FtpException {
        SSLSession control = ((SSLSocket) ftp.getSocket()).getSession();
        SSLSession data = ((SSLSocket) conn.socket()).getSession();
        assertThat(data.getProtocol()).isEqualTo(control.getProtocol());
        assertThat(data.getCreationTime()).as("resumed session creation time").isEqualTo(control.getCreationTime());
        if (control.getProtocol().equals("TLSv1.2")) {
            assertThat(data.getId()).as("resumed session id").isNotEmpty().isEqualTo(control.getId());
        }
    }

    /** This machine's name when it reaches the server's address, for a name the certificate does not carry. */
    private static String unnamedAlias(ItServer server) throws Exception {
        String name = InetAddress.getLocalHost().getHostName();
        boolean reachesServer = InetAddress.getByName(name).equals(InetAddress.getByName(server.host()));
        return name.equalsIgnoreCase("localhost") || !reachesServer ? null : name;
    }
}

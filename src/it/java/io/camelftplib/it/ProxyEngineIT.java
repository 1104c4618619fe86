package io.camelftplib.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import javax.net.ssl.SSLSocket;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpProxyException;
import io.camelftplib.ftplib.FtpTls;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine through real proxies: tinyproxy (HTTP CONNECT with Basic authentication) and microsocks (SOCKS5 with
 * and without a login), to vsftpd and ProFTPD, plain FTP and explicit FTPS. The control connection and every
 * passive data connection go through the proxy; FTPS checks the FTP server's certificate end to end.
 */
@Timeout(120)
class ProxyEngineIT {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (ItProxy proxy : ItProxy.all()) {
            for (String server : new String[] {"vsftpd", "proftpd"}) {
                cases.add(Arguments.of(proxy, ItServer.real(server), false));
                cases.add(Arguments.of(proxy, ItServer.real(server), true));
            }
        }
        return cases.stream();
    }

    static Stream<ItProxy> proxiesWithLogin() {
        return ItProxy.all().stream().filter(p -> p.user() != null);
    }

    @ParameterizedTest(name = "{0} to {1}, tls={2}")
    @MethodSource("cases")
    void uploadAndDownloadThroughTheProxyKeepTheBytes(ItProxy proxy, ItServer server, boolean tls)
            throws IOException {
        proxy.assumeReachable();
        server.assumeReachable(server.port(), "control port");
        byte[] content = new byte[300_000];
        new Random(14).nextBytes(content);
        content[0] = 0x00;
        content[1] = (byte) 0xFF;
        content[2] = '\r';
        content[3] = '\n';
        String name = ItClients.uniqueName("proxy");
        Ftp ftp = tls ? new FtpTls(server.trustContext()) : new Ftp();
        ftp.setProxy(proxy.toFtpProxy());
        try (Ftp client = ItClients.login(ftp, server, server.port())) {
            assertThat(client.getSocket().getPort()).as("the control connection goes to the proxy")
                    .isEqualTo(proxy.port());
            assertThat(client.getSocket() instanceof SSLSocket).isEqualTo(tls);
            client.storBinary("STOR " + name, new ByteArrayInputStream(content));
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            client.retrBinary("RETR " + name, back::write);
            assertThat(back.toByteArray()).isEqualTo(content);
            client.delete(name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proxiesWithLogin")
    void aWrongProxyPasswordNamesTheProxyAndItsAnswer(ItProxy proxy) {
        proxy.assumeReachable();
        ItServer server = ItServer.real("vsftpd");
        server.assumeReachable(server.port(), "control port");
        Ftp ftp = new Ftp();
        ftp.setProxy(proxy.withWrongPassword());
        String where = proxy.host() + ":" + proxy.port();
        String answer = proxy.name().equals("tinyproxy") ? "HTTP/1.0 401 Unauthorized"
                : "SOCKS5 authentication status";
        assertThatThrownBy(() -> ftp.connect(server.host(), server.port()))
                .isExactlyInstanceOf(FtpProxyException.class)
                .hasMessageContaining(where)
                .hasMessageContaining(answer)
                .hasMessageContaining("check the proxy username and password")
                .hasMessageNotContaining(proxy.password())
                .satisfies(e -> assertThat(((FtpProxyException) e).proxy()).isEqualTo(where));
        assertThat(ftp.isConnected()).isFalse();
    }
}

package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import io.camelftplib.ftplib.FtpException;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ftplibs:} routes against the embedded server in explicit ({@code AUTH TLS}) and implicit mode: transfers
 * byte for byte under {@code PROT P}, host name verification, refused TLS, protocol choice and where the SSL
 * context comes from.
 */
@Timeout(60)
class FtplibsRouteTest extends CamelTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension EXPLICIT = EmbeddedFtpServerExtension.explicitTls();
    /** TLS 1.3 only, to show securityProtocol is applied. */
    @RegisterExtension
    static final EmbeddedFtpServerExtension IMPLICIT = EmbeddedFtpServerExtension.implicitTls()
            .withTlsProtocols("TLSv1.3");
    @RegisterExtension
    static final EmbeddedFtpServerExtension OTHER_HOST = EmbeddedFtpServerExtension.explicitTls()
            .withCertificateNames("dns:other.example");
    @RegisterExtension
    static final EmbeddedFtpServerExtension PLAIN = EmbeddedFtpServerExtension.plain();

    /** 0x00-0xFF twice, CR, LF, CRLF and a lone CR: what a text-mode or charset bug would change. */
    private static final byte[] CONTENT = content();

    private static byte[] content() {
        byte[] bytes = new byte[512 + 5];
        for (int i = 0; i < 512; i++) {
            bytes[i] = (byte) i;
        }
        System.arraycopy(new byte[] {'\r', '\n', '\r', '\n', '\r'}, 0, bytes, 512, 5);
        return bytes;
    }

    /** Trusts exactly the certificate of a server, as a user's trust store would. */
    static SSLContextParameters trusting(EmbeddedFtpServerExtension server) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + server.keyStore());
        store.setPassword(EmbeddedFtpServerExtension.STORE_PASSWORD);
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    private static String ftps(EmbeddedFtpServerExtension server, String directory, String options) {
        return "ftplibs://" + EmbeddedFtpServerExtension.USER + "@localhost:" + server.port() + "/" + directory
                + "?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")&maximumReconnectAttempts=0"
                + (options.isEmpty() ? "" : "&" + options);
    }

    @ParameterizedTest(name = "implicit={0}")
    @ValueSource(booleans = {false, true})
    void uploadsAndDownloadsByteForByteUnderProtP(boolean implicit) throws Exception {
        EmbeddedFtpServerExtension server = implicit ? IMPLICIT : EXPLICIT;
        context.getRegistry().bind("tls", trusting(server));
        String options = "sslContextParameters=#tls&implicit=" + implicit;
        template.sendBodyAndHeader(ftps(server, "bin", options), CONTENT, Exchange.FILE_NAME, "data \u00e9.bin");
        assertThat(Files.readAllBytes(server.file("bin/data \u00e9.bin"))).isEqualTo(CONTENT);

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftps(server, "bin", options + "&delete=true&initialDelay=0")).routeId("down")
                        .autoStartup(false).convertBodyTo(byte[].class).to("mock:down");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:down");
        mock.expectedMessageCount(1);
        mock.expectedHeaderReceived(Exchange.FILE_NAME, "data \u00e9.bin");
        context.getRouteController().startRoute("down");
        mock.assertIsSatisfied();
        assertThat(mock.getExchanges().get(0).getIn().getBody(byte[].class)).isEqualTo(CONTENT);
        context.getRouteController().stopRoute("down");

        assertThat(server.commands()).contains("PBSZ 0", "PROT P").doesNotContain("PROT C");
        if (implicit) {
            assertThat(server.commands()).noneMatch(c -> c.startsWith("AUTH"));
        } else {
            assertThat(server.commands()).containsSubsequence("AUTH TLS", "USER alice", "PBSZ 0", "PROT P");
        }
    }

    @Test
    void implicitModeDefaultsToPort990() throws Exception {
        FtplibsEndpoint implicit = context.getEndpoint("ftplibs://alice@localhost/in?implicit=true",
                FtplibsEndpoint.class);
        FtplibsEndpoint explicit = context.getEndpoint("ftplibs://alice@localhost/in", FtplibsEndpoint.class);
        FtplibsEndpoint given = context.getEndpoint("ftplibs://alice@localhost:2990/in?implicit=true",
                FtplibsEndpoint.class);
        assertThat(implicit.getConfiguration().getPort()).isEqualTo(990);
        assertThat(explicit.getConfiguration().getPort()).isEqualTo(21);
        assertThat(given.getConfiguration().getPort()).isEqualTo(2990);
    }

    @Test
    void disableSecureDataChannelDefaultsSendsNoPbszOrProtUnlessExecProtIsGiven() {
        context.getRegistry().bind("tls", trusting(EXPLICIT));
        template.sendBodyAndHeader(ftps(EXPLICIT, "nodefaults", "sslContextParameters=#tls"
                + "&disableSecureDataChannelDefaults=true"), CONTENT, Exchange.FILE_NAME, "d.bin");
        assertThat(EXPLICIT.file("nodefaults/d.bin")).hasBinaryContent(CONTENT);
        assertThat(EXPLICIT.commands()).contains("AUTH TLS")
                .noneMatch(c -> c.startsWith("PBSZ") || c.startsWith("PROT"));
        template.sendBodyAndHeader(ftps(EXPLICIT, "given", "sslContextParameters=#tls"
                + "&disableSecureDataChannelDefaults=true&execProt=P"), CONTENT, Exchange.FILE_NAME, "p.bin");
        assertThat(EXPLICIT.file("given/p.bin")).hasBinaryContent(CONTENT);
        assertThat(EXPLICIT.commands()).containsSubsequence("PBSZ 0", "PROT P");
    }

    @Test
    void execProtCProtectsOnlyTheControlConnection() {
        context.getRegistry().bind("tls", trusting(EXPLICIT));
        template.sendBodyAndHeader(ftps(EXPLICIT, "clear", "sslContextParameters=#tls&execProt=C"), CONTENT,
                Exchange.FILE_NAME, "c.bin");
        assertThat(EXPLICIT.file("clear/c.bin")).hasBinaryContent(CONTENT);
        assertThat(EXPLICIT.commands()).containsSubsequence("AUTH TLS", "PBSZ 0", "PROT C")
                .doesNotContain("PROT P");
    }

    @Test
    void aCertificateForAnotherHostFailsWithAClearMessageUnlessVerifyHostnameIsOff() {
        context.getRegistry().bind("tls", trusting(OTHER_HOST));
        Throwable failure = catchFailure(ftps(OTHER_HOST, "h", "sslContextParameters=#tls"));
        assertThat(failure).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("does not name the host \"localhost\"")
                .hasMessageContaining("set verifyHostname=false if this certificate is trusted")
                .hasRootCauseInstanceOf(CertificateException.class);
        assertThat(OTHER_HOST.commands()).contains("AUTH TLS").doesNotContain("USER alice");

        template.sendBodyAndHeader(ftps(OTHER_HOST, "h", "sslContextParameters=#tls&verifyHostname=false"), "x",
                Exchange.FILE_NAME, "h.txt");
        assertThat(OTHER_HOST.file("h/h.txt")).hasContent("x");
    }

    @Test
    void aRefusedAuthFailsTheRouteAndNothingGoesInPlainText() {
        context.getRegistry().bind("tls", trusting(EXPLICIT));
        Throwable failure = catchFailure(ftps(PLAIN, "p", "sslContextParameters=#tls"));
        // Apache FtpServer without TLS answers 431; the connection is closed, USER and PASS are never sent
        assertThat(failure).isInstanceOf(FtpException.class)
                .hasMessage("431 Service is unavailable. (reply to AUTH TLS at localhost:" + PLAIN.port() + ")");
        assertThat(PLAIN.commands()).containsExactly("AUTH TLS");
        assertThat(PLAIN.file("p/f.txt")).doesNotExist();
    }

    @Test
    void securityProtocolChoosesTheTlsVersionWithoutSslContextParameters() {
        // the server speaks TLS 1.3 only: with TLSv1.2 the handshake fails on the version, before any
        // certificate is seen; with the default TLSv1.3 it gets as far as the (untrusted) certificate
        Throwable version = catchFailure(ftps(IMPLICIT, "v", "implicit=true&securityProtocol=TLSv1.2"));
        Throwable trust = catchFailure(ftps(IMPLICIT, "v", "implicit=true"));
        assertThat(version).isInstanceOf(SSLException.class)
                .hasMessageContaining("check securityProtocol or sslContextParameters");
        assertThat(trust).isInstanceOf(SSLException.class)
                .hasMessageContaining("the certificate is not trusted; set sslContextParameters");
        assertThatThrownBy(() -> context.getEndpoint(ftps(IMPLICIT, "v", "securityProtocol=TLSv9")))
                .hasStackTraceContaining("securityProtocol TLSv9 is not an SSLContext protocol of this JVM");
    }

    @Test
    void globalSslContextParametersAreUsedWhenEnabled() {
        context.setSSLContextParameters(trusting(EXPLICIT));
        context.getComponent("ftplibs", FtplibsComponent.class).setUseGlobalSslContextParameters(true);
        template.sendBodyAndHeader(ftps(EXPLICIT, "global", ""), "g", Exchange.FILE_NAME, "g.txt");
        assertThat(EXPLICIT.file("global/g.txt")).hasContent("g");
    }

    /** What a user does first: the component is found from the jar, with no registry binding, in a plain context. */
    @Test
    void plainContextUploadsAndConsumesWithMoveOverFtplibs() throws Exception {
        try (CamelContext plain = new DefaultCamelContext()) {
            // what a server certificate from a public CA would need: nothing; this test server's is self-signed
            plain.setSSLContextParameters(trusting(EXPLICIT));
            plain.getComponent("ftplibs", FtplibsComponent.class).setUseGlobalSslContextParameters(true);
            plain.start();
            String base = "ftplibs://alice@localhost:" + EXPLICIT.port() + "/in?password=RAW("
                    + EmbeddedFtpServerExtension.PASSWORD + ")";
            plain.createProducerTemplate().sendBodyAndHeader(base, "secured", Exchange.FILE_NAME, "s.txt");
            String body = plain.createConsumerTemplate().receiveBody(base + "&move=.done", 10_000, String.class);
            assertThat(body).isEqualTo("secured");
        }
        assertThat(EXPLICIT.file("in/.done/s.txt")).hasContent("secured");
        assertThat(EXPLICIT.commands()).contains("AUTH TLS", "PROT P");
    }

    @Test
    void theSslContextIsBuiltForEachConnectionSoChangedTrustAppliesWithoutRestart() {
        SSLContextParameters parameters = trusting(OTHER_HOST);
        context.getRegistry().bind("tls", parameters);
        String uri = ftps(EXPLICIT, "reload", "sslContextParameters=#tls");
        assertThat(catchFailure(uri)).hasMessageContaining("the certificate is not trusted");
        // what a reloaded SSL bundle does: same parameters object, new trust material
        parameters.setTrustManagers(trusting(EXPLICIT).getTrustManagers());
        template.sendBodyAndHeader(uri, "r", Exchange.FILE_NAME, "r.txt");
        assertThat(EXPLICIT.file("reload/r.txt")).hasContent("r");
    }

    @Test
    void execPbszOtherThanZeroIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint(ftps(EXPLICIT, "z", "execPbsz=1024")))
                .rootCause().hasMessage("execPbsz must be 0: RFC 4217 section 9 allows only PBSZ 0 over TLS, "
                        + "was 1024");
    }

    /** Uploads f.txt and returns the engine's failure under Camel's wrapping. */
    private Throwable catchFailure(String uri) {
        Exchange result = template.request(uri, e -> {
            e.getIn().setBody("f");
            e.getIn().setHeader(Exchange.FILE_NAME, "f.txt");
        });
        Throwable failure = result.getException();
        assertThat(failure).as("the upload to " + uri + " must fail").isNotNull();
        return failure.getCause() == null ? failure : failure.getCause();
    }
}

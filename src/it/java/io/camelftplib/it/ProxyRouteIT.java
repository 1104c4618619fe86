package io.camelftplib.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpProxyException;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ftplib:} and {@code ftplibs:} endpoints through real proxies (tinyproxy, microsocks) to vsftpd: a producer
 * uploads, a consumer downloads, the bytes are equal; a wrong proxyPassword fails with the proxy named.
 */
@Timeout(120)
class ProxyRouteIT {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (ItProxy proxy : ItProxy.all()) {
            cases.add(Arguments.of(proxy, "ftplib"));
            cases.add(Arguments.of(proxy, "ftplibs"));
        }
        return cases.stream();
    }

    static Stream<ItProxy> proxiesWithLogin() {
        return ItProxy.all().stream().filter(p -> p.user() != null);
    }

    @ParameterizedTest(name = "{1} through {0}")
    @MethodSource("cases")
    void routesUploadAndDownloadThroughTheProxy(ItProxy proxy, String scheme) throws Exception {
        ItServer server = ItServer.real("vsftpd");
        proxy.assumeReachable();
        server.assumeReachable(server.port(), "control port");
        String directory = ItClients.uniqueName("proxy-route").replace(".bin", "");
        byte[] content = new byte[200_000];
        new Random(1414).nextBytes(content);
        content[0] = 0x00;
        content[1] = (byte) 0xFF;
        try (CamelContext context = context(server)) {
            String uri = uri(scheme, server, directory, proxy, proxy.password());
            ProducerTemplate producer = context.createProducerTemplate();
            producer.sendBodyAndHeader(uri, content, Exchange.FILE_NAME, "a b é.bin");
            ConsumerTemplate consumer = context.createConsumerTemplate();
            byte[] back = consumer.receiveBody(uri + "&delete=true&initialDelay=0", 30_000, byte[].class);
            assertThat(back).isEqualTo(content);
        }
        try (Ftp ftp = ItClients.login(server, new Mode(null, true))) {
            assertThat(ftp.nlst(directory)).filteredOn(name -> !name.matches(".*/\\.\\.?")).isEmpty();
            ftp.rmd(directory);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proxiesWithLogin")
    void aWrongProxyPasswordFailsTheProducerNamingTheProxy(ItProxy proxy) throws Exception {
        ItServer server = ItServer.real("vsftpd");
        proxy.assumeReachable();
        server.assumeReachable(server.port(), "control port");
        try (CamelContext context = context(server)) {
            String uri = uri("ftplib", server, "proxy-denied", proxy, proxy.password() + "-wrong")
                    + "&maximumReconnectAttempts=0";
            ProducerTemplate producer = context.createProducerTemplate();
            assertThatThrownBy(() -> producer.sendBodyAndHeader(uri, "x", Exchange.FILE_NAME, "x.txt"))
                    .rootCause()
                    .isExactlyInstanceOf(FtpProxyException.class)
                    .hasMessageContaining(proxy.host() + ":" + proxy.port())
                    .hasMessageContaining("check the proxy username and password");
        }
    }

    private static CamelContext context(ItServer server) throws Exception {
        CamelContext context = new DefaultCamelContext();
        SSLContextParameters trust = new SSLContextParameters() {
            @Override
            public javax.net.ssl.SSLContext createSSLContext(CamelContext camelContext) {
                return server.trustContext();
            }
        };
        context.getRegistry().bind("trust", trust);
        context.start();
        return context;
    }

    private static String uri(String scheme, ItServer server, String directory, ItProxy proxy, String password) {
        return scheme + "://" + server.host() + ":" + server.port() + "/" + directory
                + "?username=" + server.user() + "&password=RAW(" + server.password() + ")"
                + "&proxyType=" + proxy.type().name().toLowerCase(java.util.Locale.ROOT)
                + "&proxyHost=" + proxy.host() + "&proxyPort=" + proxy.port()
                + (proxy.user() == null ? "" : "&proxyUsername=" + proxy.user() + "&proxyPassword=RAW(" + password + ")")
                + ("ftplibs".equals(scheme) ? "&sslContextParameters=#trust" : "");
    }
}

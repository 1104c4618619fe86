package io.camelftplib.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;

import io.camelftplib.ftplib.Ftp;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A producer route and a consumer route together on one server port that requires TLS session reuse (vsftpd
 * {@code require_ssl_reuse=YES}, ProFTPD without {@code NoSessionReuseRequired}), as a Spring Boot app with one
 * SSL bundle has them: both endpoints take their context from one {@link SSLContextParameters} that hands out one
 * shared {@link SSLContext}, each endpoint with its own connections ({@code maxConnections} 1 and 3). Files go up
 * in bursts with idle gaps between them while the consumer polls, downloads and deletes them; every delivery must
 * succeed and every byte arrive.
 *
 * <p>vsftpd on TLS 1.2 is left out: JSSE drops its TLS 1.2 session tickets, so no data connection can resume there
 * (shown by {@code FtpsIT#severalUploadsThenADownloadOnTheReusePort}); {@link #tls12OnVsftpdFailsNamingWhatToSet}
 * asserts what the route's error then tells the user to set.
 */
@Timeout(300)
@ExtendWith(InteropReport.class)
class TlsReuseRoutesIT {

    /**
     * Whether this JVM runs with TLS 1.2 session tickets off (a failsafe execution of its own): the one setting with
     * which JSSE resumes vsftpd's TLS 1.2 sessions, read by the JDK once per JVM.
     */
    private static final boolean TICKETS_OFF =
            "false".equals(System.getProperty("jdk.tls.client.enableSessionTicketExtension"));


    private static final int BURSTS = 5;
    private static final int FILES_PER_BURST = 10;
    private static final Duration IDLE_GAP = Duration.ofSeconds(3);

    @TempDir
    Path target;

    record Setup(String version, int connections) {
        @Override
        public String toString() {
            return version + ", maxConnections=" + connections;
        }
    }

    static Stream<Arguments> cases() {
        List<Setup> setups = List.of(new Setup("TLSv1.2", 1), new Setup("TLSv1.3", 1), new Setup("TLSv1.2", 3),
                new Setup("TLSv1.3", 3));
        return Stream.of(ItServer.real("vsftpd"), ItServer.real("proftpd"))
                .flatMap(server -> setups.stream().map(setup -> Arguments.of(server, setup)));
    }

    @Interop("reuse-required port: producer + consumer routes, one shared SSLContext, 50 files in 5 bursts")
    @AcrossServers
    void producerAndConsumerDeliverEveryFileAcrossIdleGaps(ItServer server, Setup setup) throws Exception {
        boolean vsftpdTls12 = server.name().equals("vsftpd") && setup.version().equals("TLSv1.2");
        Assumptions.assumeTrue(!vsftpdTls12 || TICKETS_OFF, "vsftpd's TLS 1.2 tickets cannot be resumed by JSSE with "
                + "its defaults; the failsafe execution with -Djdk.tls.client.enableSessionTicketExtension=false runs "
                + "this case");
        Assumptions.assumeTrue(vsftpdTls12 || !TICKETS_OFF, "runs in the execution with the JDK's default settings");
        server.assumeReachable(server.reusePort(), "port requiring TLS session reuse");
        String directory = ItClients.uniqueName("routes").replace(".bin", "");
        mkd(server, directory);
        AtomicInteger consumerFailures = new AtomicInteger();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        Map<String, byte[]> sent = new HashMap<>();
        int producerFailures = 0;
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("bundle", sharedContext(server, setup.version()));
            String uri = "ftplibs://" + server.host() + ":" + server.reusePort() + "/" + directory + "?username="
                    + server.user() + "&password=RAW(" + server.password() + ")&sslContextParameters=#bundle"
                    + "&maxConnections=" + setup.connections();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(Exception.class).handled(true).process(e -> {
                        consumerFailures.incrementAndGet();
                        firstFailure.compareAndSet(null, e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
                    });
                    from("direct:upload").routeId("producer").to(uri + "&tempFileName=${file:name}.part");
                    // the producer writes under a temporary name and renames, so the consumer sees whole files
                    from(uri + "&delete=true&delay=200&bridgeErrorHandler=true&antExclude=*.part")
                            .routeId("consumer")
                            .to("file:" + target);
                }
            });
            NotifyBuilder all = new NotifyBuilder(context).fromRoute("consumer")
                    .whenCompleted(BURSTS * FILES_PER_BURST).create();
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            for (int burst = 0; burst < BURSTS; burst++) {
                for (int i = 0; i < FILES_PER_BURST; i++) {
                    String name = "b" + burst + "-f" + i + ".bin";
                    byte[] content = FtpServersIT.binaryContent(20_000 + burst * 1009 + i * 7919);
                    sent.put(name, content);
                    Exchange result = template.send("direct:upload", e -> {
                        e.getIn().setHeader(Exchange.FILE_NAME, name);
                        e.getIn().setBody(content);
                    });
                    if (result.getException() != null) {
                        producerFailures++;
                        firstFailure.compareAndSet(null, result.getException());
                    }
                }
                // an idle gap: the producer's connections sit idle while the consumer polls and drains the burst
                Instant gapEnds = Instant.now().plus(IDLE_GAP);
                await().pollDelay(IDLE_GAP).atMost(IDLE_GAP.multipliedBy(3))
                        .until(() -> !Instant.now().isBefore(gapEnds));
            }
            assertThat(producerFailures).as("failed uploads, first: %s", firstFailure.get()).isZero();
            assertThat(all.matches(120, TimeUnit.SECONDS)).as("all files consumed, first failure: %s",
                    firstFailure.get()).isTrue();
            assertThat(consumerFailures.get()).as("failed deliveries, first: %s", firstFailure.get()).isZero();
        } catch (AssertionError | Exception failure) {
            // the delivery failure matters, not a directory the failure left full
            try {
                cleanUp(server, directory);
            } catch (Exception cleanupFailure) {
                failure.addSuppressed(cleanupFailure);
            }
            throw failure;
        }
        cleanUp(server, directory);
        for (Map.Entry<String, byte[]> file : sent.entrySet()) {
            assertThat(Files.readAllBytes(target.resolve(file.getKey()))).as(file.getKey())
                    .isEqualTo(file.getValue());
        }
        InteropReport.note(BURSTS * FILES_PER_BURST + " files, 0 failed");
    }

    /**
     * vsftpd's TLS 1.2 sessions cannot be resumed by JSSE with its default settings: the route's failure says,
     * in the endpoint's and Spring Boot's terms, what to set instead.
     */
    @org.junit.jupiter.api.Test
    void tls12OnVsftpdFailsNamingWhatToSet() throws Exception {
        Assumptions.assumeFalse(TICKETS_OFF, "with session tickets off vsftpd's TLS 1.2 sessions resume");
        ItServer server = ItServer.real("vsftpd");
        server.assumeReachable(server.reusePort(), "port requiring TLS session reuse");
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("bundle", sharedContext(server, "TLSv1.2"));
            context.start();
            String uri = "ftplibs://" + server.host() + ":" + server.reusePort() + "/?username=" + server.user()
                    + "&password=RAW(" + server.password() + ")&sslContextParameters=#bundle&fileExist=Override";
            String name = ItClients.uniqueName("tls12");
            Exchange result = context.createProducerTemplate().send(uri, e -> {
                e.getIn().setHeader(Exchange.FILE_NAME, name);
                e.getIn().setBody(new byte[] {1, 2, 3});
            });
            assertThat(result.getException()).isNotNull();
            assertThat(result.getException().getMessage()).contains("522 SSL connection failed: session reuse required")
                    .contains("did not resume the control connection's TLSv1.2 session")
                    .contains("let sslContextParameters offer TLSv1.3")
                    .contains("spring.ssl.bundle.<type>.<name>.options.enabled-protocols")
                    .doesNotContain("FtpTls.");
            try (Ftp cleanup = ItClients.login(server, new Mode(null, true))) {
                ItClients.deleteQuietly(cleanup, name);
            }
        }
    }

    /** One context for every connection of both routes, limited to one TLS version, as an SSL bundle gives. */
    private static SSLContextParameters sharedContext(ItServer server, String version) {
        SSLContextParameters parameters = new SSLContextParameters() {
            private SSLContext shared;

            @Override
            public synchronized SSLContext createSSLContext(CamelContext camelContext)
                    throws java.security.GeneralSecurityException, java.io.IOException {
                if (shared == null) {
                    shared = super.createSSLContext(camelContext);
                }
                return shared;
            }
        };
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(trustManager(server));
        parameters.setTrustManagers(trust);
        SecureSocketProtocolsParameters protocols = new SecureSocketProtocolsParameters();
        protocols.setSecureSocketProtocol(List.of(version));
        parameters.setSecureSocketProtocols(protocols);
        return parameters;
    }

    private static javax.net.ssl.TrustManager trustManager(ItServer server) {
        try {
            javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            Path cert = ItServer.itDir().resolve(server.name()).resolve("cert.pem");
            try (java.io.InputStream in = Files.newInputStream(cert)) {
                store.setCertificateEntry("server", java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificate(in));
            }
            factory.init(store);
            return factory.getTrustManagers()[0];
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + server, e);
        }
    }

    private static void mkd(ItServer server, String directory) throws Exception {
        try (Ftp ftp = ItClients.login(server, new Mode(null, true))) {
            ftp.mkd(directory);
        }
    }

    private static void cleanUp(ItServer server, String directory) throws Exception {
        try (Ftp ftp = ItClients.login(server, new Mode(null, true))) {
            for (String name : ftp.nlst(directory)) {
                if (!name.matches(".*/\\.\\.?")) {
                    ItClients.deleteQuietly(ftp, name.contains("/") ? name : directory + "/" + name);
                }
            }
            ftp.rmd(directory);
        }
    }
}

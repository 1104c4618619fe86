package io.camelftplib.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLEngine;

import io.camelftplib.camel.FtplibComponent;
import io.camelftplib.camel.FtplibsComponent;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The auto-configurations on their own: when they apply, how properties reach the components, and how an SSL
 * bundle becomes the ftplibs component's TLS material (switched by one property, reloaded without restart).
 */
@Timeout(120)
class FtplibComponentAutoConfigurationTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER_A = EmbeddedFtpServerExtension.explicitTls();
    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER_B = EmbeddedFtpServerExtension.explicitTls();
    /** A trusted certificate that names another host than the one connected to. */
    @RegisterExtension
    static final EmbeddedFtpServerExtension OTHER_NAME = EmbeddedFtpServerExtension.explicitTls()
            .withCertificateNames("dns:other.example");

    @TempDir
    static Path certificates;
    static Path certificateA;
    static Path certificateB;
    static Path certificateOtherName;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    FtplibComponentAutoConfiguration.class, FtplibsComponentAutoConfiguration.class,
                    SslAutoConfiguration.class));

    @BeforeAll
    static void writeServerCertificates() throws IOException {
        certificateA = Pem.writeCertificate(SERVER_A.keyStore(), certificates.resolve("a.crt"));
        certificateB = Pem.writeCertificate(SERVER_B.keyStore(), certificates.resolve("b.crt"));
        certificateOtherName = Pem.writeCertificate(OTHER_NAME.keyStore(), certificates.resolve("other.crt"));
    }

    @Test
    void propertiesReachBothComponents() {
        runner.withPropertyValues("camel.component.ftplib.lazy-start-producer=true",
                "camel.component.ftplib.autowired-enabled=false",
                "camel.component.ftplibs.bridge-error-handler=true",
                "camel.component.ftplibs.health-check-consumer-enabled=false",
                "camel.component.ftplibs.health-check-producer-enabled=false",
                "camel.component.ftplibs.use-global-ssl-context-parameters=true").run(context -> {
                    FtplibComponent ftplib = component(context, "ftplib", FtplibComponent.class);
                    FtplibsComponent ftplibs = component(context, "ftplibs", FtplibsComponent.class);
                    assertThat(ftplib.isLazyStartProducer()).isTrue();
                    assertThat(ftplib.isAutowiredEnabled()).isFalse();
                    assertThat(ftplib.isBridgeErrorHandler()).isFalse();
                    assertThat(ftplibs.isBridgeErrorHandler()).isTrue();
                    assertThat(ftplibs.isLazyStartProducer()).isFalse();
                    assertThat(ftplibs.isHealthCheckConsumerEnabled()).isFalse();
                    assertThat(ftplibs.isHealthCheckProducerEnabled()).isFalse();
                    assertThat(ftplibs.isUseGlobalSslContextParameters()).isTrue();
                    assertThat(ftplibs.getSslContextParameters()).isNull();
                });
    }

    @Test
    void disabledComponentKeepsItsDefaultsAndTheOtherIsStillConfigured() {
        runner.withPropertyValues("camel.component.ftplibs.enabled=false",
                "camel.component.ftplibs.lazy-start-producer=true",
                "camel.component.ftplib.lazy-start-producer=true").run(context -> {
                    assertThat(context).doesNotHaveBean("configureFtplibsComponent");
                    assertThat(context).hasBean("configureFtplibComponent");
                    assertThat(component(context, "ftplibs", FtplibsComponent.class).isLazyStartProducer()).isFalse();
                    assertThat(component(context, "ftplib", FtplibComponent.class).isLazyStartProducer()).isTrue();
                });
    }

    @Test
    void customizerSwitchedOffLeavesTheComponentAlone() {
        runner.withPropertyValues("camel.component.ftplib.customizer.enabled=false",
                "camel.component.ftplib.lazy-start-producer=true").run(context ->
                assertThat(component(context, "ftplib", FtplibComponent.class).isLazyStartProducer()).isFalse());
    }

    @Test
    void nothingWithoutCamel() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FtplibComponentAutoConfiguration.class,
                        FtplibsComponentAutoConfiguration.class, SslAutoConfiguration.class))
                .withPropertyValues("camel.component.ftplibs.ssl-bundle=a")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean("configureFtplibComponent");
                    assertThat(context).doesNotHaveBean(SslBundleContextParameters.class);
                });
    }

    @Test
    void noBundleParametersWithoutTheProperty() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(SslBundleContextParameters.class);
            assertThat(component(context, "ftplibs", FtplibsComponent.class).getSslContextParameters()).isNull();
        });
    }

    @Test
    void unknownBundleNameFailsStartupNamingIt() {
        runner.withPropertyValues("camel.component.ftplibs.ssl-bundle=nosuchbundle").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("SSL bundle name 'nosuchbundle' cannot be found");
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("camel.component.ftplibs.ssl-bundle names the SSL bundle "
                            + "'nosuchbundle', which is not defined");
        });
    }

    @Test
    void sslContextParametersBeanReferenceIsBound() {
        SSLContextParameters mine = new SSLContextParameters();
        runner.withBean("myTls", SSLContextParameters.class, () -> mine)
                .withPropertyValues("camel.component.ftplibs.ssl-context-parameters=#bean:myTls")
                .run(context -> assertThat(component(context, "ftplibs", FtplibsComponent.class)
                        .getSslContextParameters()).isSameAs(mine));
    }

    @Test
    void bundleBecomesTheComponentsTlsWithItsProtocolsAndCiphers() {
        runner.withPropertyValues(bundle("a", certificateA),
                "spring.ssl.bundle.pem.a.options.enabled-protocols=TLSv1.2",
                "spring.ssl.bundle.pem.a.options.ciphers=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "camel.component.ftplibs.ssl-bundle=a").run(context -> {
                    FtplibsComponent ftplibs = component(context, "ftplibs", FtplibsComponent.class);
                    assertThat(ftplibs.getSslContextParameters()).isSameAs(
                            context.getBean(SslBundleContextParameters.class));
                    SSLEngine engine = ftplibs.getSslContextParameters()
                            .createSSLContext(context.getBean(CamelContext.class)).createSSLEngine("127.0.0.1", 21);
                    assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.2");
                    assertThat(engine.getEnabledCipherSuites()).containsExactly("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
                    // and the server accepts what is left: the upload goes through over TLS 1.2
                    upload(context, SERVER_A, "tls12.txt", "over TLS 1.2");
                    assertThat(SERVER_A.file("tls12.txt")).hasContent("over TLS 1.2");
                });
    }

    @Test
    void hostNamesStayVerifiedWithABundle() {
        runner.withPropertyValues(bundle("other", certificateOtherName), "camel.component.ftplibs.ssl-bundle=other")
                .run(context -> {
                    ProducerTemplate template = context.getBean(CamelContext.class).createProducerTemplate();
                    assertThatThrownBy(() -> template.requestBodyAndHeader(uri(OTHER_NAME), "x", Exchange.FILE_NAME,
                            "wrong-name.txt"))
                            .isInstanceOf(CamelExecutionException.class)
                            .hasStackTraceContaining("does not name the host \"127.0.0.1\"");
                    assertThat(OTHER_NAME.file("wrong-name.txt")).doesNotExist();
                });
    }

    @Test
    void oneBundlePropertySwitchesWhichServerIsTrusted() {
        String[] bundles = {bundle("a", certificateA), bundle("b", certificateB)};
        runner.withPropertyValues(bundles).withPropertyValues("camel.component.ftplibs.ssl-bundle=a").run(context -> {
            upload(context, SERVER_A, "switch-a.txt", "trusted A");
            assertThat(SERVER_A.file("switch-a.txt")).hasContent("trusted A");
            assertUntrusted(context, SERVER_B);
        });
        runner.withPropertyValues(bundles).withPropertyValues("camel.component.ftplibs.ssl-bundle=b").run(context -> {
            upload(context, SERVER_B, "switch-b.txt", "trusted B");
            assertThat(SERVER_B.file("switch-b.txt")).hasContent("trusted B");
            assertUntrusted(context, SERVER_A);
        });
    }

    @Test
    void rewrittenPemFilesReachTheNextConnectionWithoutRestart() throws IOException {
        Path client = Files.copy(certificateA, certificates.resolve("client.crt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        runner.withPropertyValues(bundle("client", client),
                "spring.ssl.bundle.pem.client.reload-on-update=true",
                "spring.ssl.bundle.watch.file.quiet-period=100ms",
                "camel.component.ftplibs.ssl-bundle=client").run(context -> {
                    upload(context, SERVER_A, "before-reload.txt", "A");
                    assertUntrusted(context, SERVER_B);

                    Pem.writeCertificate(SERVER_B.keyStore(), client);

                    await("the reloaded bundle trusts server B").atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(200))
                            .ignoreException(CamelExecutionException.class)
                            .untilAsserted(() -> upload(context, SERVER_B, "after-reload.txt", "B"));
                    assertThat(SERVER_B.file("after-reload.txt")).hasContent("B");
                });
    }

    private static String bundle(String name, Path certificate) {
        return "spring.ssl.bundle.pem." + name + ".truststore.certificate=" + certificate.toUri();
    }

    private static void upload(AssertableApplicationContext context, EmbeddedFtpServerExtension server, String name,
                               String body) {
        ProducerTemplate template = context.getBean(CamelContext.class).createProducerTemplate();
        template.sendBodyAndHeader(uri(server), body.getBytes(StandardCharsets.UTF_8), Exchange.FILE_NAME, name);
        // sendBody... reports failures on the exchange; requestBody would too, so check the file's arrival instead
        assertThat(server.file(name)).hasContent(body);
    }

    private static void assertUntrusted(AssertableApplicationContext context, EmbeddedFtpServerExtension server) {
        ProducerTemplate template = context.getBean(CamelContext.class).createProducerTemplate();
        assertThatThrownBy(() -> template.requestBodyAndHeader(uri(server), "x", Exchange.FILE_NAME, "untrusted.txt"))
                .isInstanceOf(CamelExecutionException.class)
                .hasStackTraceContaining("TLS handshake failed")
                .hasStackTraceContaining("not trusted")
                .hasStackTraceContaining("127.0.0.1:" + server.port());
    }

    private static String uri(EmbeddedFtpServerExtension server) {
        return "ftplibs://" + EmbeddedFtpServerExtension.USER + "@127.0.0.1:" + server.port() + "/?password="
                + EmbeddedFtpServerExtension.PASSWORD + "&maximumReconnectAttempts=0";
    }

    private static <T extends org.apache.camel.Component> T component(AssertableApplicationContext context, String name, Class<T> type) {
        return context.getBean(CamelContext.class).getComponent(name, type);
    }
}

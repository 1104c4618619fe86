package io.camelftplib.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.actuate.health.CamelHealthCheckAutoConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The producer health check finds a server that went away, or TLS material that cannot be loaded, by connecting
 * itself at most once per {@code health-check-producer-interval}: no exchange is ever sent in these tests.
 */
@Timeout(120)
class ProducerHealthCheckTest {

    private static final long INTERVAL = 300;

    @RegisterExtension
    static final EmbeddedFtpServerExtension TLS = EmbeddedFtpServerExtension.explicitTls();

    @TempDir
    static Path certificates;
    static Path certificate;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    CamelHealthCheckAutoConfiguration.class, FtplibComponentAutoConfiguration.class,
                    FtplibsComponentAutoConfiguration.class, SslAutoConfiguration.class))
            .withPropertyValues("camel.health.producers-enabled=true",
                    "camel.component.ftplib.health-check-producer-interval=" + INTERVAL,
                    "camel.component.ftplibs.health-check-producer-interval=" + INTERVAL);

    @BeforeAll
    static void writeCertificate() throws IOException {
        certificate = Pem.writeCertificate(TLS.keyStore(), certificates.resolve("server.crt"));
    }

    @Test
    void goesDownWithinItsIntervalWhenTheServerStopsWithoutAnyExchange() throws Exception {
        EmbeddedFtpServerExtension server = EmbeddedFtpServerExtension.plain().withoutSessionLeakCheck();
        server.start();
        try {
            String uri = "ftplib://alice@127.0.0.1:" + server.port() + "/out";
            runner.withBean(RouteBuilder.class, () -> route(uri + "?password=" + EmbeddedFtpServerExtension.PASSWORD
                    + "&connectTimeout=2000")).run(context -> {
                        HealthCheck check = producerCheck(context, uri);
                        await("UP while the server runs").atMost(Duration.ofSeconds(10))
                                .untilAsserted(() -> assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP));
                        assertThat(server.commands()).as("the probe logged in, and sent nothing").contains("USER alice")
                                .noneMatch(command -> command.startsWith("STOR"));

                        server.stop();
                        long stopped = System.nanoTime();
                        await("DOWN within the interval").atMost(Duration.ofMillis(INTERVAL + 2_000))
                                .pollInterval(Duration.ofMillis(50))
                                .untilAsserted(() -> assertThat(check.call().getState())
                                        .isEqualTo(HealthCheck.State.DOWN));
                        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(3));
                        HealthCheck.Result down = check.call();
                        assertThat(down.getMessage()).hasValueSatisfying(message -> assertThat(message)
                                .startsWith("Cannot connect on " + uri.replace("/out", "") + ": "));
                    });
        } finally {
            // the test stops it itself; this is for a failure before that
            if (Files.exists(server.home())) {
                server.stop();
            }
        }
    }

    @Test
    void goesDownWhenTheBundlesSslContextCannotBeLoaded() {
        String uri = "ftplibs://alice@127.0.0.1:" + TLS.port() + "/out";
        runner.withPropertyValues("spring.ssl.bundle.pem.server.truststore.certificate=" + certificate.toUri(),
                "camel.component.ftplibs.ssl-bundle=server")
                .withBean(RouteBuilder.class, () -> route(uri + "?password=" + EmbeddedFtpServerExtension.PASSWORD))
                .run(context -> {
                    HealthCheck check = producerCheck(context, uri);
                    await("UP with the bundle's trust").atMost(Duration.ofSeconds(10))
                            .untilAsserted(() -> assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP));

                    // a reload whose material cannot make a context (here: a protocol the JVM does not have)
                    DefaultSslBundleRegistry registry = context.getBean(DefaultSslBundleRegistry.class);
                    SslBundle good = registry.getBundle("server");
                    registry.updateBundle("server", SslBundle.of(good.getStores(), good.getKey(), good.getOptions(),
                            "NoSuchTLS"));

                    await("DOWN within the interval").atMost(Duration.ofMillis(INTERVAL + 2_000))
                            .pollInterval(Duration.ofMillis(50))
                            .untilAsserted(() -> assertThat(check.call().getState())
                                    .isEqualTo(HealthCheck.State.DOWN));
                    assertThat(check.call().getMessage()).hasValueSatisfying(message -> assertThat(message)
                            .contains("The TLS material of the SSL bundle 'server'")
                            .contains("Could not load SSL context"));
                });
    }

    private static RouteBuilder route(String to) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("send").to(to);
            }
        };
    }

    private static HealthCheck producerCheck(AssertableApplicationContext context, String uri) {
        CamelContext camel = context.getBean(CamelContext.class);
        String id = "producer:" + uri;
        await("the producer's check registered").atMost(Duration.ofSeconds(10)).until(() -> find(camel, id) != null);
        return find(camel, id);
    }

    private static HealthCheck find(CamelContext camel, String id) {
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(camel, "producers");
        return producers == null ? null
                : producers.stream().filter(c -> c.getId().equals(id)).findFirst().orElse(null);
    }
}

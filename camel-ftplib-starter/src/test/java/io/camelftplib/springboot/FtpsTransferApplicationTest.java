package io.camelftplib.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.LoggingExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End to end in a Spring Boot application: files move from a local inbox over FTPS to the embedded server and back
 * to a local outbox, TLS from a PEM SSL bundle, and the actuator's health shows each route's connection, DOWN with
 * the server and user for a route whose login is refused.
 */
@SpringBootTest(properties = {
        "camel.component.ftplibs.ssl-bundle=server",
        "camel.health.producers-enabled=true",
        "camel.health.exposure-level=full",
        "camel.health.async-camel-health-check=false",
        "management.endpoint.health.show-details=always",
        "management.endpoint.health.show-components=always"})
@Timeout(120)
class FtpsTransferApplicationTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.explicitTls()
            // the application keeps its connections open between tests
            .withoutSessionLeakCheck();

    @TempDir
    static Path work;

    @Autowired
    HealthEndpoint health;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path certificate = Pem.writeCertificate(SERVER.keyStore(), work.resolve("server.crt"));
        registry.add("spring.ssl.bundle.pem.server.truststore.certificate", () -> certificate.toUri().toString());
        String server = "ftplibs://" + EmbeddedFtpServerExtension.USER + "@127.0.0.1:" + SERVER.port() + "/in";
        registry.add("test.server", () -> server);
        registry.add("test.password", () -> EmbeddedFtpServerExtension.PASSWORD);
        registry.add("test.inbox", () -> work.resolve("inbox").toString());
        registry.add("test.outbox", () -> work.resolve("outbox").toString());
        registry.add("test.wrong-login", () -> "ftplibs://mallory@127.0.0.1:" + SERVER.port() + "/in");
    }

    @Test
    void filesGoUpOverFtpsAndComeBackByteForByte() throws IOException {
        byte[] content = new byte[256 * 1024 + 7];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + (i >> 8));
        }
        content[0] = 0x00;
        content[1] = (byte) 0xFF;
        content[2] = '\r';
        content[3] = '\n';
        String name = "naïve report 1.bin";
        Files.createDirectories(work.resolve("inbox"));
        Path staged = Files.write(work.resolve(name), content);
        Files.move(staged, work.resolve("inbox").resolve(name));

        Path arrived = work.resolve("outbox").resolve(name);
        await("the file back in the outbox").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(arrived).exists().hasBinaryContent(content));
        await("the server copy moved to .done").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(SERVER.file("in/.done/" + name)).hasBinaryContent(content));
    }

    @Test
    void healthShowsEachConnectionUpOrDownWithServerAndUser() {
        await("health of every ftplibs consumer and producer").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> details = camelHealth().getDetails();
            assertThat(details).containsEntry("consumer:download", "UP");
            assertThat(details).containsEntry("consumer:wrongLogin", "DOWN");
            assertThat(details.toString()).contains("ftplibs://mallory@127.0.0.1:" + SERVER.port())
                    .contains("530");
        });
        // the upload route's producer registers its check once started; it stays UP while it can log in
        assertThat(camelHealth().getDetails()).containsEntry(
                "producer:ftplibs://alice@127.0.0.1:" + SERVER.port() + "/in", "UP");
    }

    private IndicatedHealthDescriptor camelHealth() {
        return (IndicatedHealthDescriptor) health.healthForPath("camelHealth");
    }

    /** The application under test: two routes moving files, and one whose login the server refuses. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("file:{{test.inbox}}").routeId("upload")
                            .to("{{test.server}}?password={{test.password}}");
                    from("{{test.server}}?password={{test.password}}&move=.done&readLock=changed"
                            + "&readLockCheckInterval=200&delay=200").routeId("download")
                            .to("file:{{test.outbox}}");
                    from("{{test.wrong-login}}?password=wrong&maximumReconnectAttempts=0&delay=500"
                            + "&exceptionHandler=#wrongLoginFailures")
                            .routeId("wrongLogin").to("log:never");
                }
            };
        }

        /** The refused polls are the point of that route: the health check reports them, the log need not. */
        @Bean
        ExceptionHandler wrongLoginFailures(CamelContext camel) {
            return new LoggingExceptionHandler(camel, FtpsTransferApplicationTest.class, LoggingLevel.OFF);
        }
    }
}

package io.camelftplib.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What a Boot user reads about an SSL bundle: one INFO line when its TLS material is reloaded, and a refused
 * certificate explained with the bundle's name and the property naming its file, not with endpoint options or
 * engine methods.
 */
@Timeout(60)
class SslBundleMessagesTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER_A = EmbeddedFtpServerExtension.explicitTls();
    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER_B = EmbeddedFtpServerExtension.explicitTls();

    @TempDir
    static Path certificates;
    static Path certificateB;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    FtplibComponentAutoConfiguration.class, FtplibsComponentAutoConfiguration.class,
                    SslAutoConfiguration.class));

    @BeforeAll
    static void writeCertificate() throws IOException {
        certificateB = Pem.writeCertificate(SERVER_B.keyStore(), certificates.resolve("b.crt"));
    }

    @Test
    void aReloadedBundleLogsExactlyOneInfoLine() {
        Logger logger = (Logger) LoggerFactory.getLogger(SslBundleContextParameters.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            runner.withPropertyValues(bundle("b"), "camel.component.ftplibs.ssl-bundle=b").run(context -> {
                assertThat(lines.list).isEmpty();
                DefaultSslBundleRegistry registry = context.getBean(DefaultSslBundleRegistry.class);
                registry.updateBundle("b", registry.getBundle("b"));

                assertThat(lines.list).hasSize(1);
                assertThat(lines.list.get(0).getLevel()).isEqualTo(Level.INFO);
                assertThat(lines.list.get(0).getFormattedMessage()).isEqualTo("SSL bundle 'b' was reloaded ("
                        + "spring.ssl.bundle.pem.b.truststore.certificate=" + certificateB.toUri()
                        + "): new ftplibs: connections use its new TLS material");
            });
        } finally {
            logger.detachAppender(lines);
        }
    }

    @Test
    void anUntrustedServerIsExplainedWithTheBundleAndItsFile() {
        runner.withPropertyValues(bundle("b"), "camel.component.ftplibs.ssl-bundle=b").run(context -> {
            String uri = "ftplibs://" + EmbeddedFtpServerExtension.USER + "@127.0.0.1:" + SERVER_A.port()
                    + "/?password=" + EmbeddedFtpServerExtension.PASSWORD + "&maximumReconnectAttempts=0";
            Exchange failed = context.getBean(CamelContext.class).createProducerTemplate().request(uri, e -> {
                e.getIn().setBody("x");
                e.getIn().setHeader(Exchange.FILE_NAME, "untrusted.txt");
            });
            assertThat(failed.getException())
                    .hasMessageContaining("the certificate is not trusted; add the server's certificate or its CA "
                            + "to the trust material of the SSL bundle 'b' (camel.component.ftplibs.ssl-bundle; "
                            + "spring.ssl.bundle.pem.b.truststore.certificate=" + certificateB.toUri() + ")")
                    .hasMessageNotContaining("sslContextParameters")
                    .hasMessageNotContaining("FtpTls");
        });
    }

    private static String bundle(String name) {
        return "spring.ssl.bundle.pem." + name + ".truststore.certificate=" + certificateB.toUri();
    }
}

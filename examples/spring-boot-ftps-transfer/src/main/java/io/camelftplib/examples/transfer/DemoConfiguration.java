package io.camelftplib.examples.transfer;

import java.io.IOException;
import java.util.Set;

import io.camelftplib.examples.support.EmbeddedFtpServer;
import io.camelftplib.examples.support.SampleInbox;
import io.camelftplib.springboot.SslBundleContextParameters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the demo: the embedded server (unless {@code demo.server.embedded=false}), an SSL bundle named
 * {@value #DEMO_BUNDLE} that trusts the embedded server's generated certificate (or, for a real server, the JDK's
 * default CAs), the server address, the startup login check, the inbox, and the routes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

    /** The SSL bundle application.properties names: the embedded server's certificate, or the JDK's CAs. */
    static final String DEMO_BUNDLE = "demo-server";
    /** The user the embedded server knows. */
    static final String EMBEDDED_USER = "demo";
    /** The embedded user's password. */
    static final String EMBEDDED_PASSWORD = "demo";

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "demo.server", name = "embedded", matchIfMissing = true)
    EmbeddedFtpServer embeddedFtpsServer() throws IOException {
        // fixed credentials, so a wrong demo.server.password shows what a refused login looks like
        return EmbeddedFtpServer.explicitTls(EMBEDDED_USER, EMBEDDED_PASSWORD);
    }

    @Bean
    SslBundleRegistrar embeddedServerBundle(ObjectProvider<EmbeddedFtpServer> embedded) {
        // a PEM bundle made from the certificate generated at startup: nothing on disk to configure or commit;
        // without the embedded server, no trust store: the JDK's default CAs, as for a public server
        return registry -> registry.registerBundle(DEMO_BUNDLE, embedded.stream().findFirst()
                .map(server -> SslBundle.of(new PemSslStoreBundle(null,
                        PemSslStoreDetails.forCertificate(server.certificatePem()))))
                .orElseGet(() -> SslBundle.of(SslStoreBundle.NONE)));
    }

    @Bean
    ServerAddress serverAddress(DemoProperties demo, ObjectProvider<EmbeddedFtpServer> embedded) {
        DemoProperties.Server server = demo.getServer();
        EmbeddedFtpServer local = embedded.getIfAvailable();
        return new ServerAddress(local != null ? "127.0.0.1" : server.getHost(),
                local != null ? local.port() : server.getPort(), server.getUsername(), server.getPassword(),
                server.getDirectory());
    }

    @Bean
    ServerCheck serverCheck(ServerAddress server, ObjectProvider<SslBundleContextParameters> tls) {
        return new ServerCheck(server, tls);
    }

    @Bean
    Completion completion() {
        return new Completion();
    }

    @Bean
    SampleInbox inbox(DemoProperties demo, Completion completion) throws IOException {
        SampleInbox inbox = new SampleInbox(demo.getSamples(), demo.getInbox(), demo.getLargeFile().toBytes());
        completion.expect(Set.copyOf(inbox.fill()));
        return inbox;
    }

    @Bean
    TransferRoutes transferRoutes(DemoProperties demo, ServerAddress server, Completion completion,
            SampleInbox inbox) {
        // depends on the inbox so the files are in place before the upload route starts polling
        return new TransferRoutes(demo, server, completion);
    }
}

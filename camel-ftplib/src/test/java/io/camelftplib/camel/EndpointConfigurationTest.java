package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Endpoint creation in a plain CamelContext: discovery from the jar, typed options, and refused options. */
@Timeout(60)
class EndpointConfigurationTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    private String base() {
        return "ftplib://" + EmbeddedFtpServerExtension.USER + "@localhost:" + SERVER.port();
    }

    @Test
    void plainContextFindsTheComponentsWithoutRegistryBinding() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate producer = context.createProducerTemplate();
            producer.sendBodyAndHeader(base() + "/plain?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")",
                    "via plain context", Exchange.FILE_NAME, "p.txt");
            ConsumerTemplate consumer = context.createConsumerTemplate();
            String body = consumer.receiveBody(base() + "/plain?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD
                    + ")&move=.done", 10_000, String.class);
            assertThat(body).isEqualTo("via plain context");
            assertThat(context.getComponent("ftplibs")).isInstanceOf(FtplibsComponent.class);
        }
        assertThat(SERVER.file("plain/.done/p.txt")).exists();
    }

    @Test
    void typedOptionsAreParsedOnce() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            FtplibEndpoint endpoint = context.getEndpoint(base() + "//abs/dir?password=RAW(x+y&z)&connectTimeout=5s"
                    + "&listing=MLSD&encoding=ISO-8859-1&passiveMode=false&binary=false", FtplibEndpoint.class);
            FtplibConfiguration config = endpoint.getConfiguration();
            assertThat(config.getDirectory()).isEqualTo("/abs/dir");
            assertThat(config.getPassword()).isEqualTo("x+y&z");
            assertThat(config.getConnectTimeout()).isEqualTo(5000);
            assertThat(config.getListing()).isEqualTo(FtplibListing.MLSD);
            assertThat(config.encodingCharset()).isEqualTo(StandardCharsets.ISO_8859_1);
            assertThat(config.isPassiveMode()).isFalse();
            assertThat(config.isBinary()).isFalse();
            assertThat(config.getUsername()).isEqualTo("alice");
            assertThat(config.getPort()).isEqualTo(SERVER.port());
        }
    }

    @Test
    void unsupportedOptionsAndValuesFailEndpointCreationWithAClearMessage() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("ftplib", new FtplibComponent());
            assertThatThrownBy(() -> context.getEndpoint(base() + "/in?appendChars=x"))
                    .hasMessageContaining("appendChars");
            assertThatThrownBy(() -> context.getEndpoint(base() + "/in?encoding=NO-SUCH-CHARSET"))
                    .hasRootCauseMessage("NO-SUCH-CHARSET");
            assertThatThrownBy(() -> context.getEndpoint(base() + "/in?chmod=999"))
                    .hasRootCauseMessage("chmod must be 3 or 4 octal digits such as 640, was '999'");
            assertThatThrownBy(() -> context.getEndpoint(base() + "/in?readLock=fileLock").createConsumer(e -> { }))
                    .hasMessageStartingWith("readLock=fileLock is not supported by ftplib: use none, rename or "
                            + "changed");
            assertThatThrownBy(() -> context.getEndpoint(base() + "/in?resumeDownload=true").createConsumer(e -> { }))
                    .hasMessage("resumeDownload needs localWorkDirectory: the partial file is kept there between "
                            + "attempts");
            assertThatThrownBy(() -> context.getEndpoint(base() + "/in?fileExist=Move").createProducer())
                    .hasMessageStartingWith("fileExist=Move needs the moveExisting option");
            assertThatThrownBy(() -> context.getEndpoint(base() + "/in?passiveMode=false&activePortRange=9-2"))
                    .hasRootCauseMessage("the active port range must satisfy 1 <= min <= max <= 65535, was 9-2");
            assertThatThrownBy(() -> context.getEndpoint(base() + "/in?passiveMode=false&activePortRange=9"))
                    .hasRootCauseMessage("the active port range must be min-max such as 60000-60100, was '9'");
            assertThatThrownBy(() -> context.getEndpoint("ftplib:/nohost"))
                    .hasMessageContaining("names no host");
        }
    }

    @Test
    void ftplibsEndpointTakesTlsOptionsAndVerifiesHostNamesByDefault() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            FtplibsEndpoint endpoint = context.getEndpoint("ftplibs://alice@localhost/in?execProt=C&execPbsz=0"
                    + "&securityProtocol=TLSv1.2&implicit=true", FtplibsEndpoint.class);
            FtplibsConfiguration config = endpoint.getConfiguration();
            assertThat(config.isVerifyHostname()).isTrue();
            assertThat(config.getExecProt()).isEqualTo("C");
            assertThat(config.isImplicit()).isTrue();
            assertThat(config.getSecurityProtocol()).isEqualTo("TLSv1.2");
            assertThatThrownBy(() -> context.getEndpoint("ftplibs://alice@localhost/in2?execProt=S"))
                    .hasRootCauseMessage("execProt must be P (private) or C (clear), was 'S'");
        }
    }

    @Test
    void netrcSuppliesCredentials(@TempDir Path dir) throws Exception {
        Path netrc = Files.writeString(dir.resolve("netrc"), "machine localhost login "
                + EmbeddedFtpServerExtension.USER + " password " + EmbeddedFtpServerExtension.PASSWORD + "\n");
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            context.createProducerTemplate().sendBodyAndHeader("ftplib://localhost:" + SERVER.port()
                    + "/netrc?useNetrc=true&netrcFile=" + netrc, "n", Exchange.FILE_NAME, "n.txt");
        }
        assertThat(SERVER.file("netrc/n.txt")).hasContent("n");
    }
}

package io.camelftplib.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.camelftplib.ftplib.FtpTls;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.Arguments;

/**
 * {@code ftplibs:} with {@code clearCommandChannel=true} on the servers that implement {@code CCC} (ProFTPD,
 * Pure-FTPd): a producer uploads and a consumer downloads the file byte for byte after the control connection
 * went back to plain text, with data connections still under {@code PROT P}. ProFTPD's command log shows the
 * {@code CCC} it accepted.
 */
@Timeout(120)
@ExtendWith(InteropReport.class)
class ClearCommandChannelIT {

    static Stream<Arguments> cases() {
        return Stream.of("proftpd", "pure-ftpd").map(name -> Arguments.of(ItServer.real(name), "TLSv1.3"));
    }

    @Interop("ftplibs: clearCommandChannel=true, upload + download")
    @AcrossServers
    void uploadsAndDownloadsAfterCcc(ItServer server, String version) throws Exception {
        server.assumeReachable(server.port(), "control port");
        String directory = ItClients.uniqueName("ccc").replace(".bin", "");
        byte[] content = FtpServersIT.binaryContent(200_000);
        long cccBefore = acceptedCccCount(server);
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("trust", new SSLContextParameters() {
                @Override
                public javax.net.ssl.SSLContext createSSLContext(CamelContext camelContext) {
                    return server.trustContext();
                }
            });
            context.start();
            String uri = "ftplibs://" + server.host() + ":" + server.port() + "/" + directory + "?username="
                    + server.user() + "&password=RAW(" + server.password() + ")&securityProtocol=" + version
                    + "&sslContextParameters=#trust&clearCommandChannel=true&autoCreate=true";
            try (ProducerTemplate producer = context.createProducerTemplate();
                    ConsumerTemplate consumer = context.createConsumerTemplate()) {
                producer.sendBodyAndHeader(uri, content, Exchange.FILE_NAME, "c.bin");
                Exchange received = consumer.receive(uri + "&delete=true&initialDelay=0", 30_000);
                assertThat(received).as("the file came back").isNotNull();
                assertThat(received.getIn().getBody(byte[].class)).isEqualTo(content);
                consumer.doneUoW(received);
            }
        }
        if (server.name().equals("proftpd")) {
            assertThat(acceptedCccCount(server)).isGreaterThan(cccBefore);
        }
        try (FtpTls cleanup = (FtpTls) ItClients.login(server, new Mode(version, true))) {
            // the consumer deleted the file: only the directory autoCreate made is left
            if (cleanup.nlst().contains(directory)) {
                cleanup.rmd(directory);
            }
        }
    }

    /** Counts the CCC commands ProFTPD accepted, from its command log (other servers keep none). */
    private static long acceptedCccCount(ItServer server) throws Exception {
        Path log = ItServer.itDir().resolve(server.name()).resolve("proftpd-cmd.log");
        if (!Files.isRegularFile(log)) {
            return 0;
        }
        List<String> lines = Files.readAllLines(log);
        return lines.stream().filter(line -> line.contains("\"CCC\" 200")).count();
    }
}

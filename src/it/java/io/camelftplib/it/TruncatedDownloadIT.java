package io.camelftplib.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpIncompleteTransferException;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.Fault;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A download that ends early while the server still answers 226 (a fault proxy closes the data towards the client
 * after 3 MiB of 8 MiB) against every server: the consumer fails it with the byte counts, keeps the remote file and
 * fetches it whole on the next poll, then moves it to {@code .done}.
 */
@Timeout(120)
class TruncatedDownloadIT {

    private static final int SIZE = 8 * 1024 * 1024;
    private static final int ARRIVED = 3 * 1024 * 1024;

    @RegisterExtension
    static final EmbeddedFtpServerExtension EMBEDDED = EmbeddedFtpServerExtension.plain();

    @TempDir
    Path work;

    static Stream<Arguments> cases() {
        return ItServer.allThroughProxy(EMBEDDED);
    }

    @AcrossServers
    void downloadTruncatedWithA226FailsAndIsFetchedWholeNextPoll(ItServer server, String mode) throws Exception {
        String directory = ItClients.uniqueName("truncated").replace(".bin", "");
        byte[] content = ItClients.storeRandom(server, directory, "data.bin", SIZE, 23);
        ConsumerFailures failures = new ConsumerFailures();
        try (FaultProxy proxy = FaultProxy.start(server.host(), server.port());
             CamelContext context = new DefaultCamelContext()) {
            Fault truncated = proxy.nextDownload().truncateAfter(ARRIVED);
            context.getRegistry().bind("failures", failures);
            String uri = "ftplib://" + proxy.host() + ":" + proxy.port() + "/" + directory + "?username="
                    + server.user() + "&password=RAW(" + server.password() + ")&localWorkDirectory=" + work
                    + "&move=.done&initialDelay=0&delay=500&exceptionHandler=#failures";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("truncated").to("file:" + work.resolve("out"));
                }
            });
            NotifyBuilder done = new NotifyBuilder(context).fromRoute("truncated").whenCompleted(1).create();
            context.start();
            assertThat(done.matches(60, TimeUnit.SECONDS)).as("delivered after %s", failures.all()).isTrue();
            assertThat(truncated.hasFired()).isTrue();
        }
        assertThat(failures.all()).hasSize(1);
        FtpIncompleteTransferException incomplete
                = ObjectHelper.getException(FtpIncompleteTransferException.class, failures.all().get(0));
        assertThat(incomplete).as("the cause of %s", failures.all().get(0)).isNotNull();
        assertThat(incomplete.received()).isEqualTo(ARRIVED);
        assertThat(incomplete.expected()).isEqualTo(SIZE);
        assertThat(incomplete.getMessage()).contains(directory + "/data.bin", ARRIVED + " bytes arrived",
                SIZE + " expected from " + incomplete.source());
        assertThat(Files.readAllBytes(work.resolve("out").resolve("data.bin"))).isEqualTo(content);
        try (Ftp ftp = ItClients.login(server, new Mode(null, true))) {
            // ProFTPD answers SIZE only in binary mode
            ftp.voidCmd("TYPE I");
            assertThat(ftp.size(directory + "/.done/data.bin")).hasValue(SIZE);
            ftp.delete(directory + "/.done/data.bin");
            ftp.rmd(directory + "/.done");
            ftp.rmd(directory);
        }
    }
}

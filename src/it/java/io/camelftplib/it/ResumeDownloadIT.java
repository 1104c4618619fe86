package io.camelftplib.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.testing.Cut;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.Fault;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

/**
 * {@code resumeDownload=true} against every server: a download cut part way (a reset data connection, through a
 * fault proxy) leaves its partial in the local work directory, and the next attempt continues that partial with
 * {@code REST} and completes. vsftpd matters most here: after {@code REST n} its 150 reply announces the whole
 * file, not the rest.
 */
@Timeout(120)
class ResumeDownloadIT {

    private static final int SIZE = 3 * 1024 * 1024;
    private static final int CUT_AFTER = 1024 * 1024;

    @RegisterExtension
    static final EmbeddedFtpServerExtension EMBEDDED = EmbeddedFtpServerExtension.plain();

    @TempDir
    Path work;

    static Stream<Arguments> cases() {
        return ItServer.allThroughProxy(EMBEDDED);
    }

    @AcrossServers
    void downloadCutPartWayIsContinuedWithRestAndCompletes(ItServer server, String mode) throws Exception {
        String directory = ItClients.uniqueName("resume").replace(".bin", "");
        String name = "data.bin";
        byte[] content = ItClients.storeRandom(server, directory, name, SIZE, 11);
        Path partial = work.resolve(name + ".inprogress");
        long kept;
        try (FaultProxy proxy = FaultProxy.start(server.host(), server.port())) {
            Fault cut = proxy.nextDownload().cutAfter(CUT_AFTER, Cut.RST);
            ConsumerFailures first = new ConsumerFailures();
            try (CamelContext context = consumer(proxy, server, directory, first)) {
                context.start();
                assertThat(first.awaitFirst(60, TimeUnit.SECONDS)).as("the cut download failed").isTrue();
            }
            assertThat(cut.hasFired()).isTrue();
            kept = Files.size(partial);
            assertThat(kept).isBetween(1L, (long) SIZE - 1);
            // mark the partial: the file delivered next shows that it was continued, not fetched again
            byte[] marker = new byte[(int) kept];
            Arrays.fill(marker, (byte) 0x5A);
            Files.write(partial, marker);

            ConsumerFailures second = new ConsumerFailures();
            try (CamelContext context = consumer(proxy, server, directory, second)) {
                NotifyBuilder done = new NotifyBuilder(context).fromRoute("resume").whenCompleted(1).create();
                context.start();
                assertThat(done.matches(60, TimeUnit.SECONDS)).as("the resumed download completed: %s", second.all())
                        .isTrue();
            }
            assertThat(second.all()).isEmpty();
        }
        byte[] expected = content.clone();
        Arrays.fill(expected, 0, (int) kept, (byte) 0x5A);
        assertThat(Files.readAllBytes(work.resolve("out").resolve(name))).isEqualTo(expected);
        assertThat(partial).doesNotExist();
        try (Ftp ftp = ItClients.login(server, new Mode(null, true))) {
            ftp.delete(directory + "/" + name);
            ftp.rmd(directory);
        }
    }

    private CamelContext consumer(FaultProxy proxy, ItServer server, String directory, ConsumerFailures failures)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("failures", failures);
        String uri = "ftplib://" + proxy.host() + ":" + proxy.port() + "/" + directory + "?username=" + server.user()
                + "&password=RAW(" + server.password() + ")&localWorkDirectory=" + work
                + "&resumeDownload=true&noop=true&initialDelay=0&delay=500&exceptionHandler=#failures";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("resume").to("file:" + work.resolve("out"));
            }
        });
        return context;
    }
}

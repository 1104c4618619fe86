package io.camelftplib.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpException;
import io.camelftplib.ftplib.FtpPermException;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.LoggingExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verifyChecksum=required} against real servers. ProFTPD with {@code mod_digest} answers {@code HASH} and
 * the {@code X*} digest commands: a download through a fault proxy that flips one byte must fail, keep the remote
 * file where it is and deliver nothing. vsftpd offers no digest command: the same route must fail with a message
 * that says so, and commit nothing either. The same holds for uploads, where a failure must never leave the file
 * under its final name.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ChecksumIT {

    private static final byte[] CONTENT = content();

    @TempDir
    Path destination;

    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @Test
    void aDownloadWithOneFlippedByteFailsAgainstProftpdAndNothingIsCommitted() throws Exception {
        ItServer server = reachable("proftpd");
        String directory = put(server);
        try (FaultProxy proxy = FaultProxy.start(server.host(), server.port())) {
            proxy.nextDownload().flipByteAt(1_234_567);
            consumeOnce(server, proxy.host(), proxy.port(), directory);
            assertThat(proxy.armedFaults()).as("the flip struck").isEmpty();
        }
        assertThat(messages()).contains("differs", directory + "/data.bin");
        assertNothingCommitted(server, directory);
    }

    @Test
    void requiredAgainstVsftpdFailsSayingTheServerOffersNoHashCommand() throws Exception {
        ItServer server = reachable("vsftpd");
        String directory = put(server);
        consumeOnce(server, server.host(), server.port(), directory);
        assertThat(messages()).contains("verifyChecksum=required", "offers none of HASH");
        assertNothingCommitted(server, directory);
    }

    @Test
    void anUploadWithOneFlippedByteFailsAgainstProftpdAndTheFinalNameIsNeverWritten() throws Exception {
        ItServer server = reachable("proftpd");
        String directory = ItClients.uniqueName("checksum-up").replace(".bin", "");
        try (FaultProxy proxy = FaultProxy.start(server.host(), server.port())) {
            proxy.nextUpload().flipByteAt(1_234_567);
            assertUploadFails(upload(server, proxy.host(), proxy.port(), directory), "differs", "data.bin");
            assertThat(proxy.armedFaults()).as("the flip struck").isEmpty();
        }
        assertFinalNameNeverWritten(server, directory);
    }

    @Test
    void requiredUploadAgainstVsftpdFailsSayingTheServerOffersNoHashCommand() throws Exception {
        ItServer server = reachable("vsftpd");
        String directory = ItClients.uniqueName("checksum-up").replace(".bin", "");
        Exchange result = upload(server, server.host(), server.port(), directory);
        assertFinalNameNeverWritten(server, directory);
        assertUploadFails(result, "verifyChecksum=required", "offers none of HASH");
    }

    /** The real server, when it answers (the test skips otherwise, or fails with {@code FTP_IT_REQUIRE=true}). */
    private static ItServer reachable(String name) {
        ItServer server = ItServer.real(name);
        server.assumeReachable(server.port(), "control port");
        return server;
    }

    private void assertUploadFails(Exchange result, String... expected) {
        assertThat(result.getException()).as("the upload must fail").isNotNull();
        failures.add(result.getException());
        assertThat(messages()).contains(expected);
    }

    private static Exchange upload(ItServer server, String host, int port, String directory) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            String uri = "ftplib://" + host + ":" + port + "/" + directory + "?username=" + server.user()
                    + "&password=RAW(" + server.password() + ")&verifyChecksum=required&tempPrefix=.part-";
            return context.createProducerTemplate().request(uri, e -> {
                e.getIn().setBody(CONTENT);
                e.getIn().setHeader(Exchange.FILE_NAME, "data.bin");
            });
        }
    }

    private static void assertFinalNameNeverWritten(ItServer server, String directory) throws Exception {
        try (Ftp ftp = ItClients.login(server, new Mode(null, true))) {
            List<String> names;
            try {
                names = ftp.nlst(directory);
            } catch (FtpException e) {
                // the directory was never made: the upload failed before any byte (required, no digest command)
                return;
            }
            assertThat(names).noneMatch(name -> name.endsWith("/data.bin") || name.equals("data.bin"));
            for (String name : names) {
                ftp.delete(name.contains("/") ? name : directory + "/" + name);
            }
            // the failed upload's temporary file stays for a retry; NLST hides it (a dot name) on ProFTPD
            try {
                ftp.delete(directory + "/.part-data.bin");
            } catch (FtpPermException e) {
                // not there: the upload failed before it wrote any byte
            }
            ftp.rmd(directory);
        }
    }

    private String put(ItServer server) throws Exception {
        String directory = ItClients.uniqueName("checksum").replace(".bin", "");
        try (Ftp ftp = ItClients.login(server, new Mode(null, true))) {
            ftp.mkd(directory);
            ftp.storBinary("STOR " + directory + "/data.bin", new ByteArrayInputStream(CONTENT));
        }
        return directory;
    }

    /** Runs the consumer until its first failure (or a delivery, which the caller's assertions then reject). */
    private void consumeOnce(ItServer server, String host, int port, String directory) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("failures", new LoggingExceptionHandler(context, getClass()) {
                @Override
                public void handleException(String message, Exchange exchange, Throwable exception) {
                    failures.add(exception);
                }
            });
            String uri = "ftplib://" + host + ":" + port + "/" + directory + "?username=" + server.user()
                    + "&password=RAW(" + server.password() + ")&verifyChecksum=required&move=.done"
                    + "&initialDelay=0&delay=60000&exceptionHandler=#failures";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(defaultErrorHandler().logExhausted(false));
                    // recorded, not handled: the exchange still fails, so the consumer rolls the file back
                    onException(Exception.class).handled(false)
                            .process(e -> failures.add(e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
                    from(uri).routeId("checksum").to("file:" + destination + "?tempPrefix=.part-");
                }
            });
            context.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> !failures.isEmpty()
                    || destination.resolve("data.bin").toFile().exists());
            await().atMost(Duration.ofSeconds(30)).until(() -> context.getInflightRepository().size() == 0);
        }
        assertThat(failures).as("the download must fail").isNotEmpty();
    }

    private String messages() {
        return failures.stream().flatMap(f -> Stream.iterate(f, t -> t != null, Throwable::getCause))
                .map(String::valueOf).collect(Collectors.joining(" <- "));
    }

    private void assertNothingCommitted(ItServer server, String directory) throws Exception {
        assertThat(destination.resolve("data.bin")).doesNotExist();
        try (Ftp ftp = ItClients.login(server, new Mode(null, true))) {
            // ProFTPD answers SIZE only in binary mode (550 in ASCII, the type a fresh login starts in)
            ftp.voidCmd("TYPE I");
            assertThat(ftp.size(directory + "/data.bin")).hasValue(CONTENT.length);
            assertThat(ftp.nlst(directory)).noneMatch(name -> name.endsWith(".done"));
            ftp.delete(directory + "/data.bin");
            ftp.rmd(directory);
        } catch (FtpException e) {
            throw new AssertionError("the remote file must stay where it was: " + e.getMessage(), e);
        }
    }

    private static byte[] content() {
        byte[] bytes = new byte[2 * 1024 * 1024];
        new Random(77).nextBytes(bytes);
        return bytes;
    }
}

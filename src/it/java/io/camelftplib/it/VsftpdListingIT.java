package io.camelftplib.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelftplib.ftplib.Ftp;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The consumer on vsftpd, which offers no MLSD: the listing is LIST (or NLST when asked), so every file's
 * {@code CamelFileLength} is filled, a subdirectory is never fetched as a file, and a directory that does not exist
 * (which vsftpd lists as an empty one, with a 226) fails each poll naming the 550 and the fix.
 */
@Timeout(120)
class VsftpdListingIT {

    private static final ItServer VSFTPD = ItServer.real("vsftpd");

    private String uri(String directory, String options) {
        return "ftplib://" + VSFTPD.host() + ":" + VSFTPD.port() + "/" + directory + "?username=" + VSFTPD.user()
                + "&password=RAW(" + VSFTPD.password() + ")&initialDelay=0&delay=200&" + options;
    }

    @ParameterizedTest(name = "listing={0}")
    @ValueSource(strings = {"auto", "nlst"})
    void lengthsAreFilledAndTheSubdirectoryIsNeverFetched(String listing) throws Exception {
        String directory = ItClients.uniqueName("listing-" + listing).replace(".bin", "");
        try (Ftp ftp = ItClients.login(VSFTPD, new Mode(null, true))) {
            ftp.mkd(directory);
            ftp.mkd(directory + "/sub");
            ftp.storBinary("STOR " + directory + "/a.txt", new ByteArrayInputStream("hello".getBytes(
                    StandardCharsets.UTF_8)));
            ftp.storBinary("STOR " + directory + "/b.txt", new ByteArrayInputStream("hi".getBytes(
                    StandardCharsets.UTF_8)));
        }
        Map<String, Long> lengths = new ConcurrentHashMap<>();
        AtomicInteger emptyPolls = new AtomicInteger();
        ConsumerFailures failures = new ConsumerFailures();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("failures", failures);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri(directory, "noop=true&sendEmptyMessageWhenIdle=true&exceptionHandler=#failures&listing="
                            + listing)).routeId("r").process(e -> {
                                String name = e.getMessage().getHeader(Exchange.FILE_NAME, String.class);
                                if (name == null) {
                                    emptyPolls.incrementAndGet();
                                } else {
                                    lengths.put(name, e.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class));
                                }
                            });
                }
            });
            context.start();
            // the files, then a few polls more (noop keeps them listed), in which the subdirectory must not be fetched
            await().atMost(Duration.ofSeconds(30)).until(() -> emptyPolls.get() >= 3);
        }
        assertThat(lengths).isEqualTo(Map.of("a.txt", 5L, "b.txt", 2L));
        assertThat(failures.all()).isEmpty();
    }

    @ParameterizedTest(name = "listing={0}")
    @ValueSource(strings = {"auto", "nlst"})
    void missingDirectoryFailsEachPollNamingThe550AndTheFix(String listing) throws Exception {
        VSFTPD.assumeReachable(VSFTPD.port(), "control port");
        String directory = ItClients.uniqueName("missing").replace(".bin", "");
        ConsumerFailures failures = new ConsumerFailures();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("failures", failures);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri(directory, "autoCreate=false&exceptionHandler=#failures&listing=" + listing))
                            .routeId("r").to("log:never");
                }
            });
            context.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> failures.all().size() >= 2);
        }
        List<Throwable> all = failures.all();
        assertThat(all.get(0)).hasMessageContaining("Cannot list directory: " + directory)
                .hasMessageContaining("550")
                .hasMessageContaining("set autoCreate=true, or fix the path");
    }
}

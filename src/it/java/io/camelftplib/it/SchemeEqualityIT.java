package io.camelftplib.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelftplib.camel.FtplibConstants;
import io.camelftplib.ftplib.Ftp;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same consumer routes with Camel's {@code ftp:} (the reference) and with {@code ftplib:} against vsftpd, which
 * has no MLSD, so both must learn each file's type, size and time from LIST. Each route polls a directory of its own
 * holding a text file with CR LF, a binary file, and a subdirectory with a file in it, which a non-recursive
 * consumer must neither deliver nor touch. {@code ftp:} runs first; then the directory is rebuilt with the same names
 * and content and {@code ftplib:} runs, so that every path-bearing header can be compared as it is.
 *
 * <p>Compared, per delivered file: the body byte for byte, and every {@code CamelFile*} header that {@code ftp:} sets
 * and {@link FtplibConstants} documents for {@code ftplib:} ({@link #COMPARED}: among them {@code CamelFileLength},
 * {@code CamelFileLastModified}, {@code CamelFileName}, {@code CamelFileNameOnly}, {@code CamelFileNameConsumed},
 * {@code CamelFileParent}, {@code CamelFileRelativePath}, {@code CamelFileAbsolute}, {@code CamelFileAbsolutePath},
 * {@code CamelFilePath}, {@code CamelFileHost}). Not compared: the producer's headers
 * ({@code CamelFileNameProduced}, {@code CamelOverruleFileName}), {@code CamelFileLocalWorkPath} (set only with
 * {@code localWorkDirectory}), and what {@code ftp:} sets that {@code ftplib:} does not document, such as the
 * exchange-file property it keeps among the headers. Also compared: the names delivered, failures routed through
 * {@code bridgeErrorHandler} (none expected), and the files left in the directory on the server's disk, with their
 * sizes.
 *
 * <p>Both URIs set {@code binary=true} and {@code passiveMode=true}, whose defaults differ between the two components.
 */
@Timeout(300)
class SchemeEqualityIT {

    /** The headers compared: the {@code CamelFile*} names {@code ftplib:} documents. */
    static final Set<String> COMPARED = documentedFileHeaders();

    private static final byte[] TEXT = "first line\r\nsecond line\nthird\r\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BINARY = FtpServersIT.binaryContent(70_001);
    private static final byte[] INNER = {'i', 'n', 0, (byte) 0xff};
    private static final Duration UNTIL_IDLE = Duration.ofSeconds(40);

    /** The routes compared; each names its options after the shared ones. */
    enum Route {
        NOOP("noop=true&idempotent=true"),
        MOVE("move=.done"),
        DELETE("delete=true"),
        INCLUDE("include=.*\\.txt&delete=true"),
        DONE_FILE_NAME("doneFileName=${file:name}.done&delete=true");

        final String options;

        Route(String options) {
            this.options = options;
        }
    }

    /** One message the route received: a file, or a failure the consumer bridged into the route. */
    record Delivery(String name, byte[] body, Map<String, Object> headers) {
    }

    /** What one scheme's route did: its messages in name order, and the files left (path to size). */
    record Outcome(List<Delivery> deliveries, Map<String, Long> left, boolean idle) {
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Route.class)
    void ftplibDeliversAndLeavesWhatFtpDoes(Route route) throws Exception {
        ItServer vsftpd = ItServer.real("vsftpd");
        vsftpd.assumeReachable(vsftpd.port(), "control port");
        String directory = "it-equal-" + route.name().toLowerCase(Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        try {
            Outcome ftp = run(vsftpd, "ftp", route, directory);
            Outcome ftplib = run(vsftpd, "ftplib", route, directory);

            assertThat(ftp.idle()).as("ftp: reached a poll with nothing to do within %s", UNTIL_IDLE).isTrue();
            assertThat(ftp.deliveries()).as("ftp: delivered files").isNotEmpty();
            assertThat(names(ftplib)).as("names delivered").isEqualTo(names(ftp));
            for (int i = 0; i < ftp.deliveries().size(); i++) {
                Delivery expected = ftp.deliveries().get(i);
                Delivery actual = ftplib.deliveries().get(i);
                assertThat(expected.headers().keySet()).as("headers ftp: sets for %s", expected.name())
                        .contains(FtplibConstants.FILE_LENGTH, FtplibConstants.FILE_LAST_MODIFIED,
                                FtplibConstants.FILE_NAME, FtplibConstants.FILE_NAME_ONLY,
                                FtplibConstants.FILE_PARENT, FtplibConstants.FILE_RELATIVE_PATH);
                assertThat(actual.body()).as("body of %s", expected.name()).isEqualTo(expected.body());
                assertThat(actual.headers()).as("CamelFile* headers of %s", expected.name())
                        .isEqualTo(expected.headers());
            }
            assertThat(ftplib.idle()).as("ftplib: reached a poll with nothing to do within %s", UNTIL_IDLE)
                    .isTrue();
            assertThat(ftplib.left()).as("files left in %s", directory).isEqualTo(ftp.left());
        } finally {
            ServedTree.remove(vsftpd, directory);
        }
    }

    /** Builds the directory afresh, runs the scheme's route until a poll finds nothing, and records the outcome. */
    private static Outcome run(ItServer server, String scheme, Route route, String directory) throws Exception {
        ServedTree.remove(server, directory);
        prepare(server, route, directory);
        List<Delivery> deliveries = new ArrayList<>();
        CountDownLatch idle = new CountDownLatch(1);
        String uri = scheme + "://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + directory
                + "?password=RAW(" + server.password() + ")&binary=true&passiveMode=true&initialDelay=0&delay=250"
                + "&sendEmptyMessageWhenIdle=true&bridgeErrorHandler=true&" + route.options;
        boolean reachedIdle;
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(Exception.class).handled(true).process(e -> record(deliveries, failure(e)));
                    from(uri).routeId(scheme).process(e -> {
                        if (e.getMessage().getBody() == null) {
                            idle.countDown();
                        } else {
                            record(deliveries, delivery(e));
                        }
                    });
                }
            });
            context.start();
            // not reaching an idle poll is asserted by the caller, after the deliveries that say why
            reachedIdle = idle.await(UNTIL_IDLE.toMillis(), TimeUnit.MILLISECONDS);
        }
        List<Delivery> sorted;
        synchronized (deliveries) {
            sorted = new ArrayList<>(deliveries);
        }
        sorted.sort(Comparator.comparing(Delivery::name));
        return new Outcome(sorted, ServedTree.files(server, directory), reachedIdle);
    }

    private static void record(List<Delivery> deliveries, Delivery delivery) {
        synchronized (deliveries) {
            deliveries.add(delivery);
        }
    }

    private static Delivery delivery(Exchange exchange) {
        Map<String, Object> headers = new TreeMap<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (COMPARED.contains(name)) {
                headers.put(name, value);
            }
        });
        return new Delivery(exchange.getMessage().getHeader(FtplibConstants.FILE_NAME, String.class),
                exchange.getMessage().getBody(byte[].class), headers);
    }

    private static Delivery failure(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String name = "failure: " + exchange.getMessage().getHeader(FtplibConstants.FILE_NAME, String.class) + ": "
                + (cause == null ? "?" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        return new Delivery(name, new byte[0], Map.of());
    }

    private static List<String> names(Outcome outcome) {
        return outcome.deliveries().stream().map(Delivery::name).toList();
    }

    /** The directory's files, each under the name the server gives it, uploaded as the FTP user. */
    private static void prepare(ItServer server, Route route, String directory) throws IOException {
        try (Ftp ftp = ItClients.login(server, server.setupMode())) {
            ftp.mkd(directory);
            ftp.cwd(directory);
            ftp.storBinary("STOR a.txt", new ByteArrayInputStream(TEXT));
            ftp.storBinary("STOR b.bin", new ByteArrayInputStream(BINARY));
            if (route == Route.DONE_FILE_NAME) {
                ftp.storBinary("STOR a.txt.done", new ByteArrayInputStream(new byte[0]));
            }
            ftp.mkd("sub");
            ftp.storBinary("STOR sub/inner.txt", new ByteArrayInputStream(INNER));
        }
    }

    /** The {@code CamelFile*} header names among {@link FtplibConstants}' public constants. */
    private static Set<String> documentedFileHeaders() {
        Set<String> names = new TreeSet<>();
        for (Field field : FtplibConstants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    String value = (String) field.get(null);
                    if (value.startsWith("CamelFile")) {
                        names.add(value);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + field, e);
                }
            }
        }
        names.removeAll(Set.of(FtplibConstants.FILE_NAME_PRODUCED, FtplibConstants.FILE_LOCAL_WORK_PATH));
        return names;
    }
}

package io.camelftplib.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import io.camelftplib.camel.FtplibConstants;
import io.camelftplib.ftplib.Ftp;
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
 * {@code CamelFilePath}, {@code CamelFileHost}); the test also asserts that {@code ftp:} sets no other
 * {@code CamelFile*} header on these routes, so none escapes the comparison. Not compared, as a consumer never sets
 * them: the producer's {@code CamelFileNameProduced} and {@code CamelOverruleFileName}, and
 * {@code CamelFileLocalWorkPath} (only with {@code localWorkDirectory}). Also compared: the names delivered, the
 * failures the consumer bridged into the route (none expected: a subdirectory must not be fetched as a file), whether
 * a poll with nothing to do came, and the files left in the directory on the server's disk, with their sizes.
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
    private static final DateTimeFormatter MDTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

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

    /** What one scheme's route received, and the files it left (path to size). */
    record Outcome(PollRecorder.Recorded received, Map<String, Long> left) {
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Route.class)
    void ftplibDeliversAndLeavesWhatFtpDoes(Route route) throws Exception {
        ItServer vsftpd = ItServer.real("vsftpd");
        vsftpd.assumeReachable(vsftpd.port(), "control port");
        String directory = "it-equal-" + route.name().toLowerCase(Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        // both copies get the same modification time, a day ago (LIST shows its hour and minute), whenever the
        // second copy is uploaded
        String modified = MDTM.format(Instant.now().minus(Duration.ofDays(1)));
        try {
            Outcome ftp = run(vsftpd, "ftp", route, directory, modified);
            Outcome ftplib = run(vsftpd, "ftplib", route, directory, modified);

            assertThat(ftp.received().idle()).as("ftp: reached a poll with nothing to do").isTrue();
            assertThat(ftp.received().deliveries()).as("ftp: delivered files").isNotEmpty();
            assertThat(ftplib.received().names()).as("names delivered").isEqualTo(ftp.received().names());
            for (int i = 0; i < ftp.received().deliveries().size(); i++) {
                PollRecorder.Delivery expected = ftp.received().deliveries().get(i);
                PollRecorder.Delivery actual = ftplib.received().deliveries().get(i);
                assertThat(expected.headers().keySet()).as("headers ftp: sets for %s", expected.name())
                        .contains(FtplibConstants.FILE_LENGTH, FtplibConstants.FILE_LAST_MODIFIED,
                                FtplibConstants.FILE_NAME, FtplibConstants.FILE_NAME_ONLY,
                                FtplibConstants.FILE_PARENT, FtplibConstants.FILE_RELATIVE_PATH);
                assertThat(COMPARED).as("compared headers").containsAll(expected.headers().keySet());
                assertThat(actual.body()).as("body of %s", expected.name()).isEqualTo(expected.body());
                assertThat(compared(actual)).as("CamelFile* headers of %s", expected.name())
                        .isEqualTo(compared(expected));
            }
            assertThat(ftplib.received().idle()).as("ftplib: reached a poll with nothing to do").isTrue();
            assertThat(ftplib.left()).as("files left in %s", directory).isEqualTo(ftp.left());
        } finally {
            ServedTree.remove(vsftpd, directory);
        }
    }

    /** Builds the directory afresh, runs the scheme's route until a poll finds nothing, and records the outcome. */
    private static Outcome run(ItServer server, String scheme, Route route, String directory, String modified)
            throws Exception {
        ServedTree.remove(server, directory);
        prepare(server, route, directory, modified);
        String uri = scheme + "://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + directory
                + "?password=RAW(" + server.password() + ")&binary=true&passiveMode=true&initialDelay=0&delay=250&"
                + route.options;
        return new Outcome(PollRecorder.poll(uri, Map.of()), ServedTree.files(server, directory));
    }

    /** The compared headers of a delivery. */
    private static Map<String, Object> compared(PollRecorder.Delivery delivery) {
        Map<String, Object> headers = new TreeMap<>(delivery.headers());
        headers.keySet().retainAll(COMPARED);
        return headers;
    }

    /**
     * The directory's files, uploaded as the FTP user, each with the modification time {@code modified}
     * ({@code MDTM time name} sets it on vsftpd).
     */
    private static void prepare(ItServer server, Route route, String directory, String modified) throws IOException {
        Map<String, byte[]> files = new TreeMap<>(Map.of("a.txt", TEXT, "b.bin", BINARY, "sub/inner.txt", INNER));
        if (route == Route.DONE_FILE_NAME) {
            files.put("a.txt.done", new byte[0]);
        }
        try (Ftp ftp = ItClients.login(server, server.setupMode())) {
            ftp.mkd(directory);
            ftp.cwd(directory);
            ftp.mkd("sub");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ftp.storBinary("STOR " + file.getKey(), new ByteArrayInputStream(file.getValue()));
                assertThat(ftp.sendCmd("MDTM " + modified + " " + file.getKey())).startsWith("213");
            }
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

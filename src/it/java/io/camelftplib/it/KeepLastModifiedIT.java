package io.camelftplib.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelftplib.ftplib.Ftp;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code keepLastModified=true} against real servers. Upload: the time of the {@code CamelFileLastModified} header
 * is set with {@code MFMT} on ProFTPD and with vsftpd's two-argument {@code MDTM} (vsftpd offers no MFMT), and read
 * back with {@code MDTM}. Download into the {@code localWorkDirectory}: the local file gets
 * the remote time as {@code MDTM} reports it: to the second from ProFTPD's MLSD listing, to the minute from vsftpd's
 * LIST lines (it offers no MLSD; a Unix listing of a recent file shows hours and minutes).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class KeepLastModifiedIT {

    private static final Instant KEPT = Instant.parse("2001-02-03T04:05:06Z");
    private static final DateTimeFormatter MDTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"vsftpd", "proftpd"})
    void anUploadKeepsTheHeadersTime(String name) throws Exception {
        ItServer server = reachable(name);
        String directory = ItClients.uniqueName("mtime-up").replace(".bin", "");
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            context.createProducerTemplate().sendBodyAndHeaders(uri(server, directory,
                    "keepLastModified=true&tempPrefix=.part-"), new byte[] {0, (byte) 0xFF, '\r', '\n'},
                    Map.of(Exchange.FILE_NAME, "kept.bin", Exchange.FILE_LAST_MODIFIED, KEPT.toEpochMilli()));
        }
        try (Ftp ftp = ItClients.login(server, new Mode(null, true))) {
            assertThat(remoteTime(ftp, directory + "/kept.bin")).isEqualTo(KEPT);
            ftp.delete(directory + "/kept.bin");
            ftp.rmd(directory);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vsftpd", "proftpd"})
    void aDownloadGivesTheLocalFileTheRemoteTime(String name) throws Exception {
        ItServer server = reachable(name);
        String directory = ItClients.uniqueName("mtime-down").replace(".bin", "");
        ItClients.storeRandom(server, directory, "data.bin", 4096, 15);
        Instant remote;
        try (Ftp ftp = ItClients.login(server, new Mode(null, true))) {
            remote = remoteTime(ftp, directory + "/data.bin");
        }
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            ConsumerTemplate consumer = context.createConsumerTemplate();
            Exchange exchange = consumer.receive(uri(server, directory, "keepLastModified=true&delete=true"
                    + "&localWorkDirectory=" + work), 30_000);
            assertThat(exchange).as("a file arrived").isNotNull();
            Path local = Path.of(exchange.getIn().getHeader("CamelFileLocalWorkPath", String.class));
            Instant kept = Files.getLastModifiedTime(local).toInstant();
            // vsftpd offers no MLSD, so its times come from LIST lines, which show a recent file's minute only
            assertThat(kept).isEqualTo(name.equals("vsftpd") ? remote.truncatedTo(ChronoUnit.MINUTES) : remote);
            consumer.doneUoW(exchange);
        }
        try (Ftp ftp = ItClients.login(server, new Mode(null, true))) {
            ftp.rmd(directory);
        }
    }

    private static Instant remoteTime(Ftp ftp, String path) throws Exception {
        String reply = ftp.sendCmd("MDTM " + path);
        return LocalDateTime.parse(reply.substring(4, 18), MDTM).toInstant(ZoneOffset.UTC);
    }

    private static String uri(ItServer server, String directory, String options) {
        return "ftplib://" + server.host() + ":" + server.port() + "/" + directory + "?username=" + server.user()
                + "&password=RAW(" + server.password() + ")&" + options;
    }

    private static ItServer reachable(String name) {
        ItServer server = ItServer.real(name);
        server.assumeReachable(server.port(), "control port");
        return server;
    }
}

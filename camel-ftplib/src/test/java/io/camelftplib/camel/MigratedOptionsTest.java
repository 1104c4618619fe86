package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.camel.listing.ListingDialect;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options of Camel's ftp: that ftplib: implements for migrating routes: keepLastModified in both directions
 * (MFMT on upload, the remote time on a file of the local work directory), checksum files, the Commons Net
 * settings mapped onto ftplib: options, and the refusals that name what to use instead.
 */
@Timeout(60)
class MigratedOptionsTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    private static final Instant KEPT = Instant.parse("2001-02-03T04:05:06Z");

    private String uri(String directory, String options) {
        return "ftplib://" + EmbeddedFtpServerExtension.USER + "@localhost:" + SERVER.port() + "/" + directory
                + "?password=" + EmbeddedFtpServerExtension.PASSWORD + "&" + options;
    }

    @Test
    void keepLastModifiedSetsTheUploadsTimeWithMfmtFromTheHeader() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            context.createProducerTemplate().sendBodyAndHeaders(uri("kept", "keepLastModified=true&tempPrefix=.t-"),
                    "kept \u00e9\0", java.util.Map.of(Exchange.FILE_NAME, "k.txt",
                            Exchange.FILE_LAST_MODIFIED, KEPT.toEpochMilli()));
            context.createProducerTemplate().sendBodyAndHeaders(uri("kept", "tempPrefix=.t-"), "not kept",
                    java.util.Map.of(Exchange.FILE_NAME, "n.txt", Exchange.FILE_LAST_MODIFIED, KEPT.toEpochMilli()));
        }
        assertThat(SERVER.commands()).contains("MFMT 20010203040506 kept/.t-k.txt");
        assertThat(SERVER.commands()).filteredOn(c -> c.startsWith("MFMT")).hasSize(1);
        assertThat(Files.getLastModifiedTime(SERVER.file("kept/k.txt")).toInstant()).isEqualTo(KEPT);
        assertThat(Files.getLastModifiedTime(SERVER.file("kept/n.txt")).toInstant()).isAfter(KEPT);
    }

    @Test
    void keepLastModifiedGivesTheLocalWorkFileTheRemoteTime(@TempDir Path work) throws Exception {
        Path remote = SERVER.file("remote-time/r.bin");
        Files.createDirectories(remote.getParent());
        Files.write(remote, new byte[] {0, (byte) 0xFF, '\r', '\n', 'x'});
        Files.setLastModifiedTime(remote, FileTime.from(KEPT));
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            ConsumerTemplate consumer = context.createConsumerTemplate();
            Exchange exchange = consumer.receive(uri("remote-time", "keepLastModified=true&noop=true"
                    + "&localWorkDirectory=" + work), 10_000);
            Path local = Path.of(exchange.getIn().getHeader(FtplibConstants.FILE_LOCAL_WORK_PATH, String.class));
            // MLSD (the embedded server's listing) gives the time to the second
            assertThat(Files.getLastModifiedTime(local).toInstant()).isEqualTo(KEPT);
            assertThat(Files.readAllBytes(local)).containsExactly(0, 0xFF, '\r', '\n', 'x');
            consumer.doneUoW(exchange);
        }
    }

    @Test
    void checksumFileAlgorithmWritesTheDigestBesideTheUpload() throws Exception {
        byte[] data = {0, (byte) 0xFF, '\r', '\n', ' ', 'a'};
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            context.createProducerTemplate().sendBodyAndHeader(uri("sums", "checksumFileAlgorithm=SHA_256"), data,
                    Exchange.FILE_NAME, "s.bin");
        }
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        assertThat(SERVER.file("sums/s.bin")).hasBinaryContent(data);
        assertThat(SERVER.file("sums/s.bin.SHA_256")).hasContent(expected);
    }

    @Test
    void commonsNetSettingsBecomeTheirFtplibOptions() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            FtplibConfiguration config = context.getEndpoint(uri("in", "ftpClient.dataTimeout=12000"
                    + "&ftpClient.connectTimeout=3000&ftpClient.controlEncoding=ISO-8859-1"),
                    FtplibEndpoint.class).getConfiguration();
            assertThat(config.getTimeout()).isEqualTo(12000);
            assertThat(config.getConnectTimeout()).isEqualTo(3000);
            assertThat(config.getEncoding()).isEqualTo("ISO-8859-1");
            assertThatThrownBy(() -> context.getEndpoint(uri("in2", "ftpClient.dataTimeout=1000&timeout=2000")))
                    .rootCause().hasMessage("ftpClient.dataTimeout=1000 and timeout=2000 disagree: "
                            + "ftpClient.dataTimeout is the ftp: name of timeout; keep only timeout");
        }
    }

    /** The listing, keepalive and NAT settings of Commons Net become their ftplib: options, seconds made millis. */
    @Test
    void listingKeepaliveAndNatSettingsBecomeTheirFtplibOptions() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            FtplibConfiguration config = context.getEndpoint(uri("m", "ftpClientConfig.serverLanguageCode=de"
                    + "&ftpClientConfig.systemKey=OS/400&ftpClientConfig.serverTimeZoneId=Europe/Berlin"
                    + "&ftpClient.controlKeepAliveTimeout=30&ftpClient.activeExternalIPAddress=192.0.2.7"
                    + "&ftpClient.useEPSVwithIPv4=true"), FtplibEndpoint.class).getConfiguration();
            assertThat(config.getServerLanguageCode()).isEqualTo("de");
            assertThat(config.getListingDialect()).isEqualTo(ListingDialect.OS400);
            assertThat(config.getControlKeepAliveTimeout()).isEqualTo(30_000);
            assertThat(config.getActiveExternalAddress()).isEqualTo("192.0.2.7");
            assertThat(config.isUseEpsvWithIpv4()).isTrue();
            assertThatThrownBy(() -> context.getEndpoint(uri("n", "ftpClient.controlKeepAliveTimeout=1.5")))
                    .rootCause().hasMessageStartingWith("The option ftpClient.controlKeepAliveTimeout=1.5 is not a "
                            + "whole number of seconds");
        }
    }

    @Test
    void settingsThatCannotApplyAreRefusedNamingTheReplacement() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertThatThrownBy(() -> context.getEndpoint(uri("a", "ftpClient.remoteVerificationEnabled=false")))
                    .rootCause().hasMessageStartingWith("The option ftpClient.remoteVerificationEnabled=false of "
                            + "Camel's ftp: cannot be used with ftplib: endpoints: ftplib: has no Commons Net "
                            + "FTPClient");
            assertThatThrownBy(() -> context.getEndpoint(uri("b", "ftpClient=#client")))
                    .rootCause().hasMessageStartingWith("The option ftpClient=#client of Camel's ftp: cannot be used "
                            + "with ftplib: endpoints: ftplib: has no Commons Net FTPClient to take a custom instance");
            assertThatThrownBy(() -> context.getEndpoint(uri("c", "ftpClient.listHiddenFiles=true")))
                    .rootCause().hasMessageContaining("ftplib: has no Commons Net FTPClient to set listHiddenFiles on")
                    .hasMessageContaining("ftpClient.dataTimeout (timeout)");
            assertThatThrownBy(() -> context.getEndpoint(uri("d", "readLockMarkerFile=true")))
                    .rootCause().hasMessageContaining("ftplib: writes no marker files")
                    .hasMessageEndingWith("instead: readLockMarkerFile=false, or remove it");
            assertThatThrownBy(() -> context.getEndpoint(uri("e", "separator=Windows")))
                    .rootCause().hasMessageStartingWith("separator=Windows is not supported by ftplib: endpoints");
            assertThatThrownBy(() -> context.getEndpoint(uri("f", "ftpClient.keyStore.file=k.p12")))
                    .rootCause().hasMessage("The option ftpClient.keyStore.file sets a TLS key or trust store, "
                            + "which plain FTP does not use; use an ftplibs: endpoint for FTPS");
            assertThat(context.getEndpoint(uri("g", "readLockMarkerFile=false&separator=Auto"))).isNotNull();
        }
    }

    @Test
    void ftpsKeyAndTrustStoreSettingsBuildTheSslContextParameters() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            FtplibsEndpoint endpoint = context.getEndpoint("ftplibs://alice@localhost/in?ftpClient.keyStore.file="
                    + "client.p12&ftpClient.keyStore.type=PKCS12&ftpClient.keyStore.password=changeit"
                    + "&ftpClient.trustStore.file=ca.p12&ftpClient.trustStore.password=changeit",
                    FtplibsEndpoint.class);
            SSLContextParameters parameters = endpoint.getSslContextParameters();
            assertThat(parameters.getKeyManagers().getKeyStore().getResource()).isEqualTo("client.p12");
            assertThat(parameters.getKeyManagers().getKeyStore().getType()).isEqualTo("PKCS12");
            assertThat(parameters.getTrustManagers().getKeyStore().getResource()).isEqualTo("ca.p12");
            assertThat(parameters.getSecureSocketProtocol()).isEqualTo("TLSv1.3");
            context.getRegistry().bind("ssl", new SSLContextParameters());
            assertThatThrownBy(() -> context.getEndpoint("ftplibs://alice@localhost/in2?sslContextParameters=#ssl"
                    + "&ftpClient.trustStore.file=ca.p12"))
                    .rootCause().hasMessageContaining("gives both sslContextParameters and ftpClient.keyStore.* or "
                            + "ftpClient.trustStore.*: use one of the two");
            assertThatThrownBy(() -> context.getEndpoint("ftplibs://alice@localhost/in3?ftpClient.trustStore.pass=x"
                    + "&ftpClient.trustStore.file=ca.p12"))
                    .rootCause().hasMessage("Unknown option ftpClient.trustStore.pass: the ftpClient.trustStore.* "
                            + "options are algorithm, file, password, type");
        }
    }
}

package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;

import io.camelftplib.ftplib.DataConnection;
import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.testing.Cut;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.Fault;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code verifyChecksum}: the digest computed while the bytes stream is compared with the digest the server
 * computes of the stored file. The embedded server gets the hash commands from {@link DigestFtplet}; a
 * {@link FaultProxy} flips one byte of a transfer, which keeps the size and changes the digest.
 */
@Timeout(60)
class ChecksumTest extends FtplibTestSupport {

    @RegisterExtension
    static final FaultyFtpServerExtension SERVER = new FaultyFtpServerExtension();
    @RegisterExtension
    final FaultProxyExtension proxy = new FaultProxyExtension(SERVER::port);

    @Override
    EmbeddedFtpServerExtension server() {
        throw new UnsupportedOperationException("the routes here use the faulty server through the proxy");
    }

    @AfterEach
    void offerNoHashCommands() {
        SERVER.digests().offer();
    }

    private static byte[] content() {
        byte[] bytes = new byte[300_000];
        new Random(5).nextBytes(bytes);
        return bytes;
    }

    private static String digest(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    private Exchange upload(String uri, byte[] body, String name) {
        return template.send(uri, e -> {
            e.getIn().setBody(body);
            e.getIn().setHeader(Exchange.FILE_NAME, name);
        });
    }

    @Test
    void uploadVerifiedWithHashSetsTheSha256ChecksumHeaders() throws Exception {
        SERVER.digests().offer("HASH", "XSHA256", "XMD5");
        byte[] content = content();
        SERVER.resetCommands();

        Exchange result = upload(proxy.uri("c1", "verifyChecksum=required"), content, "a.bin");

        assertThat(result.getException()).isNull();
        assertThat(result.getIn().getHeader(FtplibConstants.CHECKSUM)).isEqualTo(digest("SHA-256", content));
        assertThat(result.getIn().getHeader(FtplibConstants.CHECKSUM_ALGORITHM)).isEqualTo("SHA-256");
        assertThat(SERVER.commands()).containsSubsequence("STOR", "SIZE", "OPTS", "HASH");
    }

    @Test
    void uploadWithAFlippedByteFailsAndIsNeverRenamedIntoPlace() {
        SERVER.digests().offer("HASH");
        Fault flip = proxy.proxy().nextUpload().flipByteAt(1000);

        Exchange result = upload(proxy.uri("c2", "verifyChecksum=required&tempPrefix=.part-"), content(), "a.bin");

        assertThat(flip.hasFired()).isTrue();
        assertThat(result.getException()).rootCause().isInstanceOf(ChecksumVerificationException.class)
                .hasMessageStartingWith("The SHA-256 digest of c2/.part-a.bin differs: ")
                .hasMessageEndingWith("from the server's HASH (SHA-256); the file was altered on the way or on the "
                        + "server, nothing was committed");
        assertThat(result.getIn().getHeader(FtplibConstants.CHECKSUM)).isNull();
        assertThat(SERVER.file("c2/a.bin")).doesNotExist();
    }

    @Test
    void resumedUploadIsVerifiedOverTheWholeFile() throws Exception {
        SERVER.digests().offer("HASH");
        byte[] content = new byte[12 * 1024 * 1024];
        new Random(9).nextBytes(content);
        Fault cut = proxy.proxy().nextUpload().cutAfter(4L * 1024 * 1024, Cut.RST);

        Exchange result = sendWithOneRedelivery(proxy.uri("c9", "tempPrefix=.part-&resumeUpload=true"
                + "&verifyChecksum=required"), content, "big.bin");

        assertThat(cut.hasFired()).isTrue();
        assertThat(result.getException()).isNull();
        assertThat(SERVER.commands()).contains("APPE");
        // the digest covers the bytes the first attempt sent, read again from the body but not sent again
        assertThat(result.getIn().getHeader(FtplibConstants.CHECKSUM)).isEqualTo(digest("SHA-256", content));
        assertThat(Files.readAllBytes(SERVER.file("c9/big.bin"))).isEqualTo(content);
    }

    @Test
    void uploadToAServerWithOnlyXcrcIsVerifiedWithCrc32() throws Exception {
        SERVER.digests().offer("XCRC");
        byte[] content = content();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content);

        Exchange result = upload(proxy.uri("c3", "verifyChecksum=auto"), content, "a.bin");

        assertThat(result.getException()).isNull();
        assertThat(result.getIn().getHeader(FtplibConstants.CHECKSUM)).isEqualTo(String.format("%08x",
                crc.getValue()));
        assertThat(result.getIn().getHeader(FtplibConstants.CHECKSUM_ALGORITHM)).isEqualTo("CRC32");
    }

    @Test
    void requiredFailsBeforeTheTransferWhenTheServerOffersNoHashCommand() {
        SERVER.resetCommands();

        Exchange result = upload(proxy.uri("c4", "verifyChecksum=required"), content(), "a.bin");

        assertThat(result.getException()).rootCause().isInstanceOf(ChecksumVerificationException.class)
                .hasMessage("verifyChecksum=required, but ftplib://alice@127.0.0.1:" + proxy.proxy().port() + " offers "
                        + "none of HASH, XSHA256, XSHA1, XMD5, XCRC in its FEAT reply (it offers [AUTH, LANG, MD5, "
                        + "MDTM, MFMT, MLST, MMD5, MODE, REST, SIZE, TVFS, UTF8]); use verifyChecksum=auto to "
                        + "transfer unverified from such a server");
        assertThat(SERVER.commands()).doesNotContain("STOR");
        assertThat(SERVER.file("c4/a.bin")).doesNotExist();
    }

    @Test
    void autoUploadsUnverifiedWhenTheServerOffersNoHashCommand() throws IOException {
        byte[] content = content();

        Exchange result = upload(proxy.uri("c5", "verifyChecksum=auto"), content, "a.bin");

        assertThat(result.getException()).isNull();
        assertThat(result.getIn().getHeader(FtplibConstants.CHECKSUM)).isNull();
        assertThat(Files.readAllBytes(SERVER.file("c5/a.bin"))).isEqualTo(content);
    }

    @Test
    void verifyChecksumInAsciiModeIsRefusedAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint(proxy.uri("c6", "verifyChecksum=auto&binary=false")))
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("verifyChecksum=auto needs binary=true: in ASCII mode the server stores "
                        + "other line endings than the client sends");
    }

    @Test
    void verifyChecksumWithFileExistAppendIsRefusedAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint(proxy.uri("c8", "verifyChecksum=required&fileExist=Append")))
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("verifyChecksum cannot check fileExist=Append: the server's digest covers "
                        + "the whole file, the client's only the bytes appended");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"streamDownload=true", "streamDownload=false", "localWorkDirectory="})
    void downloadWithAFlippedByteFailsAndIsFetchedAgainWhole(String mode, @TempDir Path work) throws Exception {
        SERVER.digests().offer("HASH");
        byte[] content = content();
        String directory = "c10-" + (mode.hashCode() & 0xffff);
        Files.createDirectories(SERVER.file(directory));
        Files.write(SERVER.file(directory + "/a.bin"), content);
        String options = mode.endsWith("=") ? mode + work : mode;
        Fault flip = proxy.proxy().nextDownload().flipByteAt(1000);
        // the consumer reports the failed first attempt here instead of logging it with its stack trace
        RecordingExceptionHandler failures = new RecordingExceptionHandler();
        context.getRegistry().bind("failures", failures);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(proxy.uri(directory, "verifyChecksum=required&move=.done&initialDelay=0&delay=100"
                        + "&exceptionHandler=#failures&" + options))
                        .routeId(directory).autoStartup(false)
                        .errorHandler(defaultErrorHandler().logExhausted(false))
                        .convertBodyTo(byte[].class).to("mock:" + directory);
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:" + directory);
        mock.expectedMessageCount(1);
        mock.expectedHeaderReceived(FtplibConstants.CHECKSUM, digest("SHA-256", content));
        SERVER.resetCommands();

        context.getRouteController().startRoute(directory);

        mock.assertIsSatisfied();
        assertThat(flip.hasFired()).isTrue();
        assertThat(mock.getExchanges().get(0).getIn().getBody(byte[].class)).isEqualTo(content);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(SERVER.file(directory + "/.done/a.bin")));
        assertThat(SERVER.commands()).filteredOn("RETR"::equals).hasSize(2);
        // what the consumer reported while it recovered (a failed poll after the broken transfer) concerns this file
        assertThat(failures.failures()).allSatisfy(f -> assertThat(f).hasMessageContaining(directory));
        context.getRouteController().stopRoute(directory);
    }

    @Test
    void downloadDigestIsComputedWhileStreamingAndAFlippedByteFailsIt() throws Exception {
        SERVER.digests().offer("XSHA256");
        byte[] content = content();
        Files.createDirectories(SERVER.file("c7"));
        Files.write(SERVER.file("c7/a.bin"), content);

        try (Ftp ftp = new Ftp()) {
            ftp.connect("127.0.0.1", proxy.proxy().port());
            ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD);
            ServerFeatures features = ServerFeatures.parse(ftp.sendCmd("FEAT"));
            ftp.voidCmd("TYPE I");

            TransferChecksum whole = retrieve(ftp, features, "c7/a.bin", content);
            assertThat(whole.verify(ftp, "c7/a.bin", "c7/a.bin")).isEqualTo(digest("SHA-256", content));

            proxy.proxy().nextDownload().flipByteAt(1000);
            content[1000] = (byte) ~content[1000];
            TransferChecksum flipped = retrieve(ftp, features, "c7/a.bin", content);
            assertThatThrownBy(() -> flipped.verify(ftp, "c7/a.bin", "c7/a.bin"))
                    .isInstanceOf(ChecksumVerificationException.class)
                    .hasMessageContaining(digest("SHA-256", content) + " over the bytes transferred")
                    .hasMessageContaining("from the server's XSHA256");
        }
    }

    /** Streams a RETR through the checksum, as a download does, and checks the bytes that arrived. */
    private static TransferChecksum retrieve(Ftp ftp, ServerFeatures features, String path, byte[] expected)
            throws IOException {
        Optional<TransferChecksum> checksum = TransferChecksum.start(FtplibVerifyChecksum.REQUIRED, features,
                "test server");
        assertThat(checksum).isPresent();
        DataConnection data = ftp.ntransferCmd("RETR " + path);
        try (data; InputStream in = checksum.get().track(data.socket().getInputStream())) {
            assertThat(in.readAllBytes()).isEqualTo(expected);
        }
        ftp.voidResp();
        return checksum.get();
    }
}

package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.camelftplib.ftplib.testing.Cut;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.Fault;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The fault proxy itself: bytes pass unchanged, and each fault does on the wire what it says. The tests read the
 * data connections with raw sockets ({@link Ftp#transferCmd}) so that they see what the proxy did, not what an
 * engine check made of it.
 */
@Timeout(60)
class FaultProxyTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    private static final int MIB = 1024 * 1024;
    private static final byte[] DATA = Fixtures.binary(8 * MIB);

    private static Level serverLogLevel;

    private FaultProxy proxy;

    /** The server logs each broken data connection at WARN with a stack trace: here they are the point. */
    @BeforeAll
    static void quietServerLog() {
        Logger server = (Logger) LoggerFactory.getLogger("org.apache.ftpserver");
        serverLogLevel = server.getLevel();
        server.setLevel(Level.OFF);
    }

    @AfterAll
    static void restoreServerLog() {
        ((Logger) LoggerFactory.getLogger("org.apache.ftpserver")).setLevel(serverLogLevel);
    }

    @BeforeEach
    void startProxy() throws IOException {
        proxy = FaultProxy.start(SERVER.host(), SERVER.port());
        Fixtures.put(SERVER, "data.bin", DATA);
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    private Ftp login() throws IOException {
        Ftp ftp = new Ftp();
        ftp.connect(proxy.host(), proxy.port(), Fixtures.TIMEOUT, null);
        ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD);
        ftp.voidCmd("TYPE I");
        return ftp;
    }

    /** Reads a data connection to its end, keeping what arrived. */
    private static byte[] readAll(Socket data, ByteArrayOutputStream received) throws IOException {
        try (data; InputStream in = data.getInputStream()) {
            in.transferTo(received);
        }
        return received.toByteArray();
    }

    private static byte[] download(Ftp ftp, String name) throws IOException {
        return readAll(ftp.transferCmd("RETR " + name), new ByteArrayOutputStream());
    }

    private static void upload(Ftp ftp, String name, byte[] content) throws IOException {
        try (Socket data = ftp.transferCmd("STOR " + name); OutputStream out = data.getOutputStream()) {
            out.write(content);
        }
    }

    @Test
    void bytesPassUnchangedBothWaysAndEveryConnectionIsCounted() throws IOException {
        try (Ftp ftp = login()) {
            assertThat(download(ftp, "data.bin")).isEqualTo(DATA);
            assertThat(ftp.voidResp()).startsWith("226");
            upload(ftp, "copy.bin", DATA);
            assertThat(ftp.voidResp()).startsWith("226");
            assertThat(ftp.mlsd()).extracting(MlsdEntry::name).contains("data.bin", "copy.bin");
        }
        assertThat(Fixtures.read(SERVER, "copy.bin")).isEqualTo(DATA);
        assertThat(proxy.sessions()).isEqualTo(1);
        assertThat(proxy.dataConnections()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.openConnections() == 0);
    }

    @Test
    void aTruncatedDownloadEndsCleanlyAtTheOffsetAndTheServers226StillArrives() throws IOException {
        Fault truncate = proxy.nextDownload().truncateAfter(3 * MIB);
        try (Ftp ftp = login()) {
            assertThat(download(ftp, "data.bin")).isEqualTo(Arrays.copyOf(DATA, 3 * MIB));
            assertThat(ftp.voidResp()).startsWith("226");
        }
        assertThat(truncate.hasFired()).isTrue();
    }

    @Test
    void aTruncatedUploadLeavesTheShortFileOnTheServerWhichAnswers226() throws IOException {
        Fault truncate = proxy.nextUpload().truncateAfter(3 * MIB);
        try (Ftp ftp = login()) {
            upload(ftp, "short.bin", DATA);
            assertThat(ftp.voidResp()).startsWith("226");
        }
        assertThat(Fixtures.read(SERVER, "short.bin")).isEqualTo(Arrays.copyOf(DATA, 3 * MIB));
        assertThat(truncate.hasFired()).isTrue();
    }

    @Test
    void aDownloadCutWithFinEndsAtTheOffsetAndTheServerReportsTheBrokenTransfer() throws IOException {
        Fault cut = proxy.nextDownload().cutAfter(1000, Cut.FIN);
        try (Ftp ftp = login()) {
            assertThat(download(ftp, "data.bin")).isEqualTo(Arrays.copyOf(DATA, 1000));
            assertThatThrownBy(ftp::voidResp).isInstanceOf(FtpTempException.class).hasMessageStartingWith("426");
        }
        assertThat(cut.hasFired()).isTrue();
    }

    @Test
    void aDownloadCutWithRstResetsTheClientsDataConnection() throws IOException {
        Fault cut = proxy.nextDownload().cutAfter(1000, Cut.RST);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Ftp ftp = login()) {
            Socket data = ftp.transferCmd("RETR data.bin");
            assertThatThrownBy(() -> readAll(data, received)).isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
            assertThatThrownBy(ftp::voidResp).isInstanceOf(FtpTempException.class).hasMessageStartingWith("426");
        }
        assertThat(received.size()).isLessThanOrEqualTo(1000);
        assertThat(cut.hasFired()).isTrue();
    }

    @Test
    void aStalledDownloadPassesNothingMoreAndHoldsThe226UntilTheClientGivesUp() throws IOException {
        Fault stall = proxy.nextDownload().stallAfter(1000);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Ftp ftp = login()) {
            Socket data = ftp.transferCmd("RETR data.bin");
            data.setSoTimeout(500);
            assertThatThrownBy(() -> readAll(data, received)).isInstanceOf(SocketTimeoutException.class);
            assertThat(received.toByteArray()).isEqualTo(Arrays.copyOf(DATA, 1000));
            assertThat(data.isClosed()).as("readAll closes the socket only after the timeout").isTrue();
            assertThat(ftp.voidResp()).startsWith("226");
        }
        assertThat(stall.hasFired()).isTrue();
    }

    @Test
    void aFlippedByteChangesExactlyThatByte() throws IOException {
        Fault flip = proxy.nextDownload().flipByteAt(5 * MIB + 7);
        byte[] expected = DATA.clone();
        expected[5 * MIB + 7] ^= (byte) 0xFF;
        try (Ftp ftp = login()) {
            assertThat(download(ftp, "data.bin")).isEqualTo(expected).isNotEqualTo(DATA);
            assertThat(ftp.voidResp()).startsWith("226");
        }
        assertThat(flip.hasFired()).isTrue();
    }

    @Test
    void aFaultForTheSecondDownloadLeavesTheFirstWhole() throws IOException {
        Fault truncate = proxy.download(2).truncateAfter(10);
        try (Ftp ftp = login()) {
            assertThat(download(ftp, "data.bin")).isEqualTo(DATA);
            ftp.voidResp();
            assertThat(truncate.hasFired()).isFalse();
            assertThat(download(ftp, "data.bin")).isEqualTo(Arrays.copyOf(DATA, 10));
            ftp.voidResp();
        }
        assertThat(truncate.hasFired()).isTrue();
        assertThat(proxy.armedFaults()).isEmpty();
    }

    @Test
    void theProxyAnswersAnArmedCommandItselfAndTheServerNeverSeesIt() throws IOException {
        proxy.onCommand("SIZE").reply("213 10928");
        Fault refuse = proxy.onCommand("retr").reply("425 Can't open data connection.");
        try (Ftp ftp = login()) {
            assertThat(ftp.sendCmd("SIZE data.bin")).isEqualTo("213 10928");
            assertThatThrownBy(() -> ftp.transferCmd("RETR data.bin")).isInstanceOf(FtpTempException.class)
                    .hasMessageStartingWith("425 Can't open data connection.");
            assertThat(ftp.sendCmd("SIZE data.bin")).isEqualTo("213 " + DATA.length);
        }
        assertThat(refuse.hasFired()).isTrue();
        assertThat(SERVER.commands()).contains("SIZE data.bin").doesNotContain("RETR data.bin");
    }

    @Test
    void aCommandCutClosesTheControlConnectionBeforeTheServerSeesIt() throws IOException {
        Fault cut = proxy.onCommand("RETR").cut(Cut.FIN);
        try (Ftp ftp = login()) {
            assertThatThrownBy(() -> ftp.transferCmd("RETR data.bin")).isInstanceOf(IOException.class);
        }
        assertThat(cut.hasFired()).isTrue();
        assertThat(SERVER.commands()).doesNotContain("RETR data.bin");
    }

    @Test
    void aSessionCutAfterTenBytesLeavesTheClientAPartialWelcome() throws IOException {
        Fault cut = proxy.nextSession().cutAfter(10, Cut.FIN);
        try (Socket control = new Socket(proxy.host(), proxy.port()); InputStream in = control.getInputStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
                    .hasSize(10).startsWith("220");
        }
        assertThat(cut.hasFired()).isTrue();
    }

    @Test
    void activeModeIsRefusedWith502() throws IOException {
        try (Ftp ftp = login()) {
            ftp.setPasv(false);
            assertThatThrownBy(() -> ftp.transferCmd("RETR data.bin")).isInstanceOf(FtpPermException.class)
                    .hasMessageStartingWith("502 PORT refused by the fault proxy");
        }
    }

    @Test
    void closeEndsEveryThreadAndConnectionEvenWithATransferStalled() throws IOException {
        proxy.nextDownload().stallAfter(1000);
        try (Ftp ftp = login(); Socket data = ftp.transferCmd("RETR data.bin")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> proxy.openConnections() == 2);
            assertThat(proxyThreads()).isPositive();
            proxy.close();
            assertThat(proxy.openConnections()).isZero();
            assertThat(data.getInputStream().readAllBytes().length).isLessThanOrEqualTo(1000);
            assertThatThrownBy(ftp::voidResp).isInstanceOf(IOException.class);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> proxyThreads() == 0);
    }

    private static long proxyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(FaultProxy.THREAD_PREFIX)).count();
    }
}

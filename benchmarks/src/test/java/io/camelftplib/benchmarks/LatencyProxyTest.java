package io.camelftplib.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpPermException;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real transfers through the {@link LatencyProxy} to the embedded server with the engine in passive mode: the
 * bytes arrive unchanged both ways (PASV and EPSV), the delay we inject is really there (a lower bound on our own
 * delay, not a speed assertion), active mode is refused, {@code close()} ends every connection and thread, and
 * the harness runs W3 through it ({@code --latency-ms}).
 */
@Timeout(60)
class LatencyProxyTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    // every byte value, CR, LF and CR LF included, so a proxy that touched data bytes would show
    private static final byte[] CONTENT = content();
    private static final String NAME = "dir with space/data \u00e9.bin";

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(SERVER.file("dir with space"));
        Files.write(SERVER.file(NAME), CONTENT);
        Files.write(SERVER.file("dir with space/second.txt"), new byte[] {'a', '\r', '\n', 0});
    }

    @Test
    void downloadAndNlstThroughTheProxyEqualTheServersBytes() throws Exception {
        List<String> direct;
        try (Ftp ftp = Ftp.open(SERVER.host(), SERVER.port(), EmbeddedFtpServerExtension.USER,
                EmbeddedFtpServerExtension.PASSWORD)) {
            direct = ftp.nlst("dir with space");
        }
        try (LatencyProxy proxy = LatencyProxy.start(SERVER.host(), SERVER.port(), Duration.ofMillis(5));
                Ftp ftp = login(proxy)) {
            ByteArrayOutputStream downloaded = new ByteArrayOutputStream();

            String reply = ftp.retrBinary("RETR " + NAME, downloaded);
            List<String> names = ftp.nlst("dir with space");

            assertThat(reply).startsWith("226");
            assertThat(downloaded.toByteArray()).isEqualTo(CONTENT);
            assertThat(names).isEqualTo(direct).hasSize(2);
            assertThat(proxy.dataConnections()).as("RETR and NLST through the proxy's listeners").isEqualTo(2);
            assertThat(SERVER.commands()).contains("PASV").doesNotContain("EPSV");
        }
    }

    @Test
    void uploadThroughTheProxyArrivesByteForByteAndThe226FollowsTheHalfClose() throws Exception {
        try (LatencyProxy proxy = LatencyProxy.start(SERVER.host(), SERVER.port(), Duration.ofMillis(5));
                Ftp ftp = login(proxy)) {
            String reply = ftp.storBinary("STOR up.bin", new ByteArrayInputStream(CONTENT));

            assertThat(reply).startsWith("226");
            assertThat(Files.readAllBytes(SERVER.file("up.bin"))).isEqualTo(CONTENT);
            assertThat(proxy.dataConnections()).isEqualTo(1);
        }
    }

    @Test
    void anEpsvReplyIsRewrittenToTheProxysDataListener() throws Exception {
        try (LatencyProxy proxy = LatencyProxy.start(SERVER.host(), SERVER.port(), Duration.ofMillis(5));
                Ftp ftp = login(proxy)) {
            ftp.voidCmd("TYPE I");
            String epsv = ftp.sendCmd("EPSV");
            PassiveReply passive = PassiveReply.parse(epsv).orElseThrow();
            ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
            try (Socket data = new Socket(LatencyProxy.HOST, passive.port())) {
                assertThat(ftp.sendCmd("RETR " + NAME)).startsWith("150");
                try (InputStream in = data.getInputStream()) {
                    in.transferTo(downloaded);
                }
            }

            assertThat(ftp.voidResp()).startsWith("226");
            assertThat(downloaded.toByteArray()).isEqualTo(CONTENT);
            assertThat(SERVER.commands()).contains("EPSV");
            assertThat(proxy.dataConnections()).isEqualTo(1);
        }
    }

    @Test
    void aNoopRoundTripTakesAtLeastTwiceTheInjectedDelay() throws Exception {
        try (LatencyProxy proxy = LatencyProxy.start(SERVER.host(), SERVER.port(), Duration.ofMillis(50));
                Ftp ftp = login(proxy)) {
            long start = System.nanoTime();
            String reply = ftp.voidCmd("NOOP");
            long elapsed = System.nanoTime() - start;

            assertThat(reply).startsWith("200");
            assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
    }

    @Test
    void activeModeIsRefusedByTheProxyAndNeverReachesTheServer() throws Exception {
        try (LatencyProxy proxy = LatencyProxy.start(SERVER.host(), SERVER.port(), Duration.ofMillis(5));
                Ftp ftp = login(proxy)) {
            assertThatThrownBy(() -> ftp.sendCmd("PORT 127,0,0,1,4,1"))
                    .isInstanceOf(FtpPermException.class)
                    .hasMessageStartingWith("502 PORT refused by the benchmark's latency proxy")
                    .hasMessageContaining("use passive mode");
            assertThatThrownBy(() -> ftp.sendCmd("EPRT |1|127.0.0.1|1025|"))
                    .isInstanceOf(FtpPermException.class)
                    .hasMessageStartingWith("502 EPRT refused");
            // the conversation goes on after a refusal
            assertThat(ftp.voidCmd("NOOP")).startsWith("200");
            assertThat(SERVER.commands()).noneMatch(c -> c.startsWith("PORT") || c.startsWith("EPRT"));
        }
    }

    @Test
    void closeEndsOpenConnectionsAndEveryProxyThread() throws Exception {
        LatencyProxy proxy = LatencyProxy.start(SERVER.host(), SERVER.port(), Duration.ofMillis(5));
        try (Ftp ftp = login(proxy)) {
            proxy.close();
            proxy.close();

            assertThatThrownBy(() -> ftp.voidCmd("NOOP")).isInstanceOf(IOException.class);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("latency-proxy-") && t.isAlive()));
        assertThatThrownBy(() -> new Socket(LatencyProxy.HOST, proxy.port()).close()).isInstanceOf(IOException.class);
    }

    @Test
    void theHarnessRunsW3ThroughTheProxyWithCamelsDefaultSwitchedToPassive(@TempDir Path local) throws Exception {
        BenchServer server = new BenchServer(SERVER.host(), SERVER.port(), EmbeddedFtpServerExtension.USER,
                EmbeddedFtpServerExtension.PASSWORD, SERVER.home(), Optional.empty(), Optional.empty(),
                Optional.empty());
        List<Client> clients = Clients.behindLatencyProxy(List.of(EngineClient.plain(), Clients.OURS,
                Clients.OURS_POOLED, Clients.CAMEL_DEFAULT, Clients.CAMEL_BEST));
        try (LatencyProxy proxy = LatencyProxy.start(SERVER.host(), SERVER.port(), Duration.ofMillis(2))) {
            Benchmark.Plan plan = new Benchmark.Plan(server.reachedAt(proxy.host(), proxy.port()), Sizes.SMOKE,
                    local, 1, 0, clients, List.of(Workload.W3_MANY_FILES), Optional.empty());

            List<ClientResult> results = new Benchmark(plan, line -> { }).run();

            assertThat(results).extracting(ClientResult::client).containsExactly("engine", "ftplib: route",
                    "ftplib: route, 4 connections", "camel ftp: default, passive", "camel ftp: best");
            assertThat(results).allSatisfy(r -> {
                assertThat(r.failure()).as(r.client()).isEmpty();
                assertThat(r.rounds().get(0).moved().items()).as(r.client()).isEqualTo(5);
            });
            // 5 files and one listing per client, every one through the proxy's data listeners
            assertThat(proxy.dataConnections()).isGreaterThanOrEqualTo(5 * 6);
            assertThat(SERVER.commands()).noneMatch(c -> c.startsWith("PORT") || c.startsWith("EPRT"));
        }
    }

    private static Ftp login(LatencyProxy proxy) throws IOException {
        Ftp ftp = Ftp.open(proxy.host(), proxy.port(), EmbeddedFtpServerExtension.USER,
                EmbeddedFtpServerExtension.PASSWORD);
        ftp.setPasv(true);
        return ftp;
    }

    private static byte[] content() {
        byte[] b = new byte[300_000];
        new Random(7).nextBytes(b);
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        b[256] = '\r';
        b[257] = '\n';
        return b;
    }
}

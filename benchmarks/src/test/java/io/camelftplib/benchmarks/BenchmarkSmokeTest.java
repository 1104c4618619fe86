package io.camelftplib.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every client on every workload at the smoke size against the embedded server, so the harness cannot rot
 * between full runs. Asserts what was moved, never how fast: the embedded server is no benchmark.
 */
@Timeout(120)
class BenchmarkSmokeTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.explicitTls();

    @TempDir
    static Path local;

    static BenchServer server;

    @BeforeAll
    static void describeServer() throws Exception {
        server = new BenchServer(SERVER.host(), SERVER.port(), EmbeddedFtpServerExtension.USER,
                EmbeddedFtpServerExtension.PASSWORD, SERVER.home(), Optional.empty(), Optional.empty(),
                Optional.of(certificatePem(local.resolve("server.pem"))));
    }

    @Test
    void everyClientMovesEveryWorkloadItSupportsAtTheSmokeSize() throws Exception {
        List<Client> clients = new ArrayList<>();
        for (Client c : Clients.all()) {
            boolean runnable = c instanceof JvmClient
                    || (c instanceof CurlClient ? CurlClient.available() : PeerScript.pythonAvailable());
            if (runnable) {
                clients.add(c);
            }
        }
        List<String> progress = new ArrayList<>();
        Benchmark.Plan plan = new Benchmark.Plan(server, Sizes.SMOKE, local.resolve("clients"), 1, 0, clients,
                List.of(Workload.values()), Optional.empty());

        List<ClientResult> results = new Benchmark(plan, progress::add).run();

        assertThat(results).allSatisfy(r -> {
            assertThat(r.failure()).as(r.client() + " on " + r.workload().id).isEmpty();
            assertThat(r.rounds()).hasSize(1);
            Moved moved = r.rounds().get(0).moved();
            switch (r.workload().plainTwin()) {
                case W1_DOWNLOAD:
                case W2_UPLOAD:
                    assertThat(moved.bytes()).as(r.client() + " on " + r.workload().id).isEqualTo(1L << 20);
                    break;
                case W3_MANY_FILES:
                    int files = r.workload().isTls() ? 2 : 5;
                    assertThat(moved.items()).as(r.client() + " on " + r.workload().id).isEqualTo(files);
                    assertThat(moved.bytes()).as(r.client() + " on " + r.workload().id).isEqualTo(files * 4096L);
                    break;
                case W4_LIST:
                    assertThat(moved.items()).as(r.client() + " on W4").isEqualTo(200);
                    break;
                default:
                    assertThat(moved.items()).as(r.client() + " on W4L").isEqualTo(2000);
            }
        });
        assertThat(results).extracting(ClientResult::client).contains("engine", "engine FTPS", "ftplib: route",
                "ftplib: route, 4 connections",
                "commons-net", "camel ftp: default", "camel ftp: best");
        assertThat(results).filteredOn(r -> r.client().equals("ftplib: route")).extracting(ClientResult::workload)
                .containsExactlyInAnyOrder(Workload.W1_DOWNLOAD, Workload.W3_MANY_FILES, Workload.W5_TLS_MANY_FILES);
        // every JVM client ran every workload it claims
        for (Client c : clients) {
            for (Workload w : Workload.values()) {
                if (c.supports(w)) {
                    assertThat(results).anyMatch(r -> r.client().equals(c.name()) && r.workload() == w);
                }
            }
        }
        String table = ResultTable.text(results, Sizes.SMOKE);
        assertThat(table).contains("W1 download: 1 MiB", "W3 many small files: 5 files of 4 KiB", "*engine*");
        assertThat(Targets.evaluate(results)).anyMatch(l -> l.startsWith("W1: engine throughput >= 0.95x curl's")
                || !CurlClient.available());
    }

    @Test
    void aForkedClientJvmRunsRoundsOnRequestAndReportsThem() throws Exception {
        new DataSet(server.root(), Sizes.SMOKE, Optional.empty()).ensure();
        Task task = Task.of(Workload.W1_DOWNLOAD, server, Sizes.SMOKE, local.resolve("forked"), "engine");
        Forker forker = new Forker(System.getProperty("java.class.path"), List.of());

        try (Forker.Session session = forker.open(EngineClient.plain(), task, "64m")) {
            RoundResult first = session.round();
            RoundResult second = session.round();

            assertThat(List.of(first, second)).allSatisfy(r -> {
                assertThat(r.moved().bytes()).isEqualTo(1L << 20);
                assertThat(r.cost().heapPeak()).isPositive().isLessThanOrEqualTo(64L << 20);
                assertThat(r.cost().cpuNanos()).isNotNegative();
            });
            assertThat(session.setting()).isEqualTo("-Xmx64m");
        }
    }

    /** Exports the embedded server's certificate as PEM, the form curl and Python take. */
    private static Path certificatePem(Path target) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(SERVER.keyStore())) {
            store.load(in, EmbeddedFtpServerExtension.STORE_PASSWORD.toCharArray());
        }
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(store.getCertificate("server").getEncoded());
        Files.writeString(target, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
        return target;
    }
}

package io.camelftplib.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scale-out with real parts: a real PostgreSQL (started from a Maven artifact), camel-sql's
 * {@code JdbcOrphanLockAwareIdempotentRepository} as the nodes' shared claims, one FTP server with a few thousand
 * files, and {@link ClusterNode}s in JVMs of their own. It runs the directory three times: one node, three nodes,
 * and three nodes of which one is killed (SIGKILL) in the middle of a download while it holds its claim. Every run
 * must process each file exactly once with its bytes intact (SHA-256), the killed node's file included once its
 * claim expired; the time of one node against three is printed as the speed-up.
 */
@Timeout(1800)
class ClusterIT {

    private static final int FILES = Integer.getInteger("cluster.it.files", 2000);
    private static final String DIRECTORY = "inbox";

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain().withoutSessionLeakCheck();

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startDatabase() throws IOException {
        // no flush to disk per commit: the IT measures the nodes, not this machine's fsync latency (a claim, a
        // delivery and a release are three commits per file)
        postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "off")
                .setServerConfig("fsync", "off").setPGStartupWait(Duration.ofMinutes(1)).start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void threeNodesShareTheDirectoryAndProcessEachFileOnceThoughOneIsKilled() throws Exception {
        Outcome one = run(1, 0);
        Outcome three = run(3, 0);
        Outcome killed = run(3, FILES / 10);
        System.out.printf("cluster: files=%d nodes=1 %s%n", FILES, one);
        System.out.printf("cluster: files=%d nodes=3 %s%n", FILES, three);
        System.out.printf("cluster: files=%d nodes=3 killed=1 %s%n", FILES, killed);
        System.out.printf("cluster: files=%d processed=%d duplicates=%d lost=%d with one of 3 nodes killed mid-run; "
                        + "speed-up 3 nodes vs 1: %.2f (%.1f s vs %.1f s)%n", FILES, killed.processed,
                killed.duplicates, killed.lost, one.seconds / three.seconds, three.seconds, one.seconds);
        for (Outcome outcome : List.of(one, three, killed)) {
            assertThat(outcome.processed).isEqualTo(FILES);
            assertThat(outcome.duplicates).isZero();
            assertThat(outcome.lost).isZero();
            assertThat(outcome.corrupt).isZero();
        }
        // the work was shared: every node of the three-node run delivered files
        assertThat(three.perNode).hasSize(3).allSatisfy((node, count) -> assertThat(count).isPositive());
        assertThat(killed.perNode).containsKey("node-1");
        assertThat(SERVER.file(DIRECTORY).toFile().list()).isEmpty();
    }

    /** Fills the directory, runs the nodes until every file was delivered, stops them and counts. */
    private Outcome run(int nodes, int killAfter) throws Exception {
        resetDatabase();
        Map<String, String> expected = writeFiles();
        List<Node> started = new ArrayList<>();
        try {
            for (int i = 1; i <= nodes; i++) {
                started.add(Node.start("node-" + i, i == 1 ? killAfter : 0));
            }
            for (Node node : started) {
                node.awaitLine("READY");
            }
            long begin = System.nanoTime();
            started.forEach(node -> node.send("go"));
            if (killAfter > 0) {
                started.get(0).awaitLine("STALLED");
                started.get(0).kill();
            }
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> count("SELECT count(DISTINCT name) FROM delivered") >= FILES);
            double seconds = (System.nanoTime() - begin) / 1e9;
            for (Node node : started) {
                node.stop();
            }
            return outcome(expected, seconds);
        } finally {
            started.forEach(Node::kill);
        }
    }

    private static void resetDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS delivered");
            statement.execute("CREATE TABLE delivered (name VARCHAR(200), sha256 CHAR(64), node VARCHAR(20))");
            // created here, once: nodes starting together would race to create it
            statement.execute("CREATE TABLE IF NOT EXISTS CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255), "
                    + "messageId VARCHAR(100), createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
            statement.execute("DELETE FROM CAMEL_MESSAGEPROCESSED");
        }
    }

    /** Writes the files straight into the server's directory: random sizes and bytes, two awkward names. */
    private static Map<String, String> writeFiles() throws IOException, NoSuchAlgorithmException {
        Path directory = Files.createDirectories(SERVER.file(DIRECTORY));
        Random random = new Random(FILES);
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < FILES; i++) {
            String name = switch (i) {
                case 0 -> "with space.bin";
                case 1 -> "näme-ünïcode.bin";
                default -> String.format("f-%05d.bin", i);
            };
            byte[] content = new byte[512 + random.nextInt(8192)];
            random.nextBytes(content);
            Files.write(directory.resolve(name), content);
            expected.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        }
        return expected;
    }

    private static Outcome outcome(Map<String, String> expected, double seconds) throws SQLException {
        Map<String, Integer> deliveries = new HashMap<>();
        Map<String, Integer> perNode = new HashMap<>();
        int corrupt = 0;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, sha256, node FROM delivered")) {
            while (rows.next()) {
                String name = rows.getString(1);
                deliveries.merge(name, 1, Integer::sum);
                perNode.merge(rows.getString(3), 1, Integer::sum);
                if (!rows.getString(2).equals(expected.get(name))) {
                    corrupt++;
                }
            }
        }
        int duplicates = deliveries.values().stream().mapToInt(times -> times - 1).sum();
        int processed = (int) deliveries.keySet().stream().filter(expected::containsKey).count();
        return new Outcome(processed, duplicates, expected.size() - processed, corrupt, seconds, perNode);
    }

    private static long count(String query) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** What one run delivered. */
    private record Outcome(int processed, int duplicates, int lost, int corrupt, double seconds,
                           Map<String, Integer> perNode) {

        @Override
        public String toString() {
            return String.format("processed=%d duplicates=%d lost=%d corrupt=%d seconds=%.1f files/s=%.0f per-node=%s",
                    processed, duplicates, lost, corrupt, seconds, processed / seconds, perNode);
        }
    }

    /** A {@link ClusterNode} JVM: commands on its standard input, its standard output read line by line. */
    private static final class Node {

        private final String name;
        private final Process process;
        private final Writer commands;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private Node(String name, Process process) {
            this.name = name;
            this.process = process;
            this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(this::readLines, name + "-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        static Node start(String name, int stallAfter) throws IOException {
            Path logs = Files.createDirectories(Path.of("target", "cluster-it"));
            String uri = "ftplib://" + EmbeddedFtpServerExtension.USER + "@127.0.0.1:" + SERVER.port() + "/"
                    + DIRECTORY + "?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")";
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp",
                    System.getProperty("java.class.path"), ClusterNode.class.getName(), uri,
                    postgres.getJdbcUrl("postgres", "postgres"), name, Integer.toString(stallAfter));
            builder.redirectError(logs.resolve(name + ".log").toFile());
            return new Node(name, builder.start());
        }

        private void readLines() {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the node was killed: its standard output ends with it
                lines.add("CLOSED " + e.getMessage());
            }
        }

        void awaitLine(String prefix) throws InterruptedException {
            while (true) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertThat(line).as("%s said nothing starting with %s within 60 s (see target/cluster-it/%s.log)",
                        name, prefix, name).isNotNull();
                if (line.startsWith(prefix)) {
                    return;
                }
            }
        }

        void send(String command) {
            try {
                commands.write(command + "\n");
                commands.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot send " + command + " to " + name, e);
            }
        }

        void stop() throws InterruptedException {
            if (process.isAlive()) {
                send("stop");
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s stopped within 60 s", name).isTrue();
            }
        }

        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package io.camelftplib.examples.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.camelftplib.examples.support.EmbeddedFtpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;

/**
 * Three nodes on one FTP directory: each runs the same {@code ftplib:} route with {@code readLock=idempotent}, and
 * claims each file in PostgreSQL (camel-sql's {@link JdbcOrphanLockAwareIdempotentRepository}) before taking it.
 * Half way through, one node stops; the other two finish. It prints who processed what, and how often.
 *
 * <p>The nodes are three CamelContexts in one JVM to keep the demo one command; in production each is a JVM (a pod,
 * a Spring Boot instance) with the same route and the same database.
 */
public final class ClusterDemo {

    private static final String USER = "demo";
    private static final String DIRECTORY = "inbox";

    private ClusterDemo() {
    }

    /**
     * Runs the demo with 300 files and three nodes.
     *
     * @param args unused
     * @throws Exception when the server, the database or a node cannot start
     */
    public static void main(String[] args) throws Exception {
        System.out.println(run(300, 3));
    }

    /**
     * Fills the directory, starts the nodes, stops the first once half the files are done, and waits for the rest.
     *
     * @param files how many files
     * @param nodes how many nodes
     * @return which node processed which file
     * @throws Exception when the server, the database or a node cannot start
     */
    public static Outcome run(int files, int nodes) throws Exception {
        try (EmbeddedFtpServer ftp = EmbeddedFtpServer.plain(USER, USER);
             EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                     .setPGStartupWait(Duration.ofMinutes(1)).start();
             HikariDataSource db = new HikariDataSource()) {
            db.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            createClaimTable(db);
            Path directory = Files.createDirectories(ftp.file(DIRECTORY));
            for (int i = 0; i < files; i++) {
                Files.writeString(directory.resolve(String.format("order-%04d.csv", i)), "order " + i + "\n");
            }
            String uri = "ftplib://" + USER + "@127.0.0.1:" + ftp.port() + "/" + DIRECTORY + "?password=" + USER;
            Map<String, List<String>> deliveries = new ConcurrentHashMap<>();
            List<CamelContext> contexts = new ArrayList<>();
            try {
                for (int i = 1; i <= nodes; i++) {
                    CamelContext node = node("node-" + i, uri, db, deliveries);
                    contexts.add(node);
                    node.start();
                }
                waitFor(() -> deliveries.size() >= files / 2);
                System.out.println("Stopping node-1 with " + deliveries.size() + " of " + files + " files done");
                contexts.get(0).stop();
                waitFor(() -> deliveries.size() >= files);
            } finally {
                for (CamelContext context : contexts) {
                    context.stop();
                }
            }
            return new Outcome(files, deliveries);
        }
    }

    /** Created once, before the nodes start: nodes starting together would race to create it. */
    private static void createClaimTable(DataSource db) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255), "
                    + "messageId VARCHAR(100), createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
        }
    }

    private static CamelContext node(String name, String uri, DataSource db, Map<String, List<String>> deliveries)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        JdbcOrphanLockAwareIdempotentRepository claims
                = new JdbcOrphanLockAwareIdempotentRepository(db, "ftplib-inbox", context);
        // a claim not refreshed for 5 s belongs to a dead node: the others may take the file
        claims.setLockMaxAgeMillis(5000);
        claims.setLockKeepAliveIntervalMillis(1000);
        context.getRegistry().bind("claims", claims);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&readLock=idempotent&idempotentRepository=#claims&readLockRemoveOnCommit=true"
                        + "&delete=true&shuffle=true&maxMessagesPerPoll=50&eagerMaxMessagesPerPoll=false"
                        + "&initialDelay=0&delay=200")
                        .routeId(name)
                        .process(exchange -> deliveries.computeIfAbsent(
                                exchange.getIn().getHeader(Exchange.FILE_NAME, String.class),
                                file -> new CopyOnWriteArrayList<>()).add(name));
            }
        });
        return context;
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("The nodes did not finish within 2 minutes");
            }
            Thread.sleep(50);
        }
    }

    /**
     * Which nodes processed each file.
     *
     * @param files      how many files there were
     * @param deliveries each delivered file's name and the nodes that processed it, in order
     */
    public record Outcome(int files, Map<String, List<String>> deliveries) {

        /** @return how many files were processed at least once */
        public int processed() {
            return deliveries.size();
        }

        /** @return how many deliveries were beyond a file's first */
        public int duplicates() {
            return deliveries.values().stream().mapToInt(nodes -> nodes.size() - 1).sum();
        }

        /** @return how many files each node processed */
        public Map<String, Long> perNode() {
            return deliveries.values().stream().flatMap(List::stream)
                    .collect(Collectors.groupingBy(node -> node, TreeMap::new, Collectors.counting()));
        }

        @Override
        public String toString() {
            return String.format("files=%d processed=%d duplicates=%d lost=%d per node: %s", files, processed(),
                    duplicates(), files - processed(), perNode());
        }
    }
}

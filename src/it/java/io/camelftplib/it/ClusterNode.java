package io.camelftplib.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;

/**
 * One node of {@link ClusterIT}, in a JVM of its own: an {@code ftplib:} route that claims each file in PostgreSQL
 * (camel-sql's orphan-aware repository), records the file's name and SHA-256 in the table {@code delivered}, and
 * deletes it from the server. Commands arrive on standard input: {@code go} starts the route, {@code stop} stops
 * the node gracefully. With a stall count, the node stops in the middle of the file after that many, holding its
 * claim and the open download, and prints {@code STALLED <name>} so the IT can kill it there.
 *
 * <p>Arguments: the endpoint URI (server and directory), the JDBC URL, the node's name, the stall count (0: never).
 */
final class ClusterNode {

    /** How long a claim lives without a keep-alive: how soon the others take the files of a node that died. */
    static final long LOCK_MAX_AGE_MILLIS = 4000;
    /** How often a node refreshes its claims; well below the age, so a busy node never loses one. */
    static final long KEEP_ALIVE_MILLIS = 1000;

    private ClusterNode() {
    }

    /**
     * Runs the node until {@code stop} or the end of standard input.
     *
     * @param args endpoint URI, JDBC URL, node name, stall count
     * @throws Exception when the node cannot start
     */
    public static void main(String[] args) throws Exception {
        String node = args[2];
        int stallAfter = Integer.parseInt(args[3]);
        try (HikariDataSource db = new HikariDataSource(); CamelContext context = new DefaultCamelContext()) {
            db.setJdbcUrl(args[1]);
            db.setMaximumPoolSize(4);
            JdbcOrphanLockAwareIdempotentRepository claims
                    = new JdbcOrphanLockAwareIdempotentRepository(db, "cluster-it", context);
            claims.setLockMaxAgeMillis(LOCK_MAX_AGE_MILLIS);
            claims.setLockKeepAliveIntervalMillis(KEEP_ALIVE_MILLIS);
            context.getRegistry().bind("claims", claims);
            Delivery delivery = new Delivery(db, node, stallAfter);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(args[0] + "&readLock=idempotent&idempotentRepository=#claims&readLockRemoveOnCommit=true"
                            + "&delete=true&shuffle=true&maxMessagesPerPoll=200&eagerMaxMessagesPerPoll=false"
                            + "&initialDelay=0&delay=200")
                            .routeId("node").autoStartup(false)
                            .process(delivery::record);
                }
            });
            context.start();
            System.out.println("READY " + node);
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = commands.readLine(); line != null && !line.equals("stop");
                    line = commands.readLine()) {
                if (line.equals("go")) {
                    context.getRouteController().startRoute("node");
                }
            }
        }
    }

    /** Records each delivered file in {@code delivered}; stalls once after a number of files when asked. */
    private static final class Delivery {

        private final HikariDataSource db;
        private final String node;
        private final int stallAfter;
        private final AtomicInteger delivered = new AtomicInteger();

        Delivery(HikariDataSource db, String node, int stallAfter) {
            this.db = db;
            this.node = node;
            this.stallAfter = stallAfter;
        }

        void record(Exchange exchange) throws Exception {
            String name = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
            if (stallAfter > 0 && delivered.get() == stallAfter) {
                // the download is open and the claim held: the IT kills this JVM here
                System.out.println("STALLED " + name);
                new CountDownLatch(1).await();
            }
            byte[] body = exchange.getIn().getBody(byte[].class);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            try (Connection connection = db.getConnection();
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO delivered (name, sha256, node) VALUES (?, ?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, sha256);
                insert.setString(3, node);
                insert.executeUpdate();
            }
            delivered.incrementAndGet();
        }
    }
}

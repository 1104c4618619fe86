package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simpler scale-out: several nodes run the route, and a Camel cluster service (camel-file's
 * {@link FileLockClusterService}, a lock file on storage the nodes share) starts it on the leader only. One node
 * consumes; when it stops, another becomes leader and takes over. It gives fail-over, not more throughput.
 */
@Timeout(120)
class LeaderOnlyConsumptionTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain().withoutSessionLeakCheck();

    @TempDir
    Path clusterRoot;

    private final List<String> deliveries = new CopyOnWriteArrayList<>();

    @Test
    void onlyTheLeaderConsumesAndAFollowerTakesOverWhenItStops() throws Exception {
        try (CamelContext first = node("first"); CamelContext second = node("second")) {
            first.start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> first.getRouteController().getRouteStatus("consume").isStarted());
            second.start();
            write("leader/a.txt", "a");
            write("leader/b.txt", "b");
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.size() == 2);
            assertThat(deliveries).containsExactlyInAnyOrder("first:a", "first:b");
            assertThat(second.getRouteController().getRouteStatus("consume").isStarted()).isFalse();

            first.stop();
            write("leader/c.txt", "c");
            await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.size() == 3);
            assertThat(deliveries).containsExactlyInAnyOrder("first:a", "first:b", "second:c");
        }
    }

    private CamelContext node(String name) throws Exception {
        CamelContext context = new DefaultCamelContext();
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(clusterRoot.toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        ClusteredRoutePolicy leaderOnly = ClusteredRoutePolicy.forNamespace(context, "ftplib-inbox");
        leaderOnly.setInitialDelay(Duration.ZERO);
        String uri = "ftplib://" + EmbeddedFtpServerExtension.USER + "@localhost:" + SERVER.port()
                + "/leader?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")"
                + "&delete=true&initialDelay=0&delay=100";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("consume").routePolicy(leaderOnly)
                        .process(exchange -> deliveries.add(name + ":" + exchange.getIn().getBody(String.class)));
            }
        });
        return context;
    }

    private static void write(String path, String content) throws IOException {
        Path file = SERVER.file(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}

package io.camelftplib.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.LoggingExceptionHandler;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file arrives whole and exactly once while the network and the server misbehave: a producer route uploads
 * 2,000 files of mixed sizes (0 B to 20 MiB) and a consumer route downloads them, both through a {@link FaultProxy}
 * that injects a fault every two seconds (truncation acknowledged with 226, cuts with FIN and RST, stalls, a reset
 * at {@code RETR}, a server restart). At the end every file was delivered once with the SHA-256 it was sent with,
 * no file under a final name is incomplete (remote or local), and no connection or thread outlives the routes.
 * Prints one summary line, {@code soak: files=N bytes=B faults=F lost=0 duplicated=0 corrupt=0 leaked=0}.
 *
 * <p>It runs against the embedded server, which can be restarted on the same port; it needs no real server.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class SoakIT {

    private static final int FILES = 2_000;
    private static final long SEED = 20_261_204L;
    private static final Duration FAULT_EVERY = Duration.ofSeconds(2);
    private static final Duration DEADLINE = Duration.ofMinutes(8);
    private static final Duration QUIET = Duration.ofSeconds(60);
    private static final String TEMP = ".tmp-";
    private static final String[] THREAD_PREFIXES = {FaultProxy.THREAD_PREFIX, "Camel ("};
    // short timeouts so a stalled transfer fails in seconds and is retried, not waited on for minutes
    private static final String TIMEOUTS = "connectTimeout=3000&soTimeout=5000&timeout=5000";

    @TempDir
    Path local;

    private final SoakFiles files = new SoakFiles(FILES, SEED);
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final AtomicInteger consumerFailures = new AtomicInteger();
    private final AtomicLong lastDelivery = new AtomicLong(System.nanoTime());

    @Test
    void everyFileArrivesWholeExactlyOnceUnderFaults() throws Exception {
        EmbeddedFtpServerExtension server = EmbeddedFtpServerExtension.plain();
        server.start();
        FaultProxy proxy = FaultProxy.start(server.host(), server.port());
        SoakFaults faults = new SoakFaults(proxy, server);
        ScheduledExecutorService injector = Executors.newSingleThreadScheduledExecutor();
        long started = System.nanoTime();
        int lost = FILES;
        int duplicated;
        int corrupt;
        int leaked;
        try {
            Files.createDirectories(server.file("soak"));
            try (CamelContext context = new DefaultCamelContext()) {
                // every name stays known: Camel's default in-memory repository forgets all but the last 1,000, and a
                // file uploaded again after an acknowledgement was lost would then be delivered again
                context.getRegistry().bind("seen", MemoryIdempotentRepository.memoryIdempotentRepository(4 * FILES));
                context.getRegistry().bind("consumerFailures", new LoggingExceptionHandler(context, getClass()) {
                    @Override
                    public void handleException(String message, Exchange exchange, Throwable exception) {
                        consumerFailures.incrementAndGet();
                    }
                });
                context.addRoutes(routes(proxy));
                context.start();
                injector.scheduleWithFixedDelay(() -> inject(faults), FAULT_EVERY.toMillis(), FAULT_EVERY.toMillis(),
                        TimeUnit.MILLISECONDS);
                upload(context.createProducerTemplate());
                awaitDeliveries();
                injector.shutdownNow();
                lost = FILES - deliveries.size();
            }
            duplicated = (int) deliveries.values().stream().filter(n -> n.get() > 1).count();
            deliveries.forEach((name, n) -> {
                if (n.get() > 1) {
                    System.err.println("soak: delivered " + n.get() + " times: " + name);
                }
            });
            corrupt = incompleteUnderFinalName(local) + incompleteUnderFinalName(server.file("soak"));
            leaked = leakedConnections(proxy, server) + leakedThreads(proxy);
        } finally {
            injector.shutdownNow();
            proxy.close();
            server.stop();
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        String line = String.format("soak: files=%d bytes=%d faults=%d lost=%d duplicated=%d corrupt=%d leaked=%d",
                FILES, files.totalBytes(), faults.struck(), lost, duplicated, corrupt, leaked);
        System.out.println(line);
        System.err.printf("soak took %d s; %d consumer failures were recovered%n", seconds, consumerFailures.get());
        assertThat(line).endsWith("lost=0 duplicated=0 corrupt=0 leaked=0");
        assertThat(faults.struck()).as("faults that struck").isGreaterThan(10);
    }

    private RouteBuilder routes(FaultProxy proxy) {
        String base = "ftplib://" + EmbeddedFtpServerExtension.USER + "@" + proxy.host() + ":" + proxy.port()
                + "/soak?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")&" + TIMEOUTS;
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upload").routeId("producer")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(30).redeliveryDelay(200)
                                .logRetryAttempted(false).logExhausted(false))
                        .to(base + "&tempPrefix=" + TEMP);
                from(base + "&delete=true&idempotent=true&idempotentRepository=#seen&antExclude=" + TEMP + "*"
                        + "&initialDelay=0&delay=100&exceptionHandler=#consumerFailures").routeId("consumer")
                        .errorHandler(defaultErrorHandler().logExhausted(false))
                        .to("file:" + local + "?tempPrefix=" + TEMP)
                        .process(e -> delivered(e.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class)));
            }
        };
    }

    /** Waits for every file; a file the consumer lost never comes, so it stops once none arrived for a while. */
    private void awaitDeliveries() {
        try {
            await("every file delivered, or none for " + QUIET).atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                    .until(() -> deliveries.size() == FILES
                            || System.nanoTime() - lastDelivery.get() > QUIET.toNanos());
        } catch (ConditionTimeoutException e) {
            // still arriving at the deadline: what did not arrive counts as lost in the summary line
            System.err.println("soak: " + e.getMessage());
        }
    }

    private void delivered(String name) {
        deliveries.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        lastDelivery.set(System.nanoTime());
    }

    private void upload(ProducerTemplate producer) {
        for (int i = 0; i < FILES; i++) {
            String name = files.name(i);
            byte[] content = files.content(i);
            Exchange result = producer.request("direct:upload", e -> {
                e.getIn().setBody(content);
                e.getIn().setHeader(Exchange.FILE_NAME, name);
            });
            if (result.getException() != null) {
                // counted as lost at the end: the file never reaches the consumer
                System.err.println("soak: upload of " + name + " gave up: " + result.getException());
            }
        }
    }

    private static void inject(SoakFaults faults) {
        try {
            faults.injectNext();
        } catch (Exception e) {
            // a restart that failed leaves the server down: the soak then fails on lost files, with this reason
            System.err.println("soak: injecting a fault failed: " + e);
        }
    }

    /** Counts files under a final name (not a temporary one) whose bytes are not those of the file named. */
    private int incompleteUnderFinalName(Path directory) throws IOException {
        int bad = 0;
        try (Stream<Path> all = Files.list(directory)) {
            for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                if (!file.getFileName().toString().startsWith(TEMP) && !files.isIntact(file)) {
                    System.err.println("soak: incomplete or unknown file under a final name: " + file);
                    bad++;
                }
            }
        }
        return bad;
    }

    /** Connections still open through the proxy or at the server once the routes stopped (given time to close). */
    private static int leakedConnections(FaultProxy proxy, EmbeddedFtpServerExtension server) {
        try {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> proxy.openConnections() == 0 && server.activeSessionCount() == 0);
        } catch (ConditionTimeoutException e) {
            System.err.println("soak: still open: " + proxy.openConnections() + " through the proxy, "
                    + server.activeSessionCount() + " server sessions");
        }
        return proxy.openConnections() + server.activeSessionCount();
    }

    /** Threads of the proxy and of Camel still alive after both were closed (given time to end). */
    private static int leakedThreads(FaultProxy proxy) {
        proxy.close();
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> liveThreads() == 0);
        } catch (ConditionTimeoutException e) {
            System.err.println("soak: threads still alive: " + liveThreads());
        }
        return (int) liveThreads();
    }

    private static long liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> Stream.of(THREAD_PREFIXES).anyMatch(p -> t.getName().startsWith(p))).count();
    }
}

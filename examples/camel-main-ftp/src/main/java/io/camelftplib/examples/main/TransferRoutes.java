package io.camelftplib.examples.main;

import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The demo's two routes, with their URI options spelled out: {@code upload} sends each inbox file to the server
 * under a temporary name; {@code download} polls the server, takes a file once it stopped changing
 * ({@code readLock=changed}), writes it to the outbox and moves the server copy to {@code .done}.
 * Placeholders ({@code {{demo.*}}}) come from {@code application.properties} or {@code -D} system properties.
 */
final class TransferRoutes extends RouteBuilder {

    /** Counted down once per file written to the outbox. */
    private final CountDownLatch arrivals;

    TransferRoutes(CountDownLatch arrivals) {
        this.arrivals = arrivals;
    }

    @Override
    public void configure() {
        String server = "ftplib://{{demo.server.username}}@{{demo.server.host}}:{{demo.server.port}}"
                + "/{{demo.server.directory}}"
                + "?password=RAW({{demo.server.password}})"
                + "&passiveMode=true"                // PASV/EPSV: works through client-side NAT and firewalls
                + "&binary=true"                     // TYPE I: bytes exactly as they are
                + "&connectTimeout=5000"             // ms to wait for the TCP connection
                + "&timeout=30000"                   // ms to wait for a reply or data
                + "&maximumReconnectAttempts=2&reconnectDelay=1000";
        from("file:{{demo.inbox}}?move=.uploaded").routeId("upload")
                .process(exchange -> start(exchange, "Uploaded"))
                .to(server + "&tempPrefix=.part-")   // upload as .part-name, then RNFR/RNTO to the name
                .process(exchange -> log(exchange, "Uploaded"));
        from(server
                + "&delay=500"                       // ms between polls
                + "&readLock=changed&readLockCheckInterval=500" // size and time unchanged between two checks
                + "&move=.done"                      // after success, RNFR/RNTO to .done/name on the server
                + "&sortBy=file:name").routeId("download")
                .process(exchange -> start(exchange, "Downloaded"))
                .to("file:{{demo.outbox}}")
                .process(exchange -> log(exchange, "Downloaded"))
                .process(exchange -> arrivals.countDown());
    }

    /** Notes the start time and, for a large file, logs progress as the body streams. */
    private static void start(Exchange exchange, String verb) {
        long size = exchange.getIn().getHeader(Exchange.FILE_LENGTH, 0L, Long.class);
        if (size >= ProgressInputStream.LARGE) {
            InputStream body = exchange.getIn().getBody(InputStream.class);
            exchange.getIn().setBody(ProgressInputStream.of(body,
                    verb + " " + exchange.getIn().getHeader(Exchange.FILE_NAME), size));
        }
        exchange.setProperty("started", System.nanoTime());
    }

    private static void log(Exchange exchange, String verb) {
        long nanos = System.nanoTime() - exchange.getProperty("started", Long.class);
        long size = exchange.getIn().getHeader(Exchange.FILE_LENGTH, 0L, Long.class);
        double megabytesPerSecond = size / 1e6 / Math.max(nanos, 1) * 1e9;
        org.slf4j.LoggerFactory.getLogger(TransferRoutes.class).info("{} {} ({} bytes) in {} ms, {} MB/s", verb,
                exchange.getIn().getHeader(Exchange.FILE_NAME), size, nanos / 1_000_000,
                String.format(Locale.ROOT, "%.2f", megabytesPerSecond));
    }
}

package io.camelftplib.examples.main;

import java.util.concurrent.CountDownLatch;

import io.camelftplib.examples.support.TransferLog;
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
        TransferLog uploads = new TransferLog("Uploaded");
        TransferLog downloads = new TransferLog("Downloaded");
        // noStreamCaching: the endpoint reads the body while it transfers, so the progress lines count bytes on
        // the wire; a cached body would be read into memory first
        from("file:{{demo.inbox}}?move=.uploaded").routeId("upload").noStreamCaching()
                .process(uploads::start)
                .to(server + "&tempPrefix=.part-")   // upload as .part-name, then RNFR/RNTO to the name
                .process(uploads::done);
        from(server
                + "&delay=500"                       // ms between polls
                + "&readLock=changed&readLockCheckInterval=500" // size and time unchanged between two checks
                + "&move=.done"                      // after success, RNFR/RNTO to .done/name on the server
                + "&sortBy=file:name").routeId("download").noStreamCaching()
                .process(downloads::start)
                .to("file:{{demo.outbox}}")
                .process(downloads::done)
                .process(exchange -> arrivals.countDown());
    }
}

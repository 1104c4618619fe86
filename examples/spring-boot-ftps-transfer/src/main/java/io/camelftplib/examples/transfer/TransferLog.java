package io.camelftplib.examples.transfer;

import java.io.InputStream;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times each transfer and logs what moved: file, size, duration and throughput; large bodies get a progress
 * stream. Used as {@code .process(log::start)} before the transfer and {@code .process(log::done)} after it.
 *
 * <p>Thread-safe: all state lives on the exchange.
 */
final class TransferLog {

    private static final Logger LOG = LoggerFactory.getLogger(TransferLog.class);
    private static final String STARTED = "demo.transferStarted";

    private final String verb;

    /**
     * Creates a log for one direction.
     *
     * @param verb {@code Uploaded} or {@code Downloaded}
     */
    TransferLog(String verb) {
        this.verb = verb;
    }

    /**
     * Notes the start time and wraps a large body in a progress stream.
     *
     * @param exchange the exchange about to be transferred
     */
    void start(Exchange exchange) {
        long size = size(exchange);
        if (size >= ProgressInputStream.LARGE) {
            InputStream body = exchange.getIn().getBody(InputStream.class);
            exchange.getIn().setBody(ProgressInputStream.of(body, verb + " " + name(exchange), size));
        }
        exchange.setProperty(STARTED, System.nanoTime());
    }

    /**
     * Logs the finished transfer.
     *
     * @param exchange the transferred exchange
     */
    void done(Exchange exchange) {
        long nanos = System.nanoTime() - exchange.getProperty(STARTED, Long.class);
        long size = size(exchange);
        double seconds = Math.max(nanos, 1) / 1e9;
        LOG.info("{} {} ({} bytes) in {} ms, {} MB/s", verb, name(exchange), size, nanos / 1_000_000,
                String.format(Locale.ROOT, "%.2f", size / 1e6 / seconds));
    }

    private static String name(Exchange exchange) {
        return exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
    }

    private static long size(Exchange exchange) {
        Long size = exchange.getIn().getHeader(Exchange.FILE_LENGTH, Long.class);
        return size == null ? -1 : size;
    }
}

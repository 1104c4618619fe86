package io.camelftplib.examples.support;

import java.io.InputStream;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times each transfer of a route and logs what moved: file, size, duration and rate; a large body also logs each
 * tenth as the transfer reads it. Used as {@code .process(log::start)} before the transfer endpoint and
 * {@code .process(log::done)} after it, in a route with stream caching off ({@code .noStreamCaching()}): a cached
 * body is read into memory before the transfer starts, so its progress would reach 100% before a byte moved.
 *
 * <p>Thread-safe: all state lives on the exchange.
 */
public final class TransferLog {

    /** Files below this size move too fast for progress lines to help. */
    public static final long LARGE = 4L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(TransferLog.class);
    private static final String STARTED = "demo.transferStarted";
    private static final long MIB = 1024 * 1024;

    private final String verb;

    /**
     * Creates a log for one direction.
     *
     * @param verb {@code Uploaded} or {@code Downloaded}
     */
    public TransferLog(String verb) {
        this.verb = verb;
    }

    /**
     * Notes the start time and wraps a large body in a stream that logs each tenth read.
     *
     * @param exchange the exchange about to be transferred
     */
    public void start(Exchange exchange) {
        long size = size(exchange);
        if (size >= LARGE) {
            String name = name(exchange);
            InputStream body = exchange.getIn().getBody(InputStream.class);
            exchange.getIn().setBody(new ProgressInputStream(body, size, tenth -> LOG.info("{} {}: {}% ({} of {} MiB)",
                    verb, name, tenth * 10, size * tenth / 10 / MIB, size / MIB)));
        }
        exchange.setProperty(STARTED, System.nanoTime());
    }

    /**
     * Logs the finished transfer.
     *
     * @param exchange the transferred exchange
     */
    public void done(Exchange exchange) {
        long nanos = System.nanoTime() - exchange.getProperty(STARTED, Long.class);
        long size = size(exchange);
        LOG.info("{} {} ({} bytes) in {} ms, {}", verb, name(exchange), size, nanos / 1_000_000, rate(size, nanos));
    }

    /**
     * A transfer rate with a unit that keeps small files readable: {@code 12.5 MB/s}, {@code 3.4 kB/s},
     * {@code 350 B/s} (decimal units, as network rates are given).
     *
     * @param bytes the bytes moved
     * @param nanos how long it took
     * @return the rate
     */
    static String rate(long bytes, long nanos) {
        double perSecond = Math.max(bytes, 0) * 1e9 / Math.max(nanos, 1);
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.1f MB/s", perSecond / 1e6);
        }
        if (perSecond >= 1e3) {
            return String.format(Locale.ROOT, "%.1f kB/s", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f B/s", perSecond);
    }

    private static String name(Exchange exchange) {
        return exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
    }

    private static long size(Exchange exchange) {
        Long size = exchange.getIn().getHeader(Exchange.FILE_LENGTH, Long.class);
        return size == null ? -1 : size;
    }
}

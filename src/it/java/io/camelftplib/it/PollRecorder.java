package io.camelftplib.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Runs one polling consumer route until a poll finds nothing to do, and records every message it received: each
 * file's body and {@code CamelFile*} headers, and each failure the consumer bridged into the route. The URI gets
 * {@code sendEmptyMessageWhenIdle=true} (the empty message marks the idle poll) and {@code bridgeErrorHandler=true}
 * (a failed download becomes a recorded message, not a WARN with a stack trace). Not thread-safe: one run at a time.
 */
final class PollRecorder {

    /** How long a route may take to reach a poll with nothing to do. */
    static final Duration UNTIL_IDLE = Duration.ofSeconds(40);

    /** One message the route received: a file, or a failure ({@code "failure: <file>: <exception>"}). */
    record Delivery(String name, byte[] body, Map<String, Object> headers) {
    }

    /** What a route received, in name order, and whether it reached a poll with nothing to do. */
    record Recorded(List<Delivery> deliveries, boolean idle) {

        /** The names received, failures included. */
        List<String> names() {
            return deliveries.stream().map(Delivery::name).toList();
        }
    }

    private PollRecorder() {
    }

    /**
     * Starts {@code uri} (which must already hold a query) with the beans bound, waits up to {@link #UNTIL_IDLE}
     * for an idle poll, stops the route and returns what it received.
     */
    static Recorded poll(String uri, Map<String, Object> beans) throws Exception {
        List<Delivery> deliveries = new ArrayList<>();
        CountDownLatch idle = new CountDownLatch(1);
        boolean reachedIdle;
        try (CamelContext context = new DefaultCamelContext()) {
            beans.forEach(context.getRegistry()::bind);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(Exception.class).handled(true).process(e -> record(deliveries, failure(e)));
                    from(uri + "&sendEmptyMessageWhenIdle=true&bridgeErrorHandler=true").process(e -> {
                        if (e.getMessage().getBody() == null) {
                            idle.countDown();
                        } else {
                            record(deliveries, delivery(e));
                        }
                    });
                }
            });
            context.start();
            // not reaching an idle poll is for the caller to assert, after the deliveries that say why
            reachedIdle = idle.await(UNTIL_IDLE.toMillis(), TimeUnit.MILLISECONDS);
        }
        List<Delivery> sorted;
        synchronized (deliveries) {
            sorted = new ArrayList<>(deliveries);
        }
        sorted.sort(Comparator.comparing(Delivery::name));
        return new Recorded(sorted, reachedIdle);
    }

    private static void record(List<Delivery> deliveries, Delivery delivery) {
        synchronized (deliveries) {
            deliveries.add(delivery);
        }
    }

    private static Delivery delivery(Exchange exchange) {
        Map<String, Object> headers = new TreeMap<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (name.startsWith("CamelFile")) {
                headers.put(name, value);
            }
        });
        return new Delivery(exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class),
                exchange.getMessage().getBody(byte[].class), headers);
    }

    private static Delivery failure(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String name = "failure: " + exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class) + ": "
                + (cause == null ? "?" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        return new Delivery(name, new byte[0], Map.of());
    }
}

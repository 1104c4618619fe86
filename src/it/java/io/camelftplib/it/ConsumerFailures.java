package io.camelftplib.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

/**
 * A consumer's exception handler for ITs that provoke failures: keeps each failure (so none is logged) and lets the
 * test wait for the first.
 *
 * <p>Thread-safe.
 */
final class ConsumerFailures implements ExceptionHandler {

    private final CountDownLatch first = new CountDownLatch(1);
    private final List<Throwable> all = new CopyOnWriteArrayList<>();

    /** Waits for the first failure; true when it came in time. */
    boolean awaitFirst(long timeout, TimeUnit unit) throws InterruptedException {
        return first.await(timeout, unit);
    }

    /** The failures so far, in order. */
    List<Throwable> all() {
        return List.copyOf(all);
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        all.add(exception);
        first.countDown();
    }
}

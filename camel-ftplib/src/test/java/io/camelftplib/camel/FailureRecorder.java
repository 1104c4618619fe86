package io.camelftplib.camel;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

/**
 * A consumer {@code exceptionHandler} for tests: collects what the consumer reports instead of logging it, so a
 * test can assert each failure and the log stays quiet.
 */
final class FailureRecorder implements ExceptionHandler {

    private final List<Throwable> failures;

    FailureRecorder(List<Throwable> failures) {
        this.failures = failures;
    }

    @Override
    public void handleException(Throwable exception) {
        failures.add(exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        failures.add(exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        failures.add(exception);
    }
}

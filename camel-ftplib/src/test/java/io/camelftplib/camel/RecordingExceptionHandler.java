package io.camelftplib.camel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

/**
 * A consumer's exception handler ({@code exceptionHandler=#name}) for tests that make polls or files fail on
 * purpose: it keeps each failure for the test to assert, where Camel's default handler would log a WARN with the
 * stack trace. Thread-safe: consumers report from their own threads.
 */
final class RecordingExceptionHandler implements ExceptionHandler {

    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    /** The failures so far, in the order they came; the list follows later ones. */
    List<Throwable> failures() {
        return failures;
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

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

    private final List<String> failures = new CopyOnWriteArrayList<>();

    /** Each failure as {@code message: exception message}, in the order they came. */
    List<String> failures() {
        return List.copyOf(failures);
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
        failures.add(message + ": " + exception.getMessage());
    }
}

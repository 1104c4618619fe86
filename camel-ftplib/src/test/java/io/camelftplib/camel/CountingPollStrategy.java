package io.camelftplib.camel;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * A poll strategy for tests: counts the polls that completed and those that failed, adds up the messages the
 * completed polls reported, and keeps the last failure.
 */
final class CountingPollStrategy implements PollingConsumerPollStrategy {

    final AtomicInteger commits = new AtomicInteger();
    final AtomicInteger rollbacks = new AtomicInteger();
    final AtomicInteger polledMessages = new AtomicInteger();
    volatile Exception lastFailure;

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        this.polledMessages.addAndGet(polledMessages);
        commits.incrementAndGet();
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        lastFailure = cause;
        rollbacks.incrementAndGet();
        return false;
    }
}

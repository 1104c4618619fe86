package io.camelftplib.examples.transfer;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Knows which files the demo expects in the outbox and when all of them arrived.
 *
 * <p>Thread-safe.
 */
final class Completion {

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final CountDownLatch allArrived = new CountDownLatch(1);

    /**
     * Sets the files to wait for.
     *
     * @param names file names in the inbox
     */
    void expect(Set<String> names) {
        pending.addAll(names);
        if (pending.isEmpty()) {
            allArrived.countDown();
        }
    }

    /**
     * Records that a file reached the outbox.
     *
     * @param name its name
     */
    void arrived(String name) {
        if (pending.remove(name) && pending.isEmpty()) {
            allArrived.countDown();
        }
    }

    /**
     * Waits for the last expected file.
     *
     * @param timeout how long to wait
     * @return true when all arrived in time
     * @throws InterruptedException when interrupted
     */
    boolean await(Duration timeout) throws InterruptedException {
        return allArrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return the files still expected */
    Set<String> pending() {
        return Set.copyOf(pending);
    }
}

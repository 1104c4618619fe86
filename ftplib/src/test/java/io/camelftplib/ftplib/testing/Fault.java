package io.camelftplib.ftplib.testing;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One fault armed on a {@link FaultProxy}: what it does, and whether it has struck yet, so a test can assert that
 * the failure it sees is the one it injected (and not a bug elsewhere). Thread-safe: the proxy's threads fire it,
 * the test reads it.
 */
public final class Fault {

    private final String description;
    private final AtomicBoolean fired = new AtomicBoolean();

    Fault(String description) {
        this.description = description;
    }

    /**
     * Tells whether the fault has struck: the proxy cut, truncated, stalled, flipped or answered as armed.
     *
     * @return {@code true} once it has
     */
    public boolean hasFired() {
        return fired.get();
    }

    void fire() {
        fired.set(true);
    }

    @Override
    public String toString() {
        return description + (hasFired() ? " (fired)" : " (armed)");
    }
}

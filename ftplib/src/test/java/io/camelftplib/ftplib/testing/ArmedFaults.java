package io.camelftplib.ftplib.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The faults armed on a {@link FaultProxy} and not yet struck, each waiting for the Nth event of its kind (the
 * Nth download, the Nth {@code RETR}, the Nth control connection), counted from the moment it was armed.
 * Thread-safe: tests arm from their thread, relays take from theirs.
 *
 * @param <K> what events are told apart by (a transfer kind, a command verb)
 * @param <F> the fault
 */
final class ArmedFaults<K, F> {

    private static final class Waiting<K, F> {
        final K key;
        final F fault;
        int remaining;

        Waiting(K key, F fault, int remaining) {
            this.key = key;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final List<Waiting<K, F>> waiting = new ArrayList<>();

    /** Arms {@code fault} for the {@code nth} event of {@code key} from now (1 is the next one). */
    synchronized void arm(K key, int nth, F fault) {
        if (nth < 1) {
            throw new IllegalArgumentException("faults strike on the 1st event from now or later, not the " + nth);
        }
        waiting.add(new Waiting<>(key, fault, nth));
    }

    /**
     * Counts one event of {@code key} and returns the fault that strikes on it: the first armed one whose count
     * it completes. Another one completed by the same event strikes on the next event instead, so no armed fault
     * is lost.
     */
    synchronized Optional<F> strike(K key) {
        F struck = null;
        for (Iterator<Waiting<K, F>> it = waiting.iterator(); it.hasNext();) {
            Waiting<K, F> w = it.next();
            if (!w.key.equals(key)) {
                continue;
            }
            w.remaining--;
            if (w.remaining <= 0 && struck == null) {
                struck = w.fault;
                it.remove();
            } else if (w.remaining <= 0) {
                w.remaining = 1;
            }
        }
        return Optional.ofNullable(struck);
    }

    /** Whether any fault is still waiting. */
    synchronized boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** Forgets every armed fault. */
    synchronized void clear() {
        waiting.clear();
    }

    /** The armed faults, for a test's failure message. */
    synchronized List<F> pending() {
        List<F> all = new ArrayList<>();
        waiting.forEach(w -> all.add(w.fault));
        return all;
    }
}

package io.camelftplib.camel.strategy;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;

/**
 * One node's claim on one remote file, held in a shared {@link IdempotentRepository} and carried by the exchange
 * that acquired it. Only that exchange can end the claim, so a node never removes a claim another node holds: a node
 * that lost the race for a file has no claim on its exchange and releases nothing.
 *
 * <p>Thread-safe: the claim ends once, whichever thread ends it first (the consumer after a failed download, or
 * the thread that completes the exchange).
 */
public final class FileClaim {

    /** The exchange property that holds the claim from the read lock until commit, rollback or abort. */
    public static final String PROPERTY = "CamelFtplibFileClaim";

    private final IdempotentRepository repository;
    private final String key;
    private final AtomicBoolean held = new AtomicBoolean(true);

    FileClaim(IdempotentRepository repository, String key) {
        this.repository = repository;
        this.key = key;
    }

    /**
     * Releases the claim the exchange holds, if it holds one, so that any node may take the file again. The consumer
     * calls it when the download failed before the route ran (camel-file then neither commits nor rolls back).
     *
     * @param exchange the exchange of one file
     * @return true when the exchange held a claim and it was released; false when it held none
     */
    public static boolean releaseHeldBy(Exchange exchange) {
        FileClaim claim = exchange.getProperty(PROPERTY, FileClaim.class);
        return claim != null && claim.end(exchange, true);
    }

    /**
     * Ends the claim once: removes the key (the file may be taken again) or confirms it (the key stays, so no node
     * takes the file again). Later calls do nothing.
     *
     * @param exchange the exchange that holds the claim
     * @param remove   remove the key rather than confirm it
     * @return true when this call ended the claim
     */
    boolean end(Exchange exchange, boolean remove) {
        if (!held.compareAndSet(true, false)) {
            return false;
        }
        exchange.removeProperty(PROPERTY);
        if (remove) {
            repository.remove(exchange, key);
        } else {
            repository.confirm(exchange, key);
        }
        return true;
    }

    /**
     * Returns the key the claim holds in the repository.
     *
     * @return the key
     */
    String key() {
        return key;
    }

    @Override
    public String toString() {
        return "claim on " + key + (held.get() ? "" : " (ended)");
    }
}

package io.camelftplib.camel.strategy;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camelftplib.camel.FtplibFile;
import io.camelftplib.camel.FtplibOperations;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileHelper;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.spi.CamelLogger;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code readLock=idempotent}: before a file is downloaded, this node claims it in an {@link IdempotentRepository}
 * that every node shares (a database table, a data grid), so that among several nodes polling one directory only
 * the one that added the key processes the file. After claiming, it asks the server about the one file (MLST, or
 * SIZE): a file gone by then was taken by another node between this node's listing and its claim, and is skipped.
 *
 * <p>Each claim lives on the exchange that acquired it ({@link FileClaim}), so only that exchange ends it: a node
 * that lost the race releases nothing (camel-file's idempotent read lock removes the key on abort, even the one the
 * winner holds, and the file is then taken a second time). A claim is ended on commit (confirmed, or removed with
 * {@code readLockRemoveOnCommit}), on rollback (removed, or confirmed without {@code readLockRemoveOnRollback}), and
 * on a failed download, so another node or a later poll fetches the file whole.
 *
 * <p>Thread-safe: each file's claim travels with its exchange; the consumer's threads share only the repository.
 */
public final class FtplibIdempotentReadLock extends ServiceSupport
        implements MarkerlessReadLock, CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger(FtplibIdempotentReadLock.class);

    private final CamelLogger log = new CamelLogger(LOG);
    private final ClaimOptions options;
    private CamelContext camelContext;
    private GenericFileEndpoint<FtplibFile> endpoint;
    private ScheduledExecutorService releases;

    FtplibIdempotentReadLock(ClaimOptions options) {
        if (options.repository() == null) {
            throw new IllegalArgumentException("readLock=idempotent needs the idempotentRepository option: a "
                    + "repository every node shares, such as camel-sql's JdbcOrphanLockAwareIdempotentRepository");
        }
        this.options = options;
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<FtplibFile> operations,
                                 GenericFileEndpoint<FtplibFile> endpoint) {
        this.endpoint = endpoint;
        LOG.info("Claiming each file in {} before processing it on {}", options.repository(), endpoint);
    }

    /**
     * Claims the file in the shared repository, then checks that it still exists on the server.
     *
     * @param operations the consumer's operations
     * @param file       the file
     * @param exchange   the exchange; it holds the claim until the file is committed, rolled back or aborted
     * @return true when this node holds the claim and the file exists; false when another node holds it or the file
     *         is gone (camel-file then aborts, which ends this node's claim)
     */
    @Override
    public boolean acquireExclusiveReadLock(GenericFileOperations<FtplibFile> operations, GenericFile<FtplibFile> file,
                                            Exchange exchange) {
        String key = keyOf(exchange, file);
        if (!options.repository().add(exchange, key)) {
            log.log("Cannot acquire read lock on " + file + ": another node claimed it. Will skip the file");
            return false;
        }
        exchange.setProperty(FileClaim.PROPERTY, new FileClaim(options.repository(), key));
        if (((FtplibOperations) operations).stat(file.getAbsoluteFilePath(), false).isEmpty()) {
            // another node finished it (and ended its claim) between this node's listing and its claim
            LOG.debug("Skipping {}: it no longer exists, another node took it; releasing this node's claim", file);
            return false;
        }
        return true;
    }

    @Override
    public void releaseExclusiveReadLockOnAbort(GenericFileOperations<FtplibFile> operations,
                                                GenericFile<FtplibFile> file, Exchange exchange) {
        FileClaim.releaseHeldBy(exchange);
    }

    @Override
    public void releaseExclusiveReadLockOnRollback(GenericFileOperations<FtplibFile> operations,
                                                   GenericFile<FtplibFile> file, Exchange exchange)
            throws InterruptedException {
        end(exchange, options.removeOnRollback());
    }

    /**
     * Ends the claim of a delivered file: confirms it, or with {@code readLockRemoveOnCommit} removes it once the file
     * is gone from where it was listed. camel-file ends the claim even when the delete or move failed; removing the
     * claim then would let any node deliver the file again, so the claim is confirmed instead, with a warning (and
     * also when the server cannot be asked).
     */
    @Override
    public void releaseExclusiveReadLockOnCommit(GenericFileOperations<FtplibFile> operations,
                                                 GenericFile<FtplibFile> file, Exchange exchange)
            throws InterruptedException {
        boolean remove = false;
        try {
            remove = options.removeOnCommit() && (endpoint.isNoop() || isGone(operations, file));
            if (options.removeOnCommit() && !remove) {
                LOG.warn("{} was delivered but is still on the server (its delete or move failed): keeping the "
                        + "claim so that no node delivers it again; remove the file, then its key from {}", file,
                        options.repository());
            }
        } finally {
            end(exchange, remove);
        }
    }

    private static boolean isGone(GenericFileOperations<FtplibFile> operations, GenericFile<FtplibFile> file) {
        String listed = file.getCopyFromAbsoluteFilePath() != null ? file.getCopyFromAbsoluteFilePath()
                : file.getAbsoluteFilePath();
        return ((FtplibOperations) operations).stat(listed, false).isEmpty();
    }

    private void end(Exchange exchange, boolean remove) throws InterruptedException {
        FileClaim claim = exchange.getProperty(FileClaim.PROPERTY, FileClaim.class);
        if (claim == null) {
            return;
        }
        long delay = options.releaseDelay();
        if (delay > 0 && releases != null) {
            releases.schedule(() -> claim.end(exchange, remove), delay, TimeUnit.MILLISECONDS);
            return;
        }
        if (delay > 0) {
            Thread.sleep(delay);
        }
        claim.end(exchange, remove);
    }

    private String keyOf(Exchange exchange, GenericFile<FtplibFile> file) {
        if (endpoint.getIdempotentKey() != null) {
            Exchange dummy = GenericFileHelper.createDummy(endpoint, exchange, () -> file);
            return endpoint.getIdempotentKey().evaluate(dummy, String.class);
        }
        // the path the file had when it was listed: preMove may have renamed it since
        return file.getCopyFromAbsoluteFilePath() != null ? file.getCopyFromAbsoluteFilePath()
                : file.getAbsoluteFilePath();
    }

    @Override
    protected void doStart() {
        if (options.releaseDelay() > 0 && options.releaseAsync() && releases == null) {
            releases = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                    "FtplibClaimRelease");
        }
    }

    @Override
    protected void doStop() {
        if (releases != null) {
            // a graceful shutdown lets the pending delayed releases run, so claims do not outlive a stopped consumer
            camelContext.getExecutorServiceManager().shutdownGraceful(releases);
            releases = null;
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public void setTimeout(long timeout) {
        // a claim is taken at once or not at all
    }

    @Override
    public void setCheckInterval(long checkInterval) {
        // a claim is taken at once or not at all
    }

    @Override
    public void setReadLockLoggingLevel(LoggingLevel readLockLoggingLevel) {
        log.setLevel(readLockLoggingLevel);
    }
}

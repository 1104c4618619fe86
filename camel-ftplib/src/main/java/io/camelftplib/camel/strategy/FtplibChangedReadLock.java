package io.camelftplib.camel.strategy;

import java.util.Optional;

import io.camelftplib.camel.FtplibFile;
import io.camelftplib.camel.FtplibOperations;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.spi.CamelLogger;
import org.apache.camel.util.StopWatch;
import org.slf4j.LoggerFactory;

/**
 * {@code readLock=changed}: takes a file once its size and modification time stopped changing between two checks
 * {@code readLockCheckInterval} apart (or once it is {@code readLockMinAge} old), and it is at least
 * {@code readLockMinLength} long. Each check asks about the one file ({@code MLST}, or {@code SIZE} and
 * {@code MDTM}); the directory is never listed again.
 *
 * <p>Not thread-safe: configured once, then used by the consumer's thread.
 */
public final class FtplibChangedReadLock implements MarkerlessReadLock {

    private final CamelLogger log = new CamelLogger(LoggerFactory.getLogger(FtplibChangedReadLock.class));
    private long timeout;
    private long checkInterval = 1000;
    private long minLength = 1;
    private long minAge;

    /** Creates the read lock with camel-file's defaults. */
    public FtplibChangedReadLock() {
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<FtplibFile> operations,
                                 GenericFileEndpoint<FtplibFile> endpoint) {
        // nothing is left behind by this lock, so nothing to clean up
    }

    /**
     * Waits until the file is stable.
     *
     * @param operations the consumer's operations
     * @param file       the file
     * @param exchange   the exchange
     * @return true when the file is stable, false when the timeout passed first or the file disappeared
     * @throws InterruptedException when interrupted while waiting
     */
    @Override
    public boolean acquireExclusiveReadLock(GenericFileOperations<FtplibFile> operations, GenericFile<FtplibFile> file,
                                            Exchange exchange) throws InterruptedException {
        FtplibOperations ftplib = (FtplibOperations) operations;
        StopWatch watch = new StopWatch();
        FtplibFile previous = null;
        while (true) {
            Optional<FtplibFile> now = ftplib.stat(file.getAbsoluteFilePath(), true);
            if (now.isEmpty()) {
                log.log("Cannot acquire read lock on " + file + ": it no longer exists");
                return false;
            }
            FtplibFile current = now.get();
            if (isStable(previous, current, System.currentTimeMillis())) {
                // the download is checked against this size, the one seen to stop changing, not the listing's
                file.setFile(current);
                return true;
            }
            previous = current;
            if (timeout > 0 && watch.taken() + checkInterval > timeout) {
                log.log("Cannot acquire read lock within " + timeout + " millis on " + file
                        + ": it is still changing or too short");
                return false;
            }
            Thread.sleep(checkInterval);
        }
    }

    private boolean isStable(FtplibFile previous, FtplibFile current, long now) {
        if (current.size() < minLength) {
            return false;
        }
        if (minAge > 0) {
            return current.lastModified() > 0 && now - current.lastModified() >= minAge;
        }
        return previous != null && previous.size() == current.size()
                && previous.lastModified() == current.lastModified();
    }

    @Override
    public void releaseExclusiveReadLockOnAbort(GenericFileOperations<FtplibFile> operations,
                                                GenericFile<FtplibFile> file, Exchange exchange) {
        // the changed lock holds nothing on the server
    }

    @Override
    public void releaseExclusiveReadLockOnRollback(GenericFileOperations<FtplibFile> operations,
                                                   GenericFile<FtplibFile> file, Exchange exchange) {
        // the changed lock holds nothing on the server
    }

    @Override
    public void releaseExclusiveReadLockOnCommit(GenericFileOperations<FtplibFile> operations,
                                                 GenericFile<FtplibFile> file, Exchange exchange) {
        // the changed lock holds nothing on the server
    }

    @Override
    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    @Override
    public void setCheckInterval(long checkInterval) {
        this.checkInterval = checkInterval;
    }

    @Override
    public void setReadLockLoggingLevel(LoggingLevel readLockLoggingLevel) {
        log.setLevel(readLockLoggingLevel);
    }

    /**
     * Sets the smallest length a file must have.
     *
     * @param minLength bytes
     */
    public void setMinLength(long minLength) {
        this.minLength = minLength;
    }

    /**
     * Sets how old a file must be; with it, one check suffices.
     *
     * @param minAge milliseconds
     */
    public void setMinAge(long minAge) {
        this.minAge = minAge;
    }
}

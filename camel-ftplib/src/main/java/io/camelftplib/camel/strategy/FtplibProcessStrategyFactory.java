package io.camelftplib.camel.strategy;

import java.util.Map;

import io.camelftplib.camel.FtplibFile;
import org.apache.camel.CamelContext;
import org.apache.camel.Expression;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileProcessStrategy;
import org.apache.camel.component.file.GenericFileProcessStrategyFactory;
import org.apache.camel.component.file.strategy.GenericFileExpressionRenamer;
import org.apache.camel.component.file.strategy.GenericFileNoOpProcessStrategy;
import org.apache.camel.component.file.strategy.GenericFileRenameExclusiveReadLockStrategy;

/**
 * Chooses what happens to a consumed file around the route (camel-file's delete, rename and no-op strategies) and
 * its read lock ({@code none}, {@code rename}, or {@code changed} by {@link FtplibChangedReadLock}).
 *
 * <p>Stateless; thread-safe.
 */
public final class FtplibProcessStrategyFactory implements GenericFileProcessStrategyFactory<FtplibFile> {

    /** Creates the factory. */
    public FtplibProcessStrategyFactory() {
    }

    /**
     * Creates the strategy for an endpoint's options.
     *
     * @param context the Camel context
     * @param params  camel-file's {@code getParamsAsMap()}
     * @return the strategy
     * @throws IllegalArgumentException when {@code readLock} is not one the component honours; this is the one
     *                                  place the value is checked, when the consumer is created
     */
    @Override
    public GenericFileProcessStrategy<FtplibFile> createGenericFileProcessStrategy(CamelContext context,
                                                                                  Map<String, Object> params) {
        ProcessOptions<FtplibFile> options = ProcessOptions.of(params);
        GenericFileExclusiveReadLockStrategy<FtplibFile> readLock = readLock(options);
        if (options.delete()) {
            FtplibDeleteProcessStrategy strategy = new FtplibDeleteProcessStrategy();
            strategy.setExclusiveReadLockStrategy(readLock);
            strategy.setBeginRenamer(renamer(options.preMove()));
            strategy.setFailureRenamer(renamer(options.moveFailed()));
            return strategy;
        }
        if (options.noop() || options.move() != null || options.preMove() != null || options.moveFailed() != null) {
            FtplibRenameProcessStrategy strategy = new FtplibRenameProcessStrategy();
            strategy.setExclusiveReadLockStrategy(readLock);
            strategy.setCommitRenamer(options.noop() ? null : renamer(options.move()));
            strategy.setBeginRenamer(renamer(options.preMove()));
            strategy.setFailureRenamer(renamer(options.moveFailed()));
            return strategy;
        }
        GenericFileNoOpProcessStrategy<FtplibFile> strategy = new GenericFileNoOpProcessStrategy<>();
        strategy.setExclusiveReadLockStrategy(readLock);
        return strategy;
    }

    private static GenericFileExpressionRenamer<FtplibFile> renamer(Expression expression) {
        if (expression == null) {
            return null;
        }
        GenericFileExpressionRenamer<FtplibFile> renamer = new GenericFileExpressionRenamer<>();
        renamer.setExpression(expression);
        return renamer;
    }

    private static GenericFileExclusiveReadLockStrategy<FtplibFile> readLock(ProcessOptions<FtplibFile> options) {
        if (options.custom() != null) {
            return options.custom();
        }
        GenericFileExclusiveReadLockStrategy<FtplibFile> lock;
        switch (options.readLock()) {
            case "rename" -> lock = new GenericFileRenameExclusiveReadLockStrategy<>();
            case "changed" -> {
                FtplibChangedReadLock changed = new FtplibChangedReadLock();
                changed.setMinLength(options.minLength());
                changed.setMinAge(options.minAge());
                lock = changed;
            }
            case "none", "off", "false" -> {
                return null;
            }
            default -> throw new IllegalArgumentException("readLock=" + options.readLock()
                    + " is not supported by ftplib: use none, rename or changed (markerFile, fileLock and the"
                    + " idempotent read locks need a local file system or a shared repository)");
        }
        lock.setTimeout(options.timeout());
        lock.setCheckInterval(options.checkInterval());
        lock.setReadLockLoggingLevel(options.loggingLevel());
        return lock;
    }
}

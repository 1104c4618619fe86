package io.camelftplib.camel.strategy;

import java.util.Map;

import org.apache.camel.Expression;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;

/**
 * The options of camel-file's {@code getParamsAsMap()}, typed once: what the strategy factory needs.
 *
 * <p>Immutable.
 *
 * @param noop            leave files in place
 * @param delete          delete files after processing
 * @param move            where to move on commit, or null
 * @param moveFailed      where to move on rollback, or null
 * @param preMove         where to move before processing, or null
 * @param readLock        the readLock option: none, rename, changed or idempotent
 * @param custom          a custom read lock strategy, or null
 * @param timeout         the read lock timeout in milliseconds
 * @param checkInterval   the read lock check interval in milliseconds
 * @param minLength       the smallest length a changed file must have
 * @param minAge          how old in milliseconds a file must be before the changed lock takes it
 * @param loggingLevel    the level of read lock messages
 * @param claims          the options of {@code readLock=idempotent}
 * @param <T>             the file type
 */
record ProcessOptions<T>(boolean noop, boolean delete, Expression move, Expression moveFailed, Expression preMove,
                         String readLock, GenericFileExclusiveReadLockStrategy<T> custom, long timeout,
                         long checkInterval, long minLength, long minAge, LoggingLevel loggingLevel,
                         ClaimOptions claims) {

    @SuppressWarnings("unchecked")
    static <T> ProcessOptions<T> of(Map<String, Object> params) {
        return new ProcessOptions<>(params.get("noop") != null, params.get("delete") != null,
                (Expression) params.get("move"), (Expression) params.get("moveFailed"),
                (Expression) params.get("preMove"), (String) params.getOrDefault("readLock", "none"),
                (GenericFileExclusiveReadLockStrategy<T>) params.get("exclusiveReadLockStrategy"),
                number(params.get("readLockTimeout"), 0), number(params.get("readLockCheckInterval"), 0),
                number(params.get("readLockMinLength"), 1), number(params.get("readLockMinAge"), 0),
                (LoggingLevel) params.getOrDefault("readLockLoggingLevel", LoggingLevel.DEBUG),
                ClaimOptions.of(params));
    }

    private static long number(Object value, long fallback) {
        return value instanceof Number n ? n.longValue() : fallback;
    }
}

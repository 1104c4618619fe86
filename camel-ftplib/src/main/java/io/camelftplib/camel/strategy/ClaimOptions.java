package io.camelftplib.camel.strategy;

import java.util.Map;

import org.apache.camel.spi.IdempotentRepository;

/**
 * The options of {@code readLock=idempotent}, typed once from camel-file's {@code getParamsAsMap()}; they keep
 * camel-file's names.
 *
 * <p>Immutable.
 *
 * @param repository       the repository all nodes share ({@code idempotentRepository}), or null
 * @param removeOnCommit   remove the claim after a file was processed ({@code readLockRemoveOnCommit}); otherwise
 *                         it is confirmed and stays
 * @param removeOnRollback remove the claim after a failure ({@code readLockRemoveOnRollback}); otherwise it is
 *                         confirmed and the file is not taken again
 * @param releaseDelay     milliseconds to wait before a commit or rollback ends the claim
 *                         ({@code readLockIdempotentReleaseDelay})
 * @param releaseAsync     end delayed claims on a thread of their own instead of the consumer's
 *                         ({@code readLockIdempotentReleaseAsync})
 */
record ClaimOptions(IdempotentRepository repository, boolean removeOnCommit, boolean removeOnRollback,
                    long releaseDelay, boolean releaseAsync) {

    static ClaimOptions of(Map<String, Object> params) {
        return new ClaimOptions((IdempotentRepository) params.get("readLockIdempotentRepository"),
                flag(params.get("readLockRemoveOnCommit"), false), flag(params.get("readLockRemoveOnRollback"), true),
                params.get("readLockIdempotentReleaseDelay") instanceof Number n ? n.longValue() : 0,
                flag(params.get("readLockIdempotentReleaseAsync"), false));
    }

    private static boolean flag(Object value, boolean fallback) {
        return value instanceof Boolean b ? b : fallback;
    }
}

package io.camelftplib.camel;

import java.util.Map;

import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The health of one consumer's connection to the FTP server, as Camel's health-check registry (and through it
 * Spring Boot's {@code /actuator/health}) sees it: DOWN from the moment connecting or logging in failed, with that
 * failure's message (it names the server and user), until a later connection succeeds. A consumer whose connection
 * is fine is then judged by its polls ({@code delegate}). Producers, which connect only when sent to, have an
 * active check instead ({@link ProducerProbe}).
 *
 * <p>It reads only what the consumer or producer thread recorded, never touching the connection itself, so a
 * health probe cannot disturb a transfer. Thread-safe.
 */
final class FtplibHealthCheck implements HealthCheck {

    private final String id;
    private final FtplibOperations operations;
    private final HealthCheck delegate;
    private volatile boolean enabled = true;

    /**
     * Creates the check.
     *
     * @param id         the check's id, e.g. {@code consumer:route1}
     * @param operations the operations whose connection attempts are judged
     * @param delegate   what decides once the connection is fine (the consumer's poll check)
     */
    FtplibHealthCheck(String id, FtplibOperations operations, HealthCheck delegate) {
        this.id = id;
        this.operations = operations;
        this.delegate = delegate;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        builder.detail("server", operations.serverInformation());
        if (!enabled) {
            return builder.message("Disabled").detail(CHECK_ENABLED, false).unknown().build();
        }
        GenericFileOperationFailedException failure = operations.lastConnectFailure();
        if (failure != null) {
            return builder.down().message(failure.getMessage()).error(failure).build();
        }
        return delegate.call(options);
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        delegate.setEnabled(enabled);
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }
}

package io.camelftplib.camel;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The health of a producer's server, found out actively: at most once per interval it connects and logs in on a
 * connection of its own (AUTH TLS and the handshake first for {@code ftplibs:}), then sends QUIT. So an unreachable
 * server, a refused login or TLS material that cannot be loaded or is not trusted shows as DOWN before any exchange is
 * sent, and a server that is back shows UP again at the next probe. Between probes it reports the last result.
 *
 * <p>The probe never uses the producer's connections, so it cannot disturb a transfer; it tries once, without the
 * producer's reconnect attempts. Thread-safe: calls are serialized, so concurrent health requests probe once.
 */
final class ProducerProbe implements HealthCheck {

    /** The default interval: a login every 30 s is little load for a server, and soon enough for monitoring. */
    static final long DEFAULT_INTERVAL_MILLIS = 30_000;

    private final String id;
    private final FtplibEndpoint endpoint;
    private final long intervalNanos;
    private volatile boolean enabled = true;
    private Result last;
    private long lastProbe;

    /**
     * Creates the check.
     *
     * @param id             the check's id, e.g. {@code producer:ftplib://alice@host:21/in}
     * @param endpoint       the producer's endpoint: its options say how to connect and log in
     * @param intervalMillis the least time between two probes
     */
    ProducerProbe(String id, FtplibEndpoint endpoint, long intervalMillis) {
        this.id = id;
        this.endpoint = endpoint;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    }

    @Override
    public synchronized Result call(Map<String, Object> options) {
        if (!enabled) {
            return builder().message("Disabled").detail(CHECK_ENABLED, false).unknown().build();
        }
        long now = System.nanoTime();
        if (last == null || now - lastProbe >= intervalNanos) {
            last = probe();
            lastProbe = now;
        }
        return last;
    }

    private Result probe() {
        FtplibConfiguration config = endpoint.getConfiguration();
        try (FtplibSession session = new FtplibSession(config, endpoint.clientFactory())) {
            session.connectOnce();
            return builder().up().build();
        } catch (IOException e) {
            GenericFileOperationFailedException failure = OperationFailures.wrap("Cannot connect",
                    config.remoteServerInformation(), e);
            return builder().down().message(failure.getMessage()).error(failure).build();
        }
    }

    private HealthCheckResultBuilder builder() {
        return HealthCheckResultBuilder.on(this).detail("server", endpoint.getConfiguration().remoteServerInformation());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
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

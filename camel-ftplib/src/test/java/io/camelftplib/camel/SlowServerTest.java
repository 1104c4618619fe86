package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.Fault;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that stops sending a listing half way holds a poll only as long as the listing timeout, however long
 * the read timeout; and stopping the route while such a poll is stuck ends in seconds, not after the read timeout
 * and a whole soTimeout of waiting for QUIT's reply.
 */
@Timeout(60)
class SlowServerTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    private final RecordingExceptionHandler failures = new RecordingExceptionHandler();
    private FaultProxy proxy;

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    @AfterEach
    void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** The listing stalls after its first entries; the poll fails at listingTimeout=1s despite timeout=60s. */
    @Test
    void aStalledListingFailsThePollAtTheListingTimeout() throws Exception {
        stalledListing("stalled", "timeout=60s&listingTimeout=1s");
        await().atMost(Duration.ofSeconds(20)).until(() -> !failures.failures().isEmpty());
        assertThat(failures.failures().get(0)).hasStackTraceContaining(
                "did not finish within the listing timeout of 1000 ms");
    }

    /**
     * The route stops while its poll is stuck in a listing (read timeout 60 s, listing timeout 10 min): the stop
     * closes the connection under the poll and finishes well within the test's timeout, with nothing reported as a
     * poll failure.
     */
    @Test
    @Timeout(20)
    void stoppingWhileAPollIsStuckFinishesInSeconds() throws Exception {
        Fault stall = stalledListing("stuck", "timeout=60s&soTimeout=300s");
        await().atMost(Duration.ofSeconds(10)).until(stall::hasFired);
        context.getRouteController().stopRoute("r-stuck");
        assertThat(context.getRouteController().getRouteStatus("r-stuck")).isEqualTo(ServiceStatus.Stopped);
        assertThat(failures.failures()).isEmpty();
    }

    private Fault stalledListing(String dir, String options) throws Exception {
        for (int i = 0; i < 50; i++) {
            write(dir + "/file-" + i + ".txt", "content " + i);
        }
        proxy = FaultProxy.start("127.0.0.1", SERVER.port());
        Fault stall = proxy.nextListing().stallAfter(200);
        context.getRegistry().bind("failures", failures);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftpVia(proxy, dir, options + "&delay=60000&maximumReconnectAttempts=0"
                        + "&exceptionHandler=#failures")).routeId("r-" + dir).autoStartup(false)
                        .to("mock:" + dir);
            }
        });
        start(dir);
        return stall;
    }
}

package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.LoggingExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Shared set-up of the tests that prove a transfer counts as done only when it arrived whole: a {@link FaultProxy}
 * between the routes and the embedded server, and one list of every failure the routes saw, from the consumer
 * (its {@code exceptionHandler}, for downloads that fail before an exchange is routed) and from failed exchanges.
 * Recording them keeps the test log quiet and lets each test assert the message.
 */
abstract class IntegrityTestSupport extends FtplibTestSupport {

    static final int MIB = 1024 * 1024;

    /** One server for each test class; the tests drop connections on purpose, so sessions may outlive a test. */
    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain().withoutSessionLeakCheck();

    /** Every failure, in the order seen. */
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    FaultProxy proxy;

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    @BeforeEach
    void startProxyAndRecordFailures() throws Exception {
        proxy = FaultProxy.start(server().host(), server().port());
        context.getRegistry().bind("failures", new LoggingExceptionHandler(context, getClass()) {
            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                failures.add(exception);
            }
        });
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                Exchange exchange = ((CamelEvent.ExchangeFailedEvent) event).getExchange();
                failures.add(exchange.getException());
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.ExchangeFailedEvent;
            }
        });
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    /** A consumer URI through the proxy, failures recorded. */
    String via(String directory, String options) {
        return "ftplib://" + EmbeddedFtpServerExtension.USER + "@" + proxy.host() + ":" + proxy.port() + "/"
                + directory + "?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")&initialDelay=0"
                + "&exceptionHandler=#failures" + (options.contains("delay=") ? "" : "&delay=100")
                + (options.isEmpty() ? "" : "&" + options);
    }

    /** A producer URI through the proxy. */
    String toVia(String directory, String options) {
        return "ftplib://" + EmbeddedFtpServerExtension.USER + "@" + proxy.host() + ":" + proxy.port() + "/"
                + directory + "?password=RAW(" + EmbeddedFtpServerExtension.PASSWORD + ")"
                + (options.isEmpty() ? "" : "&" + options);
    }

    /** Random bytes of a given size, the same for the same seed. */
    static byte[] content(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * Waits until a failure has been recorded or the file was committed (or delivered) without one, and no
     * exchange is in flight; then asserts that it failed and returns the first failure.
     *
     * @param committed tells whether the file was treated as done (moved, delivered, uploaded)
     * @return the first failure
     */
    Throwable awaitFailureRatherThan(Callable<Boolean> committed) {
        await("a failure, or the file treated as done").atMost(Duration.ofSeconds(20))
                .until(() -> !failures.isEmpty() || committed.call());
        await().atMost(Duration.ofSeconds(20)).until(() -> context.getInflightRepository().size() == 0);
        assertThat(failures).as("the transfer must fail rather than be treated as done").isNotEmpty();
        return failures.get(0);
    }

    /** Every message of a failure and its causes, joined: what an operator reads in the log. */
    static String messages(Throwable failure) {
        return Stream.iterate(failure, t -> t != null, Throwable::getCause).map(String::valueOf)
                .collect(Collectors.joining(" <- "));
    }
}

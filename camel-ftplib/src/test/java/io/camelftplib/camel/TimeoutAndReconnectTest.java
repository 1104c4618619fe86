package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.PatternStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The three timeouts and the reconnect options, each against a server that stalls where the option applies: a
 * listener whose accept queue is full (connectTimeout), a reply held back (soTimeout), a data connection that
 * sends nothing or an upload the server stops reading (timeout), and a server that closes every connection at once
 * (maximumReconnectAttempts, reconnectDelay). Each test would take the option's default time, far beyond its
 * Awaitility bound, if the option were ignored (the stalled upload, forever).
 */
@Timeout(60)
class TimeoutAndReconnectTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();
    @RegisterExtension
    static final FaultyFtpServerExtension FAULTY = new FaultyFtpServerExtension();

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    private static String uriAt(int port, String directory, String options) {
        return "ftplib://" + EmbeddedFtpServerExtension.USER + "@127.0.0.1:" + port + "/" + directory + "?password=RAW("
                + EmbeddedFtpServerExtension.PASSWORD + ")&" + options;
    }

    private CompletableFuture<Exchange> upload(String uri) {
        return template.asyncSend(uri, e -> {
            e.getIn().setBody("x");
            e.getIn().setHeader(Exchange.FILE_NAME, "x.txt");
        });
    }

    private static Throwable rootCause(Exchange exchange) {
        Throwable t = exchange.getException();
        while (t != null && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Test
    void connectTimeoutBoundsTheTcpConnect() throws Exception {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            fillAcceptQueue(full, fillers);
            CompletableFuture<Exchange> result = upload(uriAt(full.getLocalPort(), "ct",
                    "connectTimeout=300&maximumReconnectAttempts=0"));
            await().atMost(Duration.ofSeconds(5)).until(result::isDone);
            assertThat(rootCause(result.get())).isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("Connect timed out");
        } finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }

    /** Connects until the kernel stops completing handshakes: then it drops SYNs and a connect hangs. */
    private static void fillAcceptQueue(ServerSocket server, List<Socket> fillers) throws IOException {
        for (int i = 0; i < 16; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(server.getLocalSocketAddress(), 500);
                fillers.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                return;
            }
        }
        throw new IllegalStateException("the accept queue of " + server + " never filled");
    }

    @Test
    void soTimeoutBoundsTheWaitForAReply() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SERVER.beforeCommand("TYPE", argument -> awaitQuietly(release));
        try {
            CompletableFuture<Exchange> result = upload(uriAt(SERVER.port(), "so",
                    "soTimeout=300&maximumReconnectAttempts=0"));
            await().atMost(Duration.ofSeconds(5)).until(result::isDone);
            assertThat(rootCause(result.get())).isInstanceOf(SocketTimeoutException.class);
            assertThat(SERVER.commands()).last().isEqualTo("TYPE I");
        } finally {
            release.countDown();
        }
    }

    /** Holds a server thread, as a slow server would, for at most 30 s. */
    private static void awaitQuietly(CountDownLatch release) {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void timeoutBoundsTheWaitForData() throws Exception {
        Files.createDirectories(FAULTY.file("stall"));
        Files.writeString(FAULTY.file("stall/stalled.txt"), "never sent");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from(uriAt(FAULTY.port(), "stall", "timeout=300&delay=60000&initialDelay=0")).routeId("stall")
                        .autoStartup(false).convertBodyTo(String.class).to("mock:stall");
            }
        });
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        try {
            context.getRouteController().startRoute("stall");
            await().atMost(Duration.ofSeconds(5)).until(() -> dead.getReceivedCounter() == 1);
            Throwable failure = dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            assertThat(failure).hasRootCauseInstanceOf(SocketTimeoutException.class);
            assertThat(getMockEndpoint("mock:stall").getReceivedCounter()).isZero();
            assertThat(FAULTY.file("stall/stalled.txt")).exists();
        } finally {
            FAULTY.releaseStalledReads();
        }
    }

    /**
     * A server that stops reading an upload (its disk stalls) fills the socket buffers, and a Java socket write then
     * blocks forever: the timeout option bounds it. The exchange fails naming the file, the server and the option;
     * the temporary file is never renamed into place; the next upload reconnects.
     */
    @Test
    @Timeout(30)
    void timeoutBoundsAnUploadTheServerStopsReading() throws Exception {
        Files.createDirectories(FAULTY.file("upstall"));
        String uri = uriAt(FAULTY.port(), "upstall", "timeout=1000&tempPrefix=tmp-");
        try {
            // far more than the socket buffers of both ends hold, generated as it is sent
            CompletableFuture<Exchange> stalled = template.asyncSend(uri, e -> {
                e.getIn().setBody(new PatternStream(64L * 1024 * 1024));
                e.getIn().setHeader(Exchange.FILE_NAME, "stalled.bin");
            });
            await().atMost(Duration.ofSeconds(10)).until(stalled::isDone);
            assertThat(stalled.get().getException())
                    .hasMessageStartingWith("Cannot store file: upstall/tmp-stalled.bin on ftplib://")
                    .hasMessageContaining("@127.0.0.1:" + FAULTY.port() + ": the server read nothing of the upload"
                            + " for 1000 ms")
                    .hasMessageContaining("endpoint option timeout")
                    .hasRootCauseInstanceOf(java.net.SocketException.class)
                    .hasCauseInstanceOf(SocketTimeoutException.class);
            assertThat(FAULTY.file("upstall/stalled.bin")).doesNotExist();

            Exchange next = template.send(uri, e -> {
                e.getIn().setBody("after the stall \u00e9\r\n");
                e.getIn().setHeader(Exchange.FILE_NAME, "next.txt");
            });
            assertThat(next.getException()).isNull();
            assertThat(FAULTY.file("upstall/next.txt")).hasContent("after the stall \u00e9\r\n");
        } finally {
            FAULTY.releaseStalledWrites();
        }
    }

    @Test
    void maximumReconnectAttemptsConnectsThatManyTimesMoreThenFails() throws Exception {
        try (ClosingServer server = new ClosingServer()) {
            CompletableFuture<Exchange> result = upload(uriAt(server.port(), "re",
                    "maximumReconnectAttempts=2&reconnectDelay=10"));
            await().atMost(Duration.ofSeconds(5)).until(result::isDone);
            assertThat(result.get().getException()).isNotNull();
            await().atMost(Duration.ofSeconds(2)).until(() -> server.accepted() == 3);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> server.accepted() == 3);
        }
    }

    @Test
    void reconnectDelayIsWaitedBetweenAttempts() throws Exception {
        try (ClosingServer server = new ClosingServer()) {
            CompletableFuture<Exchange> result = upload(uriAt(server.port(), "rd",
                    "maximumReconnectAttempts=1&reconnectDelay=2500"));
            await().atMost(Duration.ofSeconds(2)).until(() -> server.accepted() == 1);
            // the default delay of 1 s would already have brought the second attempt
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(2)).until(() -> server.accepted() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> server.accepted() == 2 && result.isDone());
            assertThat(result.get().getException()).isNotNull();
        }
    }

    /**
     * throwExceptionOnConnectFailed (true by default, unlike ftp:) fails the poll, so the consumer's error handling
     * and health see the failure; false only logs a WARN and skips the poll.
     */
    @Test
    void throwExceptionOnConnectFailedDecidesWhetherAFailedConnectFailsThePoll() throws Exception {
        CountingPollStrategy throwing = new CountingPollStrategy();
        CountingPollStrategy lenient = new CountingPollStrategy();
        context.getRegistry().bind("throwing", throwing);
        context.getRegistry().bind("lenient", lenient);
        RecordingExceptionHandler failures = new RecordingExceptionHandler();
        context.getRegistry().bind("failures", failures);
        try (ClosingServer server = new ClosingServer()) {
            String options = "maximumReconnectAttempts=0&initialDelay=0&delay=100&pollStrategy=#";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uriAt(server.port(), "t", options + "throwing&exceptionHandler=#failures")).to("mock:none");
                    from(uriAt(server.port(), "l", options + "lenient&throwExceptionOnConnectFailed=false"))
                            .to("mock:none");
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> throwing.rollbacks.get() >= 2
                    && lenient.commits.get() >= 2);
            assertThat(throwing.commits.get()).isZero();
            assertThat(throwing.lastFailure).hasMessageContaining("Cannot connect");
            assertThat(failures.failures()).first().asString().contains("Cannot connect");
            assertThat(lenient.rollbacks.get()).isZero();
        }
    }

    /** Accepts connections and closes each at once, before any welcome; counts them. */
    private static final class ClosingServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        private final AtomicInteger accepted = new AtomicInteger();
        private final Thread acceptor = new Thread(this::acceptAll, "closing-server");

        ClosingServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void acceptAll() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    accepted.incrementAndGet();
                } catch (IOException e) {
                    // closed by close(): the test is over
                    return;
                }
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

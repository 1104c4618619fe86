package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code maxConnections}: a consumer routes that many files of a poll at once, each over its own logged-in
 * connection and committed there; a failing file leaves the others alone; a producer called from several threads
 * uploads over several connections; {@code ftplibs:} does the same under {@code PROT P}.
 *
 * <p>Parallelism is shown with barriers the route or the upload body waits at: with one connection the second
 * file never arrives while the first waits, the barrier times out and the test fails.
 */
@Timeout(60)
class MaxConnectionsTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();
    @RegisterExtension
    static final EmbeddedFtpServerExtension TLS = EmbeddedFtpServerExtension.explicitTls();

    private static final int BARRIER_SECONDS = 20;

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    @Test
    void consumerRoutesAsManyFilesAtOnceAsItHasConnections() throws Exception {
        List<String> names = writeFiles("par", 9);
        Path target = Files.createTempDirectory("par-out");
        Set<Integer> sessionsSeen = ConcurrentHashMap.newKeySet();
        CyclicBarrier threeAtOnce = new CyclicBarrier(3, () -> sessionsSeen.add(SERVER.activeSessionCount()));
        consumeThrough(ftp("par", "maxConnections=3&move=.done"), threeAtOnce, target, "par");

        NotifyBuilder done = new NotifyBuilder(context).fromRoute("par").whenCompleted(9).create();
        context.getRouteController().startRoute("par");

        assertThat(done.matches(40, TimeUnit.SECONDS)).as("9 files routed three at a time").isTrue();
        // three files in the route at once held three open downloads, one per logged-in connection
        assertThat(sessionsSeen).containsExactly(3);
        for (String name : names) {
            assertThat(target.resolve(name)).hasContent(content(name));
            assertThat(SERVER.file("par/.done/" + name)).hasContent(content(name));
            assertThat(SERVER.file("par/" + name)).doesNotExist();
        }
        context.getRouteController().stopRoute("par");
    }

    @Test
    void aFileFailingOnOneConnectionLeavesTheOthersToComplete() throws Exception {
        List<String> names = writeFiles("fail", 6);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the failure is the point: it must leave f2.txt in place, so the error handler need not log it
                from(ftp("fail", "maxConnections=3&move=.done&delay=600000")).routeId("fail").autoStartup(false)
                        .errorHandler(defaultErrorHandler().logExhausted(false))
                        .process(e -> {
                            if (e.getIn().getHeader(Exchange.FILE_NAME, String.class).equals("f2.txt")) {
                                throw new IllegalStateException("refused by the route");
                            }
                        })
                        .convertBodyTo(String.class).to("mock:fail");
            }
        });
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("fail").whenDone(6).create();
        context.getRouteController().startRoute("fail");

        assertThat(done.matches(40, TimeUnit.SECONDS)).isTrue();
        for (String name : names) {
            boolean failed = name.equals("f2.txt");
            assertThat(SERVER.file("fail/" + name).toFile().exists()).as(name + " left in place").isEqualTo(failed);
            assertThat(SERVER.file("fail/.done/" + name).toFile().exists()).as(name + " moved").isEqualTo(!failed);
        }
        assertThat(getMockEndpoint("mock:fail").getReceivedExchanges())
                .extracting(e -> e.getIn().getBody(String.class))
                .containsExactlyInAnyOrder(content("f0.txt"), content("f1.txt"), content("f3.txt"),
                        content("f4.txt"), content("f5.txt"));
        context.getRouteController().stopRoute("fail");
    }

    @Test
    void producerUploadsFromSeveralThreadsOverSeveralConnections() throws Exception {
        CyclicBarrier bothUploading = new CyclicBarrier(2);
        String uri = to("up", "maxConnections=2");
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            List<Future<Exchange>> sent = List.of(
                    senders.submit(() -> upload(uri, "a.bin", "first upload", bothUploading)),
                    senders.submit(() -> upload(uri, "b.bin", "second upload", bothUploading)));
            for (Future<Exchange> exchange : sent) {
                assertThat(exchange.get(40, TimeUnit.SECONDS).getException()).isNull();
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(SERVER.file("up/a.bin")).hasContent("first upload");
        assertThat(SERVER.file("up/b.bin")).hasContent("second upload");
    }

    @Test
    void ftplibsConsumerRunsEachConnectionUnderProtP() throws Exception {
        context.getRegistry().bind("trustTls", FtplibsRouteTest.trusting(TLS));
        List<String> names = List.of("t0.txt", "t1.txt", "t2.txt", "t3.txt");
        for (String name : names) {
            Files.createDirectories(TLS.file("tls"));
            Files.writeString(TLS.file("tls/" + name), content(name));
        }
        Path target = Files.createTempDirectory("tls-out");
        Set<Integer> sessionsSeen = ConcurrentHashMap.newKeySet();
        CyclicBarrier twoAtOnce = new CyclicBarrier(2, () -> sessionsSeen.add(TLS.activeSessionCount()));
        String uri = "ftplibs://" + EmbeddedFtpServerExtension.USER + "@localhost:" + TLS.port() + "/tls?password=RAW("
                + EmbeddedFtpServerExtension.PASSWORD + ")&sslContextParameters=#trustTls&maxConnections=2"
                + "&initialDelay=0&delay=600000&delete=true";
        consumeThrough(uri, twoAtOnce, target, "tls");

        NotifyBuilder done = new NotifyBuilder(context).fromRoute("tls").whenCompleted(4).create();
        context.getRouteController().startRoute("tls");

        assertThat(done.matches(40, TimeUnit.SECONDS)).isTrue();
        assertThat(sessionsSeen).containsExactly(2);
        for (String name : names) {
            assertThat(target.resolve(name)).hasContent(content(name));
            assertThat(TLS.file("tls/" + name)).doesNotExist();
        }
        assertThat(TLS.commands()).filteredOn(line -> line.startsWith("PROT")).containsExactly("PROT P", "PROT P");
        context.getRouteController().stopRoute("tls");
    }

    @Test
    void fewerThanOneConnectionIsRefusedWithTheOptionNamed() {
        assertThatThrownBy(() -> context.getEndpoint(ftp("x", "maxConnections=0")))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageStartingWith("The option maxConnections=0 of ftplib://alice@localhost:")
                .hasMessageEndingWith("is out of range (a consumer or producer needs one): use 1 to 2147483647");
    }

    /** Adds the stopped route {@code id}: every file waits at the barrier, then is written to {@code target}. */
    private void consumeThrough(String uri, CyclicBarrier barrier, Path target, String id) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + (uri.contains("delay=") ? "" : "&delay=600000")).routeId(id).autoStartup(false)
                        .process(e -> barrier.await(BARRIER_SECONDS, TimeUnit.SECONDS))
                        .to("file:" + target);
            }
        });
    }

    private Exchange upload(String uri, String name, String text, CyclicBarrier barrier) {
        return template.request(uri, e -> {
            e.getIn().setHeader(Exchange.FILE_NAME, name);
            e.getIn().setBody(new WaitingStream(text.getBytes(StandardCharsets.UTF_8), barrier));
        });
    }

    private List<String> writeFiles(String directory, int count) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "f" + i + ".txt";
            write(directory + "/" + name, content(name));
            names.add(name);
        }
        return names;
    }

    private static String content(String name) {
        return ("content of " + name + "\n").repeat(200);
    }

    /** A body that, on its first read (the upload has started: STOR was accepted), waits for the other uploads. */
    private static final class WaitingStream extends InputStream {

        private final InputStream bytes;
        private final CyclicBarrier barrier;
        private boolean waited;

        WaitingStream(byte[] content, CyclicBarrier barrier) {
            this.bytes = new java.io.ByteArrayInputStream(content);
            this.barrier = barrier;
        }

        @Override
        public int read() throws IOException {
            awaitOthers();
            return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            awaitOthers();
            return bytes.read(b, off, len);
        }

        private void awaitOthers() throws IOException {
            if (waited) {
                return;
            }
            waited = true;
            try {
                barrier.await(BARRIER_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted at the barrier");
            } catch (BrokenBarrierException | TimeoutException e) {
                throw new IOException("the other upload did not start while this one was open", e);
            }
        }
    }
}

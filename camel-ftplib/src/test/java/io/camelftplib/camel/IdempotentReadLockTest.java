package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code readLock=idempotent}: consumers sharing one repository, as nodes sharing a database would, each take a
 * file only after claiming it; a consumer ends only the claims it took, skips files another node took, and releases
 * its claim when the download fails so that the file is fetched whole later.
 */
@Timeout(60)
class IdempotentReadLockTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain().withoutSessionLeakCheck();

    private final RecordingClaimRepository claims = new RecordingClaimRepository();
    private final RecordingExceptionHandler recorder = new RecordingExceptionHandler();
    private final List<Throwable> failures = recorder.failures();

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    @BeforeEach
    void bindRepository() {
        context.getRegistry().bind("claims", claims);
        context.getRegistry().bind("failures", recorder);
    }

    private static String claimed(String extra) {
        return "readLock=idempotent&idempotentRepository=#claims&exceptionHandler=#failures" + extra;
    }

    /** Two nodes on one directory: every file delivered once. */
    @Test
    void twoConsumersSharingOneRepositoryDeliverEachFileExactlyOnce() throws Exception {
        int files = 40;
        for (int i = 0; i < files; i++) {
            write("shared/f" + i + ".txt", "content " + i);
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a different delay makes each node an endpoint of its own, with its own in-progress list
                for (String node : List.of("10", "11")) {
                    from(ftp("shared", claimed("&delete=true&readLockRemoveOnCommit=true&shuffle=true&delay=" + node)))
                            .routeId("node-" + node).autoStartup(false)
                            .convertBodyTo(String.class).to("mock:shared");
                }
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:shared");
        mock.expectedMessageCount(files);
        context.getRouteController().startRoute("node-10");
        context.getRouteController().startRoute("node-11");

        mock.assertIsSatisfied();
        List<String> bodies = mock.getExchanges().stream().map(e -> e.getIn().getBody(String.class)).toList();
        assertThat(bodies).doesNotHaveDuplicates().hasSize(files);
        await().atMost(Duration.ofSeconds(10)).until(() -> SERVER.file("shared").toFile().list().length == 0);
        // stopping waits for the exchanges in flight, so a second delivery of any file would be counted by now
        context.getRouteController().stopRoute("node-10");
        context.getRouteController().stopRoute("node-11");
        assertThat(mock.getReceivedCounter()).isEqualTo(files);
        assertThat(failures).isEmpty();
    }

    /**
     * A claim held by another node stays in place however often this node fails to claim the file; camel-file's
     * idempotent read lock removes it on the abort that follows the failed claim, and then takes the file as well.
     */
    @Test
    void consumerThatLosesTheRaceLeavesTheOtherNodesClaimInPlace() throws Exception {
        write("race/a.txt", "a");
        claims.add("race/a.txt");
        MockEndpoint mock = consume("race", claimed("&delete=true&delay=20"), 1);
        start("race");

        await().atMost(Duration.ofSeconds(10)).until(() -> claims.callsFor("race/a.txt").stream()
                .filter(call -> call.equals("add race/a.txt=false")).count() >= 3);
        assertThat(claims.contains("race/a.txt")).isTrue();
        assertThat(claims.callsFor("race/a.txt")).noneMatch(call -> call.startsWith("remove"));
        assertThat(mock.getReceivedCounter()).isZero();
        assertThat(SERVER.file("race/a.txt")).exists();

        // the other node gave the file up (its download failed): now this node takes it
        claims.remove("race/a.txt");
        mock.expectedBodiesReceived("a");
        mock.assertIsSatisfied();
        assertThat(failures).isEmpty();
    }

    /** A file another node finished between this node's listing and its claim: no RETR, no error, claim ended. */
    @Test
    void fileGoneByTheTimeOfTheClaimIsSkippedQuietlyAndTheClaimReleased() throws Exception {
        write("gone/a.txt", "a");
        write("gone/b.txt", "b");
        claims.beforeAdd(key -> {
            if (key.equals("gone/a.txt")) {
                delete("gone/a.txt");
            }
        });
        MockEndpoint mock = consume("gone", claimed("&delete=true&sortBy=file:name"), 1);
        mock.expectedBodiesReceived("b");
        start("gone");

        mock.assertIsSatisfied();
        assertThat(claims.callsFor("gone/a.txt")).containsExactly("add gone/a.txt=true", "remove gone/a.txt");
        assertThat(SERVER.commands()).noneMatch(command -> command.equals("RETR gone/a.txt"));
        assertThat(failures).isEmpty();
    }

    /** A 550 on RETR of a claimed file means another node took it: skipped without an error, the claim ended. */
    @Test
    void retrAnsweredWith550AfterTheClaimIsSkippedQuietlyAndTheClaimReleased() throws Exception {
        write("taken/a.txt", "a");
        write("taken/b.txt", "b");
        SERVER.beforeCommand("RETR", path -> {
            if (path.endsWith("a.txt")) {
                delete("taken/a.txt");
            }
        });
        MockEndpoint mock = consume("taken", claimed("&delete=true&sortBy=file:name"), 1);
        mock.expectedBodiesReceived("b");
        start("taken");

        mock.assertIsSatisfied();
        assertThat(claims.callsFor("taken/a.txt")).containsExactly("add taken/a.txt=true", "remove taken/a.txt");
        assertThat(claims.contains("taken/a.txt")).isFalse();
        assertThat(failures).isEmpty();
    }

    /**
     * A download that breaks part way rolls the claim back (removed, never confirmed), so a later poll, here or on
     * another node, fetches the file whole; only then is the claim confirmed.
     */
    @Test
    void brokenDownloadReleasesTheClaimAndOnlyTheWholeFileConfirmsIt() throws Exception {
        byte[] content = new byte[8 * 1024 * 1024];
        new Random(7).nextBytes(content);
        write("broken/big.bin", content);
        AtomicBoolean dropped = new AtomicBoolean();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                from(ftp("broken", claimed("&move=.done&maximumReconnectAttempts=0&delay=50")))
                        .routeId("r-broken").autoStartup(false)
                        .process(e -> e.getIn().setBody(new DropAfterFirstMegabyte(
                                e.getIn().getBody(InputStream.class), dropped, SERVER::disconnectAllSessions)))
                        .convertBodyTo(byte[].class).to("mock:broken");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:broken");
        mock.expectedMessageCount(1);
        start("broken");

        mock.assertIsSatisfied();
        assertThat(dropped).isTrue();
        assertThat(mock.getExchanges().get(0).getIn().getBody(byte[].class)).isEqualTo(content);
        await().atMost(Duration.ofSeconds(10)).until(() -> claims.callsFor("broken/big.bin").size() == 4);
        assertThat(claims.callsFor("broken/big.bin")).containsExactly("add broken/big.bin=true",
                "remove broken/big.bin", "add broken/big.bin=true", "confirm broken/big.bin");
    }

    /** A failed RETR (the connection dropped as RETR arrived) ends the claim; the next poll fetches the file. */
    @Test
    void retrFailingBeforeTheRouteReleasesTheClaimAndANextPollDeliversTheFile() throws Exception {
        write("refused/a.txt", "a");
        AtomicBoolean dropped = new AtomicBoolean();
        SERVER.beforeCommand("RETR", path -> {
            if (dropped.compareAndSet(false, true)) {
                SERVER.disconnectAllSessions();
            }
        });
        MockEndpoint mock = consume("refused", claimed("&delete=true&delay=50"), 1);
        mock.expectedBodiesReceived("a");
        start("refused");

        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> claims.callsFor("refused/a.txt").size() == 4);
        assertThat(claims.callsFor("refused/a.txt")).containsExactly("add refused/a.txt=true",
                "remove refused/a.txt", "add refused/a.txt=true", "confirm refused/a.txt");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).hasMessageContaining("Cannot retrieve file: refused/a.txt");
    }

    /**
     * A file delivered whose delete then failed (a directory took its name just before DELE, so the server refuses
     * it) keeps its claim, confirmed, so no node delivers it again; camel-file removes the claim on commit whether
     * the delete worked or not.
     */
    @Test
    void deliveredFileWhoseDeleteFailedKeepsItsClaim() throws Exception {
        write("undeleted/a.txt", "a");
        SERVER.beforeCommand("DELE", path -> {
            try {
                Path file = SERVER.file("undeleted/a.txt");
                Files.deleteIfExists(file);
                Files.writeString(Files.createDirectories(file).resolve("inside.txt"), "x");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        MockEndpoint mock = consume("undeleted", claimed("&delete=true&readLockRemoveOnCommit=true"
                + "&onCompletionExceptionHandler=#failures"), 1);
        mock.expectedBodiesReceived("a");
        start("undeleted");

        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(claims.callsFor("undeleted/a.txt")).hasSize(2));
        assertThat(claims.callsFor("undeleted/a.txt")).containsExactly("add undeleted/a.txt=true",
                "confirm undeleted/a.txt");
        assertThat(claims.contains("undeleted/a.txt")).isTrue();
        assertThat(failures).singleElement().asString().contains("Cannot delete file: undeleted/a.txt");
    }

    @Test
    void idempotentReadLockWithoutARepositoryIsRefused() {
        write("none/a.txt", "a");
        assertThatThrownBy(() -> context.getEndpoint(
                        ftp("none", "readLock=idempotent")).createConsumer(exchange -> { }))
                .hasStackTraceContaining("IdempotentRepository must be configured when using readLock=idempotent");
    }

    private static void delete(String path) {
        try {
            Files.delete(SERVER.file(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

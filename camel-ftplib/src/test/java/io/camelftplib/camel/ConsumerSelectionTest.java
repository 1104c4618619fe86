package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Comparator;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Consumer options that choose which files are taken and in which order (sorter, filter, inProgressRepository),
 * and what a 550 on a listing or a download does (ignoreFileNotFoundOrPermissionError).
 */
@Timeout(60)
class ConsumerSelectionTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    @Test
    void sorterOrdersTheFilesOfAPoll() throws Exception {
        write("s/a.txt", "1");
        write("s/b.txt", "333");
        write("s/c.txt", "22");
        Comparator<GenericFile<FtplibFile>> longestFirst = Comparator.comparingLong(GenericFile::getFileLength);
        context.getRegistry().bind("longestFirst", longestFirst.reversed());
        MockEndpoint mock = consume("s", "sorter=#longestFirst&delete=true&delay=60000", 3);
        mock.expectedBodiesReceived("333", "22", "1");
        start("s");
        mock.assertIsSatisfied();
    }

    @Test
    void filterDecidesWhichFilesAreTaken() throws Exception {
        write("f/keep1.txt", "k");
        write("f/drop.txt", "d");
        GenericFileFilter<FtplibFile> keepOnly = file -> file.isDirectory()
                || file.getFileNameOnly().startsWith("keep");
        context.getRegistry().bind("keepOnly", keepOnly);
        MockEndpoint mock = consume("f", "filter=#keepOnly&delete=true", 1);
        mock.expectedBodiesReceived("k");
        start("f");
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file("f/keep1.txt")));
        assertThat(SERVER.file("f/drop.txt")).exists();
    }

    @Test
    void inProgressRepositorySkipsFilesInProgressAndHoldsTheOneBeingProcessed() throws Exception {
        MemoryIdempotentRepository inProgress
                = (MemoryIdempotentRepository) MemoryIdempotentRepository.memoryIdempotentRepository();
        inProgress.add("ip/a.txt");
        context.getRegistry().bind("inProgress", inProgress);
        write("ip/a.txt", "a");
        write("ip/b.txt", "b");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftp("ip", "inProgressRepository=#inProgress&delete=true")).routeId("r-ip").autoStartup(false)
                        .process(e -> e.setProperty("held", inProgress.contains("ip/b.txt")))
                        .convertBodyTo(String.class).to("mock:ip");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:ip");
        mock.expectedBodiesReceived("b");
        mock.expectedPropertyReceived("held", true);
        start("ip");
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !inProgress.contains("ip/b.txt"));
        assertThat(SERVER.file("ip/a.txt")).exists();
        assertThat(SERVER.commands()).noneMatch(c -> c.startsWith("RETR") && c.endsWith("a.txt"));
    }

    @Test
    void ignoreFileNotFoundOrPermissionErrorTurnsAMissingDirectoryIntoAnEmptyPoll() throws Exception {
        CountingPollStrategy failing = new CountingPollStrategy();
        CountingPollStrategy ignoring = new CountingPollStrategy();
        context.getRegistry().bind("failing", failing);
        context.getRegistry().bind("ignoring", ignoring);
        RecordingExceptionHandler failures = new RecordingExceptionHandler();
        context.getRegistry().bind("failures", failures);
        // Apache FtpServer lists a missing directory as empty; its CWD (stepwise) answers 550 as other servers do
        consume("missing1", "stepwise=true&autoCreate=false&pollStrategy=#failing&exceptionHandler=#failures", 0);
        consume("missing2", "stepwise=true&autoCreate=false&pollStrategy=#ignoring"
                + "&ignoreFileNotFoundOrPermissionError=true", 0);
        start("missing1");
        start("missing2");
        await().atMost(Duration.ofSeconds(10)).until(() -> failing.rollbacks.get() >= 2 && ignoring.commits.get() >= 2);
        assertThat(failing.commits.get()).isZero();
        assertThat(failing.lastFailure).isInstanceOf(GenericFileOperationFailedException.class)
                .extracting(e -> ((GenericFileOperationFailedException) e).getCode()).isEqualTo(550);
        assertThat(ignoring.rollbacks.get()).isZero();
        assertThat(failures.failures()).first().asString().contains("missing1").contains("550");
    }

    @Test
    void ignoreFileNotFoundOrPermissionErrorSkipsAFileThatVanishedBeforeRetr() throws Exception {
        write("gone1/a.txt", "a");
        write("gone2/a.txt", "a");
        SERVER.beforeCommand("RETR", path -> SERVER.file(path).toFile().delete());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from(ftp("gone1", "bridgeErrorHandler=true")).routeId("r-gone1").autoStartup(false).to("mock:gone");
                from(ftp("gone2", "bridgeErrorHandler=true&ignoreFileNotFoundOrPermissionError=true"))
                        .routeId("r-gone2").autoStartup(false).to("mock:gone");
            }
        });
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        getMockEndpoint("mock:gone").expectedMessageCount(0);
        start("gone2");
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file("gone2/a.txt")));
        start("gone1");
        dead.assertIsSatisfied();
        Exception failure = dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(failure).isInstanceOf(GenericFileOperationFailedException.class).hasMessageContaining("gone1/a.txt");
        getMockEndpoint("mock:gone").assertIsSatisfied();
    }
}

package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The consumer options that choose which files a poll takes and in which order: include, exclude,
 * antInclude/antExclude, recursive with minDepth/maxDepth, idempotent/idempotentKey/idempotentRepository,
 * inProgressRepository, maxMessagesPerPoll, eagerMaxMessagesPerPoll, sortBy, sorter, filter and
 * ignoreFileNotFoundOrPermissionError. A test that takes a scheme runs the same URI with Camel's {@code ftp:} 4.22.0
 * and with {@code ftplib:} and asserts the same outcome; where the schemes legitimately differ, the javadoc says why.
 * Each test fails when its option is ignored.
 */
@Timeout(60)
class ConsumerSelectionTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void excludeAndAntPatternsSelectTheSameFiles(String scheme) throws Exception {
        String dir = scheme + "-exclude";
        write(dir + "/a.csv", "a");
        write(dir + "/b.txt", "b");
        write(dir + "/c.csv.bak", "c");
        MockEndpoint mock = consume(scheme, dir, "include=.*\\.csv.*&exclude=.*\\.bak&noop=true", 1);
        mock.expectedBodiesReceived("a");
        String ant = scheme + "-ant";
        write(ant + "/x/keep.dat", "keep");
        write(ant + "/x/skip.tmp", "skip");
        write(ant + "/top.dat", "top");
        MockEndpoint antMock = consume(scheme, ant, "recursive=true&antInclude=x/**/*.dat,x/*.dat"
                + "&antExclude=**/*.tmp&noop=true", 1);
        antMock.expectedBodiesReceived("keep");
        antMock.expectedHeaderReceived(Exchange.FILE_NAME, "x/keep.dat");
        start(dir);
        start(ant);
        mock.setAssertPeriod(300);
        antMock.setAssertPeriod(300);
        MockEndpoint.assertIsSatisfied(context);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void recursiveTakesFilesOfSubdirectoriesWithRelativeNames(String scheme) throws Exception {
        String dir = scheme + "-recursive";
        write(dir + "/sub/deeper/b.txt", "deep");
        MockEndpoint mock = consume(scheme, dir, "recursive=true&delete=true", 1);
        mock.expectedBodiesReceived("deep");
        start(dir);
        mock.assertIsSatisfied();
        assertFileHeaders(mock.getExchanges().get(0).getIn(), "sub/deeper/b.txt", 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file(dir + "/sub/deeper/b.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void minAndMaxDepthBoundTheRecursion(String scheme) throws Exception {
        String dir = scheme + "-depth";
        write(dir + "/top.txt", "top");
        write(dir + "/d1/one.txt", "one");
        write(dir + "/d1/d2/two.txt", "two");
        MockEndpoint mock = consume(scheme, dir, "recursive=true&minDepth=2&maxDepth=2&noop=true", 1);
        mock.expectedBodiesReceived("one");
        mock.expectedHeaderReceived(Exchange.FILE_NAME, "d1/one.txt");
        mock.setAssertPeriod(300);
        start(dir);
        mock.assertIsSatisfied();
    }

    /** In a recursive poll both move a file into a move directory beside it and look for its done file beside it. */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void recursiveMoveAndDoneFilesWorkBesideTheFile(String scheme) throws Exception {
        String dir = scheme + "-recmove";
        write(dir + "/sub/b.txt", "b");
        write(dir + "/sub/b.txt.done", "");
        write(dir + "/sub/c.txt", "c");
        MockEndpoint mock = consume(scheme, dir, "recursive=true&move=.archive&doneFileName=${file:name}.done", 1);
        mock.expectedBodiesReceived("b");
        mock.expectedHeaderReceived(Exchange.FILE_NAME, "sub/b.txt");
        start(dir);
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(SERVER.file(dir + "/sub/.archive/b.txt")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file(dir + "/sub/b.txt.done")));
        assertThat(SERVER.file(dir + "/sub/c.txt")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void idempotentRepositoryAndKeySkipFilesAlreadySeen(String scheme) throws Exception {
        String dir = scheme + "-idem";
        write(dir + "/seen.txt", "seen");
        write(dir + "/new.txt", "new");
        MemoryIdempotentRepository repository = new MemoryIdempotentRepository();
        repository.start();
        repository.add("seen.txt");
        context.getRegistry().bind("seen", repository);
        MockEndpoint mock = consume(scheme, dir,
                "idempotent=true&idempotentKey=${file:onlyname}&idempotentRepository=#seen&delete=true", 1);
        mock.expectedBodiesReceived("new");
        start(dir);
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file(dir + "/new.txt")));
        assertThat(repository.contains("new.txt")).isTrue();
        assertThat(SERVER.file(dir + "/seen.txt")).exists();
        // a file taken in this run is skipped when it comes back under the same key
        write(dir + "/new.txt", "again");
        mock.setAssertPeriod(600);
        mock.assertIsSatisfied();
    }

    /**
     * The in-progress key is the file's absolute path as the endpoint sees it: the same string for both. A file whose
     * key another consumer holds is not fetched; the file being processed holds its key until the route is done.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void inProgressRepositorySkipsFilesAnotherConsumerHoldsAndHoldsTheOneBeingProcessed(String scheme)
            throws Exception {
        String dir = scheme + "-progress";
        write(dir + "/busy.txt", "busy");
        write(dir + "/free.txt", "free");
        RecordingRepository repository = new RecordingRepository();
        repository.start();
        repository.add(dir + "/busy.txt");
        repository.added.clear();
        context.getRegistry().bind("progress", repository);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(scheme, dir, "initialDelay=0&delay=100&inProgressRepository=#progress&delete=true"))
                        .routeId("r-" + dir).autoStartup(false)
                        .process(e -> e.setProperty("held", repository.contains(dir + "/free.txt")))
                        .convertBodyTo(String.class).to("mock:" + dir);
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:" + dir);
        mock.expectedBodiesReceived("free");
        mock.expectedPropertyReceived("held", true);
        mock.setAssertPeriod(300);
        start(dir);
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file(dir + "/free.txt")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !repository.contains(dir + "/free.txt"));
        assertThat(SERVER.file(dir + "/busy.txt")).exists();
        assertThat(repository.added).contains(dir + "/free.txt");
        assertThat(SERVER.commands()).noneMatch(c -> c.startsWith("RETR") && c.endsWith("busy.txt"));
    }

    /**
     * maxMessagesPerPoll=2 with sortBy=reverse:file:name. Not eager, the poll lists all three and takes the first two
     * of the sorted list (c, b). Eager (the default), it stops listing at the limit and sorts only what it has:
     * Apache FtpServer lists a directory in name order, so it takes a and b, sorted in reverse.
     */
    @ParameterizedTest
    @CsvSource({"ftp, false, c, b, a", "ftplib, false, c, b, a", "ftp, true, b, a, c", "ftplib, true, b, a, c"})
    void maxMessagesPerPollWithSortByTakesTheFirstTwoOfWhatWasListed(String scheme, boolean eager, String first,
            String second, String left) throws Exception {
        String dir = scheme + "-max-" + eager;
        write(dir + "/c.txt", "c");
        write(dir + "/a.txt", "a");
        write(dir + "/b.txt", "b");
        MockEndpoint mock = consume(scheme, dir, "maxMessagesPerPoll=2&eagerMaxMessagesPerPoll=" + eager
                + "&sortBy=reverse:file:name&delete=true&delay=60000", 2);
        mock.expectedBodiesReceived(first, second);
        mock.setAssertPeriod(300);
        start(dir);
        mock.assertIsSatisfied();
        assertThat(SERVER.file(dir + "/" + left + ".txt")).exists();
    }

    /**
     * A documented difference: sortBy=file:modified sees what the listing tells. ftplib: reads MLSD's modify fact
     * (seconds), so a file written 30 s after another in the same minute sorts after it; ftp:'s LIST shows recent
     * files to the minute only, so both look equally old and keep the listing's (name) order.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void sortByModifiedSortsWithinAMinuteOnlyWithMlsdTimes(String scheme) throws Exception {
        String dir = scheme + "-modified";
        Instant minute = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        Files.setLastModifiedTime(write(dir + "/a.txt", "a"), FileTime.from(minute.plusSeconds(30)));
        Files.setLastModifiedTime(write(dir + "/b.txt", "b"), FileTime.from(minute));
        MockEndpoint mock = consume(scheme, dir, "sortBy=file:modified&delete=true&delay=60000", 2);
        if (scheme.equals("ftp")) {
            mock.expectedBodiesReceived("a", "b");
        } else {
            mock.expectedBodiesReceived("b", "a");
        }
        start(dir);
        mock.assertIsSatisfied();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void sorterOrdersTheFilesOfAPoll(String scheme) throws Exception {
        String dir = scheme + "-sorter";
        write(dir + "/bb.txt", "bb");
        write(dir + "/a.txt", "a");
        write(dir + "/ccc.txt", "ccc");
        // by length: a length the listing did not give (-1 for all) would keep the listing's order a, bb, ccc
        Comparator<GenericFile<?>> longestFirst = Comparator.comparingLong((GenericFile<?> f) -> f.getFileLength())
                .reversed();
        context.getRegistry().bind("longestFirst", longestFirst);
        MockEndpoint mock = consume(scheme, dir, "sorter=#longestFirst&delete=true&delay=60000", 3);
        mock.expectedBodiesReceived("ccc", "bb", "a");
        start(dir);
        mock.assertIsSatisfied();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void filterDecidesPerFile(String scheme) throws Exception {
        String dir = scheme + "-filter";
        write(dir + "/yes-1.txt", "yes");
        write(dir + "/no-1.txt", "no");
        GenericFileFilter<Object> onlyYes = file -> file.isDirectory() || file.getFileNameOnly().startsWith("yes");
        context.getRegistry().bind("onlyYes", onlyYes);
        MockEndpoint mock = consume(scheme, dir, "filter=#onlyYes&delete=true", 1);
        mock.expectedBodiesReceived("yes");
        mock.setAssertPeriod(300);
        start(dir);
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file(dir + "/yes-1.txt")));
        assertThat(SERVER.file(dir + "/no-1.txt")).exists();
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

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void ignoreFileNotFoundOrPermissionErrorSilencesAMissingNamedFile(String scheme) throws Exception {
        RecordingExceptionHandler reported = new RecordingExceptionHandler();
        RecordingExceptionHandler ignored = new RecordingExceptionHandler();
        context.getRegistry().bind("reported", reported);
        context.getRegistry().bind("ignored", ignored);
        CountingPollStrategy ignoringPolls = new CountingPollStrategy();
        context.getRegistry().bind("ignoringPolls", ignoringPolls);
        String missing = "useList=false&fileName=missing.txt&delete=true";
        write(scheme + "-missing/other.txt", "x");
        write(scheme + "-ignored/other.txt", "x");
        consume(scheme, scheme + "-missing", missing + "&exceptionHandler=#reported", 0);
        consume(scheme, scheme + "-ignored", missing + "&exceptionHandler=#ignored&pollStrategy=#ignoringPolls"
                + "&ignoreFileNotFoundOrPermissionError=true", 0);
        start(scheme + "-missing");
        start(scheme + "-ignored");
        // three whole polls of the ignoring route, each of which tried the missing file
        await().atMost(Duration.ofSeconds(10)).until(() -> !reported.failures().isEmpty() && ignoringPolls.commits.get() >= 3);
        assertThat(ignored.failures()).isEmpty();
        assertThat(reported.failures().get(0)).isInstanceOf(GenericFileOperationFailedException.class)
                .hasMessageContaining("Cannot retrieve file");
    }

    /** An in-progress repository that remembers every key a consumer added. */
    private static final class RecordingRepository extends MemoryIdempotentRepository {
        final List<String> added = new ArrayList<>();

        @Override
        public synchronized boolean add(String key) {
            added.add(key);
            return super.add(key);
        }
    }
}

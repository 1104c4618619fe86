package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One route per consumer option; each fails when the option is ignored. */
@Timeout(60)
class ConsumerOptionsTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    @Test
    void includeExcludeAndAntFiltersSelectFiles() throws Exception {
        write("o1/a.csv", "a");
        write("o1/b.txt", "b");
        write("o1/c.csv.bak", "c");
        MockEndpoint mock = consume("o1", "include=.*\\.csv.*&exclude=.*\\.bak&noop=true", 1);
        mock.expectedBodiesReceived("a");
        start("o1");
        mock.assertIsSatisfied();

        write("o1b/x/keep.dat", "keep");
        write("o1b/x/skip.tmp", "skip");
        MockEndpoint ant = consume("o1b", "recursive=true&antInclude=**/*.dat&antExclude=**/*.tmp&noop=true", 1);
        ant.expectedBodiesReceived("keep");
        start("o1b");
        ant.assertIsSatisfied();
    }

    @Test
    void recursiveWithinMinAndMaxDepth() throws Exception {
        write("o2/top.txt", "top");
        write("o2/d1/one.txt", "one");
        write("o2/d1/d2/two.txt", "two");
        MockEndpoint mock = consume("o2", "recursive=true&minDepth=2&maxDepth=2&noop=true", 1);
        mock.expectedBodiesReceived("one");
        mock.expectedHeaderReceived(Exchange.FILE_NAME, "d1/one.txt");
        start("o2");
        mock.assertIsSatisfied();
        mock.setAssertPeriod(300);
    }

    @Test
    void noopLeavesFilesAndConsumesEachOnce() throws Exception {
        write("o3/a.txt", "a");
        MockEndpoint mock = consume("o3", "noop=true", 1);
        NotifyBuilder polls = new NotifyBuilder(context).whenDone(1).create();
        start("o3");
        assertThat(polls.matches(10, TimeUnit.SECONDS)).isTrue();
        mock.setAssertPeriod(500);
        mock.assertIsSatisfied();
        assertThat(SERVER.file("o3/a.txt")).exists();
    }

    @Test
    void deleteRemovesFileAfterTheRoute() throws Exception {
        write("o4/a.txt", "a");
        MockEndpoint mock = consume("o4", "delete=true", 1);
        start("o4");
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file("o4/a.txt")));
    }

    @Test
    void preMoveMovesBeforeTheRouteAndMoveFailedAfterAFailure() throws Exception {
        write("o5/a.txt", "a");
        write("o5b/b.txt", "b");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftp("o5", "preMove=work&noop=true")).routeId("r-o5").autoStartup(false)
                        .process(e -> e.setProperty("preMoved", Files.exists(SERVER.file("o5/work/a.txt"))
                                && !Files.exists(SERVER.file("o5/a.txt"))))
                        .to("mock:o5");
                // the failure is the point: moveFailed acts on it, so the error handler need not log it
                from(ftp("o5b", "moveFailed=failed")).routeId("r-o5b").autoStartup(false)
                        .errorHandler(defaultErrorHandler().logExhausted(false))
                        .to("mock:o5b").throwException(new IllegalStateException("route failed on purpose"));
            }
        });
        getMockEndpoint("mock:o5").expectedPropertyReceived("preMoved", true);
        getMockEndpoint("mock:o5b").expectedMinimumMessageCount(1);
        start("o5");
        start("o5b");
        MockEndpoint.assertIsSatisfied(context);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(SERVER.file("o5b/failed/b.txt")));
        assertThat(SERVER.file("o5b/b.txt")).doesNotExist();
    }

    @Test
    void doneFileNameWaitsForTheDoneFileAndDeletesIt() throws Exception {
        write("o6/a.txt", "a");
        write("o6/b.txt", "b");
        write("o6/a.txt.ready", "");
        MockEndpoint mock = consume("o6", "doneFileName=${file:name}.ready&delete=true", 1);
        mock.expectedBodiesReceived("a");
        start("o6");
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file("o6/a.txt.ready")));
        assertThat(SERVER.file("o6/b.txt")).exists();
    }

    @Test
    void maxMessagesPerPollAndSortBy() throws Exception {
        write("o7/b.txt", "b");
        write("o7/a.txt", "a");
        write("o7/c.txt", "c");
        MockEndpoint mock = consume("o7", "maxMessagesPerPoll=2&eagerMaxMessagesPerPoll=false"
                + "&sortBy=reverse:file:name&delete=true&delay=60000", 2);
        mock.expectedBodiesReceived("c", "b");
        start("o7");
        mock.assertIsSatisfied();
        mock.setAssertPeriod(300);
        assertThat(SERVER.file("o7/a.txt")).exists();
    }

    @Test
    void idempotentKeyAndRepositorySkipSeenFiles() throws Exception {
        write("o8/a.txt", "a");
        MockEndpoint mock = consume("o8", "idempotent=true&idempotentKey=${file:onlyname}&move=.done", 1);
        start("o8");
        mock.assertIsSatisfied();
        await().until(() -> Files.exists(SERVER.file("o8/.done/a.txt")));
        write("o8/a.txt", "again");
        mock.setAssertPeriod(600);
        mock.assertIsSatisfied();
    }

    @Test
    void downloadFalseRoutesHeadersWithoutBody() throws Exception {
        write("o9/a.txt", "a");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftp("o9", "download=false&noop=true")).routeId("r-o9").autoStartup(false).to("mock:o9");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:o9");
        mock.expectedMessageCount(1);
        mock.expectedHeaderReceived(Exchange.FILE_LENGTH, 1L);
        start("o9");
        mock.assertIsSatisfied();
        assertThat(mock.getExchanges().get(0).getIn().getBody()).isNull();
    }

    @Test
    void streamedBodyIsLeftAloneByStreamCachingAndMemoryDownloadIsBytes() throws Exception {
        write("o10/a.txt", "a");
        write("o11/b.txt", "b");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftp("o10", "noop=true")).routeId("r-o10").autoStartup(false)
                        .process(e -> e.setProperty("cached", context.getStreamCachingStrategy().cache(e)))
                        .process(e -> e.setProperty("inner", e.getIn().getBody(GenericFile.class).getBody()))
                        .convertBodyTo(String.class).to("mock:o10");
                from(ftp("o11", "noop=true&streamDownload=false")).routeId("r-o11").autoStartup(false)
                        .process(e -> e.setProperty("inner", e.getIn().getBody(GenericFile.class).getBody()))
                        .to("mock:o11");
            }
        });
        MockEndpoint streamed = getMockEndpoint("mock:o10");
        streamed.expectedBodiesReceived("a");
        MockEndpoint memory = getMockEndpoint("mock:o11");
        memory.expectedMessageCount(1);
        start("o10");
        start("o11");
        streamed.assertIsSatisfied();
        memory.assertIsSatisfied();
        Exchange s = streamed.getExchanges().get(0);
        assertThat(context.isStreamCaching()).isTrue();
        assertThat(s.getProperty("cached")).isNull();
        assertThat(s.getProperty("inner")).isInstanceOf(FtplibDownload.class);
        assertThat(s.getIn().getHeader(FtplibConstants.FTP_REPLY_CODE)).isEqualTo(226);
        assertThat(memory.getExchanges().get(0).getProperty("inner")).isEqualTo("b".getBytes());
    }

    @Test
    void localWorkDirectoryBodyIsAFileRemovedAfterCommit(@TempDir Path work) throws Exception {
        write("o12/a.txt", "local");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftp("o12", "delete=true&localWorkDirectory=" + work)).routeId("r-o12").autoStartup(false)
                        .process(e -> e.setProperty("exists", Files.readString(
                                Path.of(e.getIn().getHeader(FtplibConstants.FILE_LOCAL_WORK_PATH, String.class)))))
                        .to("mock:o12");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:o12");
        mock.expectedPropertyReceived("exists", "local");
        start("o12");
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(work.resolve("a.txt")));
    }

    @Test
    void readLockChangedWaitsForAStableFile() throws Exception {
        write("o13/a.txt", "stable");
        MockEndpoint mock = consume("o13", "readLock=changed&readLockCheckInterval=100&readLockTimeout=2000"
                + "&readLockMinLength=100&delete=true&delay=60000", 0);
        NotifyBuilder polled = new NotifyBuilder(context).whenDone(0).create();
        start("o13");
        // too short for readLockMinLength: never taken
        mock.setAssertPeriod(800);
        mock.assertIsSatisfied();
        assertThat(polled).isNotNull();
        assertThat(SERVER.file("o13/a.txt")).exists();
    }

    @Test
    void readLockRenameAndFileNameWithoutListing() throws Exception {
        write("o14/a.txt", "named");
        write("o14/b.txt", "other");
        MockEndpoint mock = consume("o14", "readLock=rename&useList=false&fileName=a.txt&delete=true", 1);
        mock.expectedBodiesReceived("named");
        start("o14");
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file("o14/a.txt")));
        assertThat(SERVER.file("o14/b.txt")).exists();
    }

    @Test
    void listingNlstAndListAndStepwiseStillConsume() throws Exception {
        write("o15/a.txt", "nlst");
        write("o16/a.txt", "list");
        write("o17/deep/a.txt", "step");
        MockEndpoint nlst = consume("o15", "listing=nlst&delete=true", 1);
        nlst.expectedBodiesReceived("nlst");
        MockEndpoint list = consume("o16", "listing=list&delete=true", 1);
        list.expectedBodiesReceived("list");
        MockEndpoint step = consume("o17/deep", "stepwise=true&move=done", 1);
        step.expectedBodiesReceived("step");
        start("o15");
        start("o16");
        start("o17/deep");
        nlst.assertIsSatisfied();
        list.assertIsSatisfied();
        step.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(SERVER.file("o17/deep/done/a.txt")));
    }
}

package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The consumer options that act on a taken file or on how it is fetched: move, delete, noop, preMove, moveFailed,
 * doneFileName, fileName, useList=false, download=false, streamDownload, localWorkDirectory, stepwise and listing.
 * A test that takes a scheme runs the same URI with Camel's {@code ftp:} 4.22.0 and with {@code ftplib:} and asserts
 * the same outcome; where the schemes legitimately differ, the javadoc says why. Each test fails when its option is
 * ignored.
 */
@Timeout(60)
class ConsumerOptionsTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    /** Adds a stopped polling route whose exchanges reach {@code mock:<directory>} as they come from the endpoint. */
    private MockEndpoint route(String scheme, String directory, String options, UnaryOperator<RouteDefinition> steps)
            throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                RouteDefinition route = from(uri(scheme, directory, "initialDelay=0&delay=100&" + options))
                        .routeId("r-" + directory).autoStartup(false);
                steps.apply(route).to("mock:" + directory);
            }
        });
        return getMockEndpoint("mock:" + directory);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void moveMovesTheFileAfterTheRoute(String scheme) throws Exception {
        String dir = scheme + "-move";
        write(dir + "/a.txt", "moved");
        MockEndpoint mock = consume(scheme, dir, "move=.done", 1);
        mock.expectedBodiesReceived("moved");
        start(dir);
        mock.assertIsSatisfied();
        assertFileHeaders(mock.getExchanges().get(0).getIn(), "a.txt", 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(SERVER.file(dir + "/.done/a.txt")));
        assertThat(SERVER.file(dir + "/a.txt")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void deleteDeletesTheFileAfterTheRoute(String scheme) throws Exception {
        String dir = scheme + "-delete";
        write(dir + "/a.txt", "deleted");
        MockEndpoint mock = consume(scheme, dir, "delete=true", 1);
        mock.expectedBodiesReceived("deleted");
        start(dir);
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file(dir + "/a.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void noopLeavesTheFileAndTakesItOnce(String scheme) throws Exception {
        String dir = scheme + "-noop";
        write(dir + "/a.txt", "left");
        CountingPollStrategy polls = new CountingPollStrategy();
        context.getRegistry().bind("polls-" + scheme, polls);
        MockEndpoint mock = consume(scheme, dir, "noop=true&pollStrategy=#polls-" + scheme, 1);
        mock.expectedBodiesReceived("left");
        start(dir);
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> polls.commits.get() >= 5);
        assertThat(mock.getReceivedCounter()).isEqualTo(1);
        assertThat(SERVER.file(dir + "/a.txt")).hasContent("left");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void preMoveMovesBeforeTheRouteAndMoveAfterIt(String scheme) throws Exception {
        String dir = scheme + "-premove";
        write(dir + "/a.txt", "a");
        MockEndpoint mock = route(scheme, dir, "preMove=work&move=done", r -> r.process(e -> e.setProperty("preMoved",
                Files.exists(SERVER.file(dir + "/work/a.txt")) && !Files.exists(SERVER.file(dir + "/a.txt")))));
        mock.expectedMessageCount(1);
        mock.expectedPropertyReceived("preMoved", true);
        start(dir);
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(SERVER.file(dir + "/work/done/a.txt")));
        assertThat(SERVER.file(dir + "/work/a.txt")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void moveFailedMovesAFileWhoseRouteFailed(String scheme) throws Exception {
        String dir = scheme + "-failed";
        write(dir + "/b.txt", "b");
        MockEndpoint mock = route(scheme, dir, "moveFailed=failed&move=done",
                // the failure is the point: moveFailed acts on it, so the error handler need not log it
                r -> r.errorHandler(new DefaultErrorHandlerDefinition().logExhausted(false))
                        .throwException(new IllegalStateException("route failed on purpose")));
        mock.expectedMessageCount(0);
        start(dir);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(SERVER.file(dir + "/failed/b.txt")));
        assertThat(SERVER.file(dir + "/b.txt")).doesNotExist();
        assertThat(SERVER.file(dir + "/done/b.txt")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void doneFileNameWaitsForTheDoneFileAndDeletesIt(String scheme) throws Exception {
        String dir = scheme + "-done";
        write(dir + "/ready.txt", "ready");
        write(dir + "/ready.txt.done", "");
        write(dir + "/waiting.txt", "waiting");
        MockEndpoint mock = consume(scheme, dir, "doneFileName=${file:name}.done&delete=true", 1);
        mock.expectedBodiesReceived("ready");
        start(dir);
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file(dir + "/ready.txt.done")));
        assertThat(SERVER.file(dir + "/waiting.txt")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void fileNameNamesTheOneFileToTake(String scheme) throws Exception {
        String dir = scheme + "-filename";
        write(dir + "/a.txt", "a");
        write(dir + "/b.txt", "b");
        MockEndpoint mock = consume(scheme, dir, "fileName=b.txt&delete=true", 1);
        mock.expectedBodiesReceived("b");
        start(dir);
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file(dir + "/b.txt")));
        assertThat(SERVER.file(dir + "/a.txt")).exists();
    }

    /**
     * Without a listing neither knows the file's length or time, so neither sets those headers; all headers agree
     * except CamelRemoteFileInputStream, which ftplib: sets because it streams by default (see FtplibConsumerTest).
     */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void useListFalseFetchesTheNamedFileWithoutListing(String scheme) throws Exception {
        String dir = scheme + "-nolist";
        write(dir + "/a.txt", "named");
        write(dir + "/b.txt", "other");
        // polls after the delete ask for a.txt again and get 550: kept by the handler, not logged as a WARN each
        context.getRegistry().bind("afterDelete", new RecordingExceptionHandler());
        MockEndpoint mock = consume(scheme, dir, "useList=false&fileName=a.txt&delete=true"
                + "&exceptionHandler=#afterDelete", 1);
        mock.expectedBodiesReceived("named");
        mock.expectedHeaderReceived(Exchange.FILE_NAME, "a.txt");
        start(dir);
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file(dir + "/a.txt")));
        assertThat(SERVER.file(dir + "/b.txt")).exists();
        assertThat(SERVER.commands()).noneMatch(c -> c.startsWith("LIST") || c.startsWith("MLSD")
                || c.startsWith("NLST"));
        Map<String, Object> headers = new TreeMap<>(mock.getExchanges().get(0).getIn().getHeaders());
        assertThat(headers.remove(FtplibConstants.REMOTE_FILE_INPUT_STREAM) != null).isEqualTo(scheme.equals("ftplib"));
        assertThat(headers).isEqualTo(Map.ofEntries(Map.entry(FtplibConstants.FILE_ABSOLUTE, false),
                Map.entry(FtplibConstants.FILE_ABSOLUTE_PATH, dir + "/a.txt"),
                Map.entry(FtplibConstants.FILE_HOST, "localhost"),
                Map.entry(Exchange.FILE_NAME, "a.txt"), Map.entry(FtplibConstants.FILE_NAME_CONSUMED, "a.txt"),
                Map.entry(Exchange.FILE_NAME_ONLY, "a.txt"), Map.entry(Exchange.FILE_PARENT, dir),
                Map.entry(Exchange.FILE_PATH, dir + "/a.txt"), Map.entry(FtplibConstants.FILE_RELATIVE_PATH, "a.txt"),
                Map.entry(FtplibConstants.FTP_REPLY_CODE, 226),
                Map.entry(FtplibConstants.FTP_REPLY_STRING, "226 Transfer complete.")))
                .doesNotContainKeys(Exchange.FILE_LENGTH, Exchange.FILE_LAST_MODIFIED);
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

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void downloadFalseRoutesTheHeadersWithoutABody(String scheme) throws Exception {
        String dir = scheme + "-nodownload";
        write(dir + "/a.txt", "abc");
        MockEndpoint mock = route(scheme, dir, "download=false&delete=true", r -> r);
        mock.expectedMessageCount(1);
        mock.expectedHeaderReceived(Exchange.FILE_NAME, "a.txt");
        mock.expectedHeaderReceived(Exchange.FILE_LENGTH, 3L);
        start(dir);
        mock.assertIsSatisfied();
        assertThat(mock.getExchanges().get(0).getIn().getBody()).isNull();
        assertThat(SERVER.commands()).noneMatch(c -> c.startsWith("RETR"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file(dir + "/a.txt")));
    }

    /**
     * With streamDownload=true both download into a stream and both set CamelRemoteFileInputStream; with false both
     * bodies are the file's bytes and neither sets the header. One documented difference, the reason ftplib: exists:
     * under Camel 4's default stream caching, ftp:'s streamed body reaches the route already copied into
     * a {@link StreamCache} (the whole file read into memory or spooled), while ftplib:'s body is still the
     * GenericFile holding an {@link FtplibDownload}, which stream caching leaves alone. Both convert to the same
     * text. The URIs say stepwise=false because ftp: refuses streamDownload with its default stepwise=true ("The
     * option stepwise is not supported for stream downloading"); ftplib: streams either way.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void streamDownloadChoosesAStreamOrTheBytes(String scheme) throws Exception {
        String stream = scheme + "-stream";
        String bytes = scheme + "-bytes";
        write(stream + "/a.txt", "streamed");
        write(bytes + "/a.txt", "in memory");
        MockEndpoint streamed = route(scheme, stream, "streamDownload=true&stepwise=false&noop=true",
                r -> r.process(e -> e.setProperty("body", e.getIn().getBody())).convertBodyTo(String.class));
        streamed.expectedBodiesReceived("streamed");
        MockEndpoint memory = route(scheme, bytes, "streamDownload=false&stepwise=false&noop=true",
                r -> r.process(e -> e.setProperty("body", e.getIn().getBody())));
        memory.expectedMessageCount(1);
        start(stream);
        start(bytes);
        MockEndpoint.assertIsSatisfied(context);

        Exchange s = streamed.getExchanges().get(0);
        assertThat(s.getIn().getHeader(FtplibConstants.REMOTE_FILE_INPUT_STREAM)).isInstanceOf(InputStream.class);
        if (scheme.equals("ftp")) {
            assertThat(s.getProperty("body")).isInstanceOf(StreamCache.class);
        } else {
            assertThat(s.getProperty("body")).isInstanceOfSatisfying(GenericFile.class,
                    f -> assertThat(f.getBody()).isInstanceOf(FtplibDownload.class));
        }
        Exchange m = memory.getExchanges().get(0);
        assertThat(m.getIn().getHeader(FtplibConstants.REMOTE_FILE_INPUT_STREAM)).isNull();
        assertThat(m.getProperty("body")).isInstanceOfSatisfying(GenericFile.class,
                f -> assertThat(f.getBody()).isEqualTo("in memory".getBytes(StandardCharsets.US_ASCII)));
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

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void localWorkDirectoryHandsOverALocalFileRemovedAfterCommit(String scheme, @TempDir Path work) throws Exception {
        String dir = scheme + "-local";
        write(dir + "/a.txt", "local");
        MockEndpoint mock = route(scheme, dir, "delete=true&localWorkDirectory=" + work,
                r -> r.process(e -> e.setProperty("local", Files.readString(
                        Path.of(e.getIn().getHeader(FtplibConstants.FILE_LOCAL_WORK_PATH, String.class))))));
        mock.expectedMessageCount(1);
        mock.expectedPropertyReceived("local", "local");
        start(dir);
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file(dir + "/a.txt")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(work).isEmptyDirectory());
    }

    /** Both change into each directory of the path with its own CWD and then name the file alone. */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void stepwiseChangesIntoEachDirectory(String scheme) throws Exception {
        String dir = scheme + "-step/deep";
        write(dir + "/a.txt", "step");
        MockEndpoint mock = consume(scheme, dir, "stepwise=true&delete=true", 1);
        mock.expectedBodiesReceived("step");
        start(dir);
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file(dir + "/a.txt")));
        assertThat(SERVER.commands()).containsSubsequence("CWD " + scheme + "-step", "CWD deep", "RETR a.txt",
                "DELE a.txt").noneMatch(c -> c.startsWith("RETR ") && c.contains("/"));
    }

    /**
     * Both name the file by its whole path; neither changes into a single directory of it. (ftp: still changes into
     * the whole path and back to check it exists; ftplib: needs no CWD at all.) Note the defaults differ: ftp:
     * defaults to stepwise=true, ftplib: to false (README table); this URI states it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void notStepwiseUsesWholePaths(String scheme) throws Exception {
        String dir = scheme + "-whole/deep";
        write(dir + "/a.txt", "whole");
        MockEndpoint mock = consume(scheme, dir, "stepwise=false&delete=true", 1);
        mock.expectedBodiesReceived("whole");
        start(dir);
        mock.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file(dir + "/a.txt")));
        assertThat(SERVER.commands()).contains("RETR " + dir + "/a.txt", "DELE " + dir + "/a.txt")
                .doesNotContain("CWD deep", "RETR a.txt");
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

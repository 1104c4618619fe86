package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import io.camelftplib.ftplib.testing.Cut;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.Fault;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resumeDownload} continues a partial local file only when it came from the remote file as it is now (the
 * same size and modification time, recorded beside the partial); a file that was replaced or shrank, or a partial
 * of unknown origin, is fetched from zero, so no download is ever spliced from two versions of a file.
 */
@Timeout(60)
class ResumeDownloadTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    private static final long EARLIER = 1_700_000_000_000L;
    private static final long LATER = 1_700_000_060_000L;
    private static final String NAME = "données ü.bin";

    @TempDir
    Path work;

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    private static byte[] content(int seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        bytes[0] = 0x00;
        bytes[1] = (byte) 0xFF;
        bytes[2] = '\r';
        bytes[3] = '\n';
        return bytes;
    }

    /** Puts a file on the server with a modification time in whole seconds, as MLST reports it. */
    private void remote(String dir, byte[] content, long modified) throws Exception {
        Files.setLastModifiedTime(write(dir + "/" + NAME, content), FileTime.fromMillis(modified));
    }

    /** Leaves a partial in the work directory as a broken download of {@code from} would, with its record. */
    private void partial(byte[] head, PartialDownload.Version from) throws Exception {
        PartialDownload partial = PartialDownload.of(work.resolve(NAME));
        partial.resumeOffset(Optional.of(from));
        Files.write(partial.file(), head);
    }

    private MockEndpoint consumeOnce(String dir) throws Exception {
        consumeBytes(dir, ftp(dir, "localWorkDirectory=" + work + "&resumeDownload=true&delete=true"));
        MockEndpoint mock = getMockEndpoint("mock:" + dir);
        mock.expectedMessageCount(1);
        start(dir);
        mock.assertIsSatisfied();
        return mock;
    }

    private void assertDelivered(MockEndpoint mock, byte[] content) {
        assertThat(mock.getExchanges().get(0).getIn().getBody(byte[].class)).isEqualTo(content);
        assertThat(work.resolve(NAME + PartialDownload.IN_PROGRESS)).doesNotExist();
        assertThat(work.resolve(NAME + PartialDownload.IN_PROGRESS + PartialDownload.SOURCE)).doesNotExist();
    }

    @Test
    void partialOfTheSameRemoteFileIsContinuedWithRest() throws Exception {
        byte[] content = content(1, 200_000);
        remote("same", content, EARLIER);
        partial(Arrays.copyOf(content, 70_001), new PartialDownload.Version(content.length, EARLIER));

        assertDelivered(consumeOnce("same"), content);
        assertThat(SERVER.commands()).containsSubsequence("REST 70001", "RETR same/" + NAME);
    }

    @Test
    void fileReplacedBySameSizedContentIsFetchedFromZero() throws Exception {
        byte[] before = content(2, 200_000);
        byte[] after = content(3, 200_000);
        remote("replaced", after, LATER);
        partial(Arrays.copyOf(before, 70_001), new PartialDownload.Version(before.length, EARLIER));

        assertDelivered(consumeOnce("replaced"), after);
        assertThat(SERVER.commands()).noneMatch(c -> c.startsWith("REST"));
    }

    @Test
    void fileThatShrankIsFetchedFromZero() throws Exception {
        byte[] before = content(4, 200_000);
        byte[] after = Arrays.copyOf(before, 50_000);
        remote("shrunk", after, EARLIER);
        partial(Arrays.copyOf(before, 70_001), new PartialDownload.Version(before.length, EARLIER));

        assertDelivered(consumeOnce("shrunk"), after);
        assertThat(SERVER.commands()).noneMatch(c -> c.startsWith("REST"));
    }

    @Test
    void partialWithoutARecordOfItsSourceIsFetchedFromZero() throws Exception {
        byte[] content = content(5, 200_000);
        remote("unknown", content, EARLIER);
        Files.write(work.resolve(NAME + PartialDownload.IN_PROGRESS), content(6, 70_001));

        assertDelivered(consumeOnce("unknown"), content);
        assertThat(SERVER.commands()).noneMatch(c -> c.startsWith("REST"));
    }

    @Test
    void fileReplacedAfterADownloadWasCutIsFetchedFromZero() throws Exception {
        byte[] before = content(7, 300_000);
        byte[] after = content(8, 300_000);
        remote("cut", before, EARLIER);
        try (FaultProxy proxy = FaultProxy.start("127.0.0.1", SERVER.port())) {
            Fault cut = proxy.nextDownload().cutAfter(100_000, Cut.RST);
            consumeBytes("cut", ftpVia(proxy, "cut", "delay=600000&localWorkDirectory=" + work
                    + "&resumeDownload=true&delete=true&bridgeErrorHandler=true"));
            MockEndpoint dead = getMockEndpoint("mock:dead");
            dead.expectedMessageCount(1);
            start("cut");
            dead.assertIsSatisfied();
            context.getRouteController().stopRoute("r-cut");
            assertThat(cut.hasFired()).isTrue();
            assertThat(Files.size(work.resolve(NAME + PartialDownload.IN_PROGRESS))).isPositive();

            remote("cut", after, LATER);
            MockEndpoint mock = getMockEndpoint("mock:cut");
            mock.expectedMessageCount(1);
            int earlier = SERVER.commands().size();
            start("cut");
            mock.assertIsSatisfied();
            assertDelivered(mock, after);
            assertThat(SERVER.commands().subList(earlier, SERVER.commands().size()))
                    .contains("RETR cut/" + NAME).noneMatch(c -> c.startsWith("REST"));
            // the commit (DELE) goes through the proxy too
            await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file("cut/" + NAME)));
        }
    }
}

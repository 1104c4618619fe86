package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The read locks with a directory listing: changed waits for a growing file and leaves one shorter than
 * readLockMinLength, rename renames it away and back. A test that takes a scheme runs the same URI with Camel's
 * {@code ftp:} 4.22.0 and with {@code ftplib:} and asserts the same outcome.
 */
@Timeout(60)
class ReadLockTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    /** Appends to the file each time the lock asks about it, the first {@code times} times. */
    private void growOnMlst(String path, int times) {
        AtomicInteger grown = new AtomicInteger();
        SERVER.beforeCommand("MLST", argument -> {
            if (argument.equals(path) && grown.getAndIncrement() < times) {
                try {
                    Files.writeString(SERVER.file(path), "+", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    @Test
    void changedTakesAGrowingFileOnlyOnceItStoppedGrowing() throws Exception {
        write("grow/a.txt", "base");
        growOnMlst("grow/a.txt", 3);
        MockEndpoint mock = consume("grow", "readLock=changed&readLockCheckInterval=100&readLockTimeout=20000"
                + "&delete=true", 1);
        mock.expectedBodiesReceived("base+++");
        start("grow");
        mock.assertIsSatisfied();
        // three checks saw it grow, the fourth saw the size of the third; the directory was listed once
        assertThat(SERVER.commands()).filteredOn(c -> c.equals("MLST grow/a.txt")).hasSize(4);
        assertThat(SERVER.commands()).filteredOn(c -> c.startsWith("MLSD")).hasSize(1);
        assertThat(SERVER.commands()).containsSubsequence("MLST grow/a.txt", "MLST grow/a.txt", "RETR grow/a.txt");
    }

    @Test
    void changedGivesUpAfterTheTimeoutWhileTheFileKeepsGrowing() throws Exception {
        write("ever/a.txt", "base");
        growOnMlst("ever/a.txt", Integer.MAX_VALUE);
        CountingPollStrategy polls = new CountingPollStrategy();
        context.getRegistry().bind("polls", polls);
        MockEndpoint mock = consume("ever", "readLock=changed&readLockCheckInterval=100&readLockTimeout=600"
                + "&delete=true&delay=60000&pollStrategy=#polls", 0);
        start("ever");
        // the poll ends once the lock gave up
        await().atMost(Duration.ofSeconds(10)).until(() -> polls.commits.get() == 1);
        mock.assertIsSatisfied();
        assertThat(SERVER.commands()).filteredOn(c -> c.equals("MLST ever/a.txt")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(SERVER.commands()).noneMatch(c -> c.startsWith("RETR"));
        assertThat(SERVER.file("ever/a.txt")).exists();
    }

    @Test
    void renameWithAListingRenamesTheFileAwayAndBackBeforeRetr() throws Exception {
        write("ren/a.txt", "renamed");
        MockEndpoint mock = consume("ren", "readLock=rename&delete=true", 1);
        mock.expectedBodiesReceived("renamed");
        start("ren");
        mock.assertIsSatisfied();
        assertThat(SERVER.commands()).containsSubsequence("MLSD ren", "RNFR ren/a.txt",
                "RNTO ren/a.txt.camelExclusiveReadLock", "RNFR ren/a.txt.camelExclusiveReadLock", "RNTO ren/a.txt",
                "RETR ren/a.txt");
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file("ren/a.txt")));
    }

    /** Both take the file through a rename lock: RNFR/RNTO to {@code <name>.camelExclusiveReadLock} and back. */
    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void readLockRenameRenamesTheFileBeforeTakingIt(String scheme) throws Exception {
        String dir = scheme + "-rename";
        write(dir + "/a.txt", "renamed");
        MockEndpoint mock = consume(scheme, dir, "readLock=rename&delete=true", 1);
        mock.expectedBodiesReceived("renamed");
        start(dir);
        mock.assertIsSatisfied();
        assertThat(SERVER.commands())
                .anyMatch(c -> c.startsWith("RNTO ") && c.endsWith("a.txt.camelExclusiveReadLock"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "ftplib"})
    void readLockChangedLeavesFilesShorterThanMinLength(String scheme) throws Exception {
        String dir = scheme + "-changed";
        write(dir + "/short.txt", "short");
        write(dir + "/long.txt", "long enough to pass");
        MockEndpoint mock = consume(scheme, dir, "readLock=changed&readLockCheckInterval=100&readLockTimeout=1000"
                + "&readLockMinLength=10&delete=true", 1);
        mock.expectedBodiesReceived("long enough to pass");
        mock.setAssertPeriod(1500);
        start(dir);
        mock.assertIsSatisfied();
        assertThat(SERVER.file(dir + "/short.txt")).exists();
    }
}

package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A directory of 1,000,000 entries polled in a 64 MiB heap (the surefire execution {@code huge-directory} runs this
 * class alone with {@code -Xmx64m}): the entries stream from the listing into the poll, which keeps only the files
 * it takes, and ends the listing once {@code maxMessagesPerPoll} is reached. The server is Apache FtpServer; its own
 * MLSD builds the whole listing in one string, so the million MLSD lines stream from a generator instead
 * ({@link ListingServerExtension#stream}), and only the files a route takes exist on disk. Prints the peak heap.
 */
@Timeout(120)
class HugeDirectoryTest extends CamelTestSupport {

    private static final int ENTRIES = 1_000_000;

    @RegisterExtension
    static final ListingServerExtension SERVER = new ListingServerExtension();

    @BeforeAll
    static void createTheFilesTheRoutesTake() throws IOException {
        Files.createDirectories(SERVER.file("huge"));
        for (int i : new int[] {0, 1, 2, 3, 4, 999_997, 999_998, 999_999}) {
            Files.writeString(SERVER.file("huge/" + name(i)), "entry", StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void streamTheMillionLines() {
        SERVER.stream("MLSD huge", Lines::new);
    }

    private static String name(int i) {
        return String.format("entry-%07d.txt", i);
    }

    private String ftp(String options) {
        return "ftplib://" + EmbeddedFtpServerExtension.USER + "@localhost:" + SERVER.port() + "/huge?password=RAW("
                + EmbeddedFtpServerExtension.PASSWORD + ")&initialDelay=0&repeatCount=1&noop=true&idempotent=false&"
                + options;
    }

    private void poll(String options, String... names) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ftp(options)).routeId("r").autoStartup(false).to("mock:files");
            }
        });
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedMessageCount(names.length);
        files.setResultWaitTime(90_000);
        files.expectedHeaderValuesReceivedInAnyOrder("CamelFileName", (Object[]) names);
        long start = System.nanoTime();
        context.getRouteController().startRoute("r");
        files.assertIsSatisfied();
        System.out.printf("HugeDirectoryTest: %s polled in %d ms%n", options, (System.nanoTime() - start) / 1_000_000);
        context.getRouteController().stopRoute("r");
    }

    /** maxMessagesPerPoll=5: five files, and the listing is given up after them (the server saw the abort). */
    @Test
    void maxMessagesPerPollEndsTheListingEarly() throws Exception {
        poll("maxMessagesPerPoll=5", name(0), name(1), name(2), name(3), name(4));
        assertThat(SERVER.finalReplies()).singleElement().asString().startsWith("426");
        printPeakHeap("maxMessagesPerPoll=5");
    }

    /** The whole million is read, and only the three files at its end are kept and delivered. */
    @Test
    void aWholeListingOfAMillionEntriesKeepsOnlyTheFilesItTakes() throws Exception {
        poll("maxMessagesPerPoll=100&antInclude=entry-0999997.txt,entry-0999998.txt,entry-0999999.txt", name(999_997), name(999_998), name(999_999));
        assertThat(SERVER.finalReplies()).containsExactly("226 Listing sent.");
        printPeakHeap("a whole listing");
    }

    private static void printPeakHeap(String what) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("HugeDirectoryTest (%s): %,d entries, max heap %d MiB, peak heap %d MiB%n", what, ENTRIES,
                Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
    }

    /** The million MLSD lines, made one at a time. */
    private static final class Lines extends InputStream {
        private int next;
        private byte[] line = new byte[0];
        private int position;

        @Override
        public int read() {
            if (position == line.length) {
                if (next == ENTRIES) {
                    return -1;
                }
                line = ("type=file;size=5;modify=20240101120000; " + name(next++) + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                position = 0;
            }
            return line[position++];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
            }
            return n;
        }
    }
}

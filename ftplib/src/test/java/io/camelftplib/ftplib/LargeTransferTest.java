package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.PatternStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Streams 1 GiB up with {@code storBinary} and back down with {@code retrBinary(cmd, OutputStream)} in a JVM
 * limited to 64 MiB of heap: the file is generated on the fly and checksummed on the way, never held in memory.
 *
 * <p>The default surefire execution skips this class; the {@code large-transfers} execution in
 * {@code ftplib/pom.xml} runs it alone with {@code -Xmx64m}, during every {@code mvn verify}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LargeTransferTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    private static final long SIZE = 1L << 30;
    private static final long HEAP_LIMIT = 64L << 20;

    @Test
    void oneGibibyteGoesUpAndComesBackThroughA64MibHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("max heap; run with -Xmx64m as the large-transfers execution does")
                .isLessThanOrEqualTo(HEAP_LIMIT);
        Path stored = SERVER.file("one-gib.bin");
        try (Ftp ftp = Fixtures.login(SERVER)) {
            CheckedInputStream source = new CheckedInputStream(new PatternStream(SIZE), new CRC32());
            assertThat(ftp.storBinary("STOR one-gib.bin", source)).isEqualTo("226 Transfer complete.");
            long sent = source.getChecksum().getValue();

            assertThat(Files.size(stored)).isEqualTo(SIZE);
            assertThat(crcOf(stored)).isEqualTo(sent);
            assertThat(ftp.size("one-gib.bin")).isEqualTo(OptionalLong.of(SIZE));

            ChecksumSink sink = new ChecksumSink();
            assertThat(ftp.retrBinary("RETR one-gib.bin", sink)).isEqualTo("226 Transfer complete.");
            assertThat(sink.count).isEqualTo(SIZE);
            assertThat(sink.crc.getValue()).isEqualTo(sent);
        } finally {
            Files.deleteIfExists(stored);
        }
    }

    private static long crcOf(Path file) throws IOException {
        try (CheckedInputStream in = new CheckedInputStream(Files.newInputStream(file), new CRC32())) {
            in.transferTo(OutputStream.nullOutputStream());
            return in.getChecksum().getValue();
        }
    }

    /** Counts and checksums what it is given, keeping nothing. */
    private static final class ChecksumSink extends OutputStream {
        private final CRC32 crc = new CRC32();
        private long count;

        @Override
        public void write(int b) {
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            crc.update(b, off, len);
            count += len;
        }
    }
}

package io.camelftplib.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rate keeps a readable unit from a few bytes to a fast transfer. */
class TransferLogTest {

    @Test
    void smallFilesGetBytesPerSecondNotZeroMegabytes() {
        assertThat(TransferLog.rate(12, 40_000_000)).isEqualTo("300 B/s");
        assertThat(TransferLog.rate(5_000, 2_000_000)).isEqualTo("2.5 MB/s");
        assertThat(TransferLog.rate(3_400, 1_000_000_000)).isEqualTo("3.4 kB/s");
    }

    @Test
    void largeFilesGetMegabytesPerSecond() {
        assertThat(TransferLog.rate(5L * 1024 * 1024, 250_000_000)).isEqualTo("21.0 MB/s");
    }

    @Test
    void anEmptyFileOrAZeroDurationGivesARateNotAnError() {
        assertThat(TransferLog.rate(0, 1_000_000)).isEqualTo("0 B/s");
        assertThat(TransferLog.rate(1000, 0)).isEqualTo("1000000.0 MB/s");
    }
}

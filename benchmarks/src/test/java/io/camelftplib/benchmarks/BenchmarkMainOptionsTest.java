package io.camelftplib.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The command line's {@code --latency-ms} (parsed, defaulted, and refused where the proxy cannot relay) and
 * {@code --warmup} (per workload unless given).
 */
class BenchmarkMainOptionsTest {

    @Test
    void latencyDefaultsToNoneAndIsParsed() {
        assertThat(BenchmarkMain.Options.parse(new String[0]).latencyMs).isZero();
        assertThat(BenchmarkMain.Options.parse(new String[] {"--workloads", "W3", "--latency-ms", "1"}).latencyMs)
                .isEqualTo(1);
    }

    @Test
    void latencyWithTlsWorkloadsIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> BenchmarkMain.Options.parse(new String[] {"--latency-ms", "1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--latency-ms relays plain FTP only; leave out the W5 workloads, e.g. --workloads"
                        + " W1,W2,W3,W4,W4L");
        assertThatThrownBy(() -> BenchmarkMain.Options.parse(new String[] {"--latency-ms", "-1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad option --latency-ms -1");
    }

    @Test
    void warmupDefaultsPerWorkloadUnlessGiven() {
        assertThat(BenchmarkMain.Options.parse(new String[0]).warmup).isNegative();
        assertThat(BenchmarkMain.Options.parse(new String[] {"--warmup", "2"}).warmup).isEqualTo(2);
        // the short workloads keep the JIT busy longer than one round (see Workload.defaultWarmup)
        assertThat(Workload.W1_DOWNLOAD.defaultWarmup()).isEqualTo(1);
        assertThat(Workload.W5_TLS_DOWNLOAD.defaultWarmup()).isEqualTo(1);
        assertThat(Workload.W3_MANY_FILES.defaultWarmup()).isEqualTo(5);
        assertThat(Workload.W4_LIST.defaultWarmup()).isEqualTo(5);
    }
}

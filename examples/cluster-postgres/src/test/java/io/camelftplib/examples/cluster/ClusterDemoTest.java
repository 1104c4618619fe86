package io.camelftplib.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The demo's promise: with one of three nodes stopped half way, every file is processed exactly once. */
@Timeout(180)
class ClusterDemoTest {

    @Test
    void threeNodesWithOneStoppedHalfWayProcessEveryFileOnce() throws Exception {
        ClusterDemo.Outcome outcome = ClusterDemo.run(60, 3);

        assertThat(outcome.processed()).isEqualTo(60);
        assertThat(outcome.duplicates()).isZero();
        assertThat(outcome.deliveries().values()).allSatisfy(nodes -> assertThat(nodes).hasSize(1));
        assertThat(outcome.perNode().keySet()).contains("node-2", "node-3");
    }
}

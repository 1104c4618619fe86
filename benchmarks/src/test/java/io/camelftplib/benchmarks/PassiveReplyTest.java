package io.camelftplib.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The passive replies the {@link LatencyProxy} rewrites, and the lines it must leave alone. */
class PassiveReplyTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        // reply as the server sends it => server port => the reply after pointing it at 127.0.0.1:40000
        "227 Entering Passive Mode (127,0,0,1,122,105). => 31337 => 227 Entering Passive Mode (127,0,0,1,156,64).",
        "227 Entering Passive Mode (10,1,2,3,0,21) => 21 => 227 Entering Passive Mode (127,0,0,1,156,64)",
        "227 =127,0,0,1,255,255 => 65535 => 227 =127,0,0,1,156,64",
        "229 Entering Extended Passive Mode (|||31000|) => 31000 => 229 Entering Extended Passive Mode (|||40000|)",
        "229 Entering Extended Passive Mode (!!!2121!) => 2121 => 229 Entering Extended Passive Mode (!!!40000!)",
    })
    void aPassiveReplyNamesTheServersPortAndIsRewrittenToTheProxys(String line, int port, String rewritten) {
        PassiveReply reply = PassiveReply.parse(line.strip()).orElseThrow();

        assertThat(reply.port()).isEqualTo(port);
        assertThat(reply.pointingAt("127.0.0.1", 40000)).isEqualTo(rewritten.strip());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "200 PORT command successful",
        "227 no numbers here",
        "229 Entering Extended Passive Mode (|||x|)",
        "226 Transfer complete (127,0,0,1,1,1)",
        "227-multi-line start (127,0,0,1,1,1)",
    })
    void otherLinesPassUnchanged(String line) {
        assertThat(PassiveReply.parse(line.strip())).isEmpty();
    }
}

package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.Fault;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * controlKeepAliveTimeout in routes, through a {@link FaultProxy} that drops control connections idle for one
 * second, to a server whose transfer rate makes each transfer last about three: with a NOOP every 300 ms the
 * consumer's file arrives whole and is committed (deleted from the server), and the producer's upload completes.
 */
@Timeout(60)
class ControlKeepAliveRouteTest extends FtplibTestSupport {

    private static final int RATE = 256 * 1024;
    private static final String KEEPALIVE = "controlKeepAliveTimeout=300&timeout=4000&soTimeout=4000";

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain().withTransferRate(RATE);

    private FaultProxy proxy;
    private Fault drop;

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    @BeforeEach
    void proxyDroppingIdleControlConnections() throws IOException {
        proxy = FaultProxy.start(SERVER.host(), SERVER.port());
        drop = proxy.dropSessionsIdleFor(Duration.ofSeconds(1));
    }

    @AfterEach
    void closeProxy() throws Exception {
        // the routes' connections go through the proxy: stop them before it closes under them
        context.stop();
        proxy.close();
    }

    private static byte[] data() {
        byte[] data = new byte[3 * RATE];
        new Random(7).nextBytes(data);
        return data;
    }

    @Test
    void consumedFileArrivesWholeAndIsCommittedWithKeepalive() throws Exception {
        byte[] data = data();
        write("slow/a.bin", data);
        consumeBytes("slow", ftpVia(proxy, "slow", KEEPALIVE + "&delete=true&bridgeErrorHandler=true"));
        MockEndpoint mock = getMockEndpoint("mock:slow");
        mock.expectedMessageCount(1);
        getMockEndpoint("mock:dead").expectedMessageCount(0);

        start("slow");

        mock.assertIsSatisfied();
        assertThat(mock.getExchanges().get(0).getIn().getBody(byte[].class)).isEqualTo(data);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(SERVER.file("slow/a.bin")));
        getMockEndpoint("mock:dead").assertIsSatisfied();
        assertThat(drop.hasFired()).isFalse();
        assertThat(SERVER.commands()).contains("NOOP", "DELE slow/a.bin");
    }

    @Test
    void producersUploadCompletesWithKeepalive() throws Exception {
        byte[] data = data();
        String uri = to("up", KEEPALIVE + "&sendNoop=false").replace("@localhost:" + SERVER.port() + "/",
                "@" + proxy.host() + ":" + proxy.port() + "/");

        Exchange done = template.send(uri, e -> {
            e.getIn().setBody(data);
            e.getIn().setHeader(Exchange.FILE_NAME, "b.bin");
        });

        assertThat(done.getException()).isNull();
        assertThat(Arrays.equals(Files.readAllBytes(SERVER.file("up/b.bin")), data)).isTrue();
        assertThat(drop.hasFired()).isFalse();
        assertThat(SERVER.commands()).containsSubsequence("STOR up/b.bin", "NOOP");
    }
}

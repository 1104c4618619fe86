package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.camelftplib.ftplib.FtpIncompleteTransferException;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.Fault;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A download that ends early while the server still confirms it (226, and a 150 reply that names no size, as
 * Apache FtpServer's) is caught by the size the listing gave: the exchange fails with a message naming the file,
 * both byte counts and the listing, the remote file stays where it is, and the next poll fetches it whole. In every
 * way a file is fetched (streamed, into memory, into the local work directory) and with both listings that carry
 * sizes (MLSD, LIST).
 */
@Timeout(60)
class TruncatedDownloadTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    private static final int SIZE = 8 * 1024 * 1024;
    private static final int ARRIVED = 3 * 1024 * 1024;

    @TempDir
    Path work;

    private FaultProxy proxy;

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    @AfterEach
    void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    static List<Arguments> modesAndListings() {
        List<Arguments> all = new ArrayList<>();
        for (String mode : List.of("streamed", "streamDownload=false", "localWorkDirectory")) {
            all.add(Arguments.of(mode, "MLSD"));
            all.add(Arguments.of(mode, "LIST"));
        }
        return all;
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("modesAndListings")
    void downloadTruncatedWithA226FailsKeepsTheFileAndIsFetchedWholeNextPoll(String mode, String listing)
            throws Exception {
        String dir = "trunc" + Integer.toHexString((mode + listing).hashCode());
        byte[] content = new byte[SIZE];
        new Random(17).nextBytes(content);
        write(dir + "/big.bin", content);
        proxy = FaultProxy.start("127.0.0.1", SERVER.port());
        Fault truncated = proxy.nextDownload().truncateAfter(ARRIVED);
        consumeBytes("delivered", ftpVia(proxy, dir, "listing=" + listing
                + "&move=.done&bridgeErrorHandler=true&maximumReconnectAttempts=0" + fetchOptions(mode, work)));
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        MockEndpoint delivered = getMockEndpoint("mock:delivered");
        delivered.expectedMessageCount(1);
        start("delivered");

        dead.assertIsSatisfied();
        assertThat(truncated.hasFired()).isTrue();
        Exception failure = dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        FtpIncompleteTransferException incomplete
                = ObjectHelper.getException(FtpIncompleteTransferException.class, failure);
        assertThat(incomplete).as("the cause of %s", failure).isNotNull();
        assertThat(incomplete.expected()).isEqualTo(SIZE);
        assertThat(incomplete.received()).isEqualTo(ARRIVED);
        assertThat(incomplete.source()).isEqualTo("the " + listing + " listing");
        assertThat(incomplete.getMessage()).contains("RETR " + dir + "/big.bin", ARRIVED + " bytes arrived",
                SIZE + " expected from the " + listing + " listing");

        delivered.assertIsSatisfied();
        assertThat(delivered.getExchanges().get(0).getIn().getBody(byte[].class)).isEqualTo(content);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(SERVER.file(dir + "/.done/big.bin")));
        assertThat(Files.readAllBytes(SERVER.file(dir + "/.done/big.bin"))).isEqualTo(content);
        assertThat(delivered.getReceivedCounter()).isEqualTo(1);
    }
}

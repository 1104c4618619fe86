package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.Random;

import io.camelftplib.ftplib.testing.Cut;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import io.camelftplib.ftplib.testing.Fault;
import io.camelftplib.ftplib.testing.FaultProxy;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code resumeUpload}: when Camel redelivers an upload whose data connection was cut, the redelivery continues the
 * temporary file with {@code APPE} from the server's {@code SIZE} of it, and the whole file is verified before it
 * is renamed into place. A {@link FaultProxy} cuts the data connection with a reset after 4 MiB of 12 MiB.
 */
@Timeout(60)
class ResumeUploadTest extends FtplibTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain().withoutSessionLeakCheck();
    @RegisterExtension
    final FaultProxyExtension proxy = new FaultProxyExtension(SERVER::port);

    private static final int SIZE = 12 * 1024 * 1024;

    @Override
    EmbeddedFtpServerExtension server() {
        return SERVER;
    }

    private static byte[] content() {
        byte[] bytes = new byte[SIZE];
        new Random(11).nextBytes(bytes);
        return bytes;
    }

    @Test
    void redeliveryContinuesTheTemporaryFileWithAppeAndRenamesTheWholeFile() throws Exception {
        byte[] content = content();
        Fault cut = proxy.proxy().nextUpload().cutAfter(4L * 1024 * 1024, Cut.RST);

        Exchange result = sendWithOneRedelivery(proxy.uri("r1", "tempPrefix=.part-&resumeUpload=true"), content,
                "big.bin");

        assertThat(cut.hasFired()).isTrue();
        assertThat(result.getException()).isNull();
        assertThat(result.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).isEqualTo(1);
        assertThat(Files.readAllBytes(SERVER.file("r1/big.bin"))).isEqualTo(content);
        assertThat(SERVER.file("r1/.part-big.bin")).doesNotExist();
        assertThat(SERVER.commands()).containsSubsequence("STOR r1/.part-big.bin", "SIZE r1/.part-big.bin",
                "APPE r1/.part-big.bin", "SIZE r1/.part-big.bin", "RNFR r1/.part-big.bin");
    }

    @Test
    void withoutResumeUploadTheRedeliveryStartsFromZero() throws Exception {
        byte[] content = content();
        proxy.proxy().nextUpload().cutAfter(4L * 1024 * 1024, Cut.RST);

        Exchange result = sendWithOneRedelivery(proxy.uri("r2", "tempPrefix=.part-"), content, "big.bin");

        assertThat(result.getException()).isNull();
        assertThat(Files.readAllBytes(SERVER.file("r2/big.bin"))).isEqualTo(content);
        assertThat(SERVER.commands()).filteredOn(c -> c.equals("STOR r2/.part-big.bin")).hasSize(2);
        assertThat(SERVER.commands()).noneMatch(c -> c.startsWith("APPE r2/"));
    }

    @Test
    void newExchangeNeverContinuesAStaleTemporaryFile() throws Exception {
        write("r3/.part-a.bin", "stale bytes of another body");

        Exchange result = sendWithOneRedelivery(proxy.uri("r3", "tempPrefix=.part-&resumeUpload=true"), "fresh",
                "a.bin");

        assertThat(result.getException()).isNull();
        assertThat(SERVER.file("r3/a.bin")).hasContent("fresh");
        assertThat(SERVER.commands()).noneMatch(c -> c.startsWith("APPE r3/"));
    }

    @Test
    void resumeUploadWithoutTemporaryNameIsRefusedAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint(proxy.uri("r4", "resumeUpload=true")))
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("resumeUpload needs tempPrefix or tempFileName: an upload is only ever "
                        + "continued under a temporary name that this endpoint alone writes")
                .hasMessageContaining("add tempPrefix (for example tempPrefix=.part-)");
    }
}

package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelftplib.ftplib.FtpPermException;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code clearCommandChannel} of {@code ftplibs:}: {@code CCC} goes out after login and after {@code PBSZ}/
 * {@code PROT}, never without the option. Apache FtpServer does not implement CCC, so its refusal shows the
 * command was sent and that the connection fails clearly instead of going on encrypted; the ITs show CCC accepted
 * by ProFTPD and Pure-FTPd.
 */
@Timeout(60)
class ClearCommandChannelTest extends CamelTestSupport {

    @RegisterExtension
    static final EmbeddedFtpServerExtension EXPLICIT = EmbeddedFtpServerExtension.explicitTls();

    @BeforeEach
    void trustTheServer() {
        context.getRegistry().bind("trust", FtplibsRouteTest.trusting(EXPLICIT));
    }

    private static String ftps(String options) {
        return "ftplibs://" + EmbeddedFtpServerExtension.USER + "@localhost:" + EXPLICIT.port() + "/ccc?password=RAW("
                + EmbeddedFtpServerExtension.PASSWORD + ")&maximumReconnectAttempts=0&sslContextParameters=#trust"
                + (options.isEmpty() ? "" : "&" + options);
    }

    @Test
    void cccIsSentAfterLoginAndProtAndARefusalFailsTheConnectionClearly() {
        assertThatThrownBy(() -> template.sendBodyAndHeader(ftps("clearCommandChannel=true"), "c",
                Exchange.FILE_NAME, "c.txt"))
                .rootCause().isInstanceOf(FtpPermException.class).hasMessageContaining("reply to CCC");
        assertThat(EXPLICIT.commands()).containsSubsequence("AUTH TLS", "USER " + EmbeddedFtpServerExtension.USER,
                "PBSZ 0", "PROT P", "CCC");
        assertThat(EXPLICIT.file("ccc/c.txt")).doesNotExist();
    }

    @Test
    void noCccWithoutTheOption() {
        template.sendBodyAndHeader(ftps(""), "c", Exchange.FILE_NAME, "c.txt");
        assertThat(EXPLICIT.file("ccc/c.txt")).hasContent("c");
        assertThat(EXPLICIT.commands()).contains("PROT P").doesNotContain("CCC");
    }
}

package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelftplib.ftplib.FtpPermException;
import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account option: sent with ACCT when the server answers PASS with 332 ({@link AccountFtplet}). */
@Timeout(60)
class AccountTest extends CamelTestSupport {

    @RegisterExtension
    static final FaultyFtpServerExtension SERVER = new FaultyFtpServerExtension();

    private static String uri(String options) {
        return "ftplib://" + AccountFtplet.USER + "@localhost:" + SERVER.port() + "/acct?password=RAW("
                + EmbeddedFtpServerExtension.PASSWORD + ")&maximumReconnectAttempts=0" + options;
    }

    @Test
    void accountCompletesALoginTheServerAnswered332() {
        template.sendBodyAndHeader(uri("&account=" + AccountFtplet.ACCOUNT), "a", Exchange.FILE_NAME, "a.txt");
        assertThat(SERVER.file("acct/a.txt")).hasContent("a");
        assertThat(SERVER.commands()).containsSubsequence("USER", "PASS", "ACCT", "STOR");
    }

    @Test
    void aMissingOrWrongAccountFailsTheLoginWithTheServersReply() {
        for (String options : new String[] {"", "&account=wrong"}) {
            assertThatThrownBy(() -> template.sendBodyAndHeader(uri(options), "b", Exchange.FILE_NAME, "b.txt"))
                    .rootCause().isInstanceOf(FtpPermException.class)
                    .hasMessageStartingWith("530 Unknown account. (reply to ACCT");
        }
        assertThat(SERVER.file("acct/b.txt")).doesNotExist();
    }
}

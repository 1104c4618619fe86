package io.camelftplib.ftplib;

import static io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension.PASSWORD;
import static io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Welcome, login, account and {@code .netrc} credentials against a real server. */
@Timeout(30)
class FtpLoginTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    private static final String WRONG_PASSWORD = "n0t-the-Pa55word";

    /** Mirrors test_ftplib.TestFTPClass.test_getwelcome (the real server's text differs: only 220 is fixed). */
    @Test
    void connectReturnsTheWelcomeThatGetWelcomeKeeps() throws Exception {
        try (Ftp ftp = new Ftp()) {
            assertThat(ftp.getWelcome()).isNull();
            String welcome = ftp.connect(SERVER.host(), SERVER.port());
            assertThat(welcome).isEqualTo("220 Service ready for new user.");
            assertThat(ftp.getWelcome()).isEqualTo(welcome);
            assertThat(ftp.getLastResp()).isEqualTo("220");
            assertThat(ftp.getHost()).isEqualTo(SERVER.host());
            assertThat(ftp.getPort()).isEqualTo(SERVER.port());
        }
    }

    /** Mirrors test_ftplib.TestFTPClass.test_login: login() logs in anonymously with ftplib's password. */
    @Test
    void loginWithoutArgumentsIsAnonymousWithPasswordAnonymousAt() throws Exception {
        try (Ftp ftp = Fixtures.connect(SERVER)) {
            assertThat(ftp.login()).isEqualTo("230 User logged in, proceed.");
            assertThat(ftp.pwd()).isEqualTo("/");
        }
        assertThat(SERVER.commands()).startsWith("USER anonymous", "PASS anonymous@");
    }

    @Test
    void loginSendsUserThenPassAndReturnsThe230() throws Exception {
        try (Ftp ftp = Fixtures.connect(SERVER)) {
            assertThat(ftp.login(USER, PASSWORD)).isEqualTo("230 User logged in, proceed.");
        }
        assertThat(SERVER.commands()).containsExactly("USER alice", "PASS s3cret", "QUIT");
    }

    @Test
    void accountIsSentOnlyWhenTheServerAsksForIt() throws Exception {
        try (Ftp ftp = Fixtures.connect(SERVER)) {
            assertThat(ftp.login(USER, PASSWORD, "billing")).startsWith("230");
        }
        assertThat(SERVER.commands()).containsExactly("USER alice", "PASS s3cret", "QUIT");
    }

    @Test
    void acctSendsAcctAndReturnsTheServersReply() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThat(ftp.acct("billing")).isEqualTo("202 Command ACCT not implemented, superfluous at this site.");
        }
        assertThat(SERVER.commands()).contains("ACCT billing");
    }

    @Test
    void wrongPasswordRaisesPermExceptionNamingTheUserButNeverThePassword() throws Exception {
        try (Ftp ftp = Fixtures.connect(SERVER)) {
            assertThatThrownBy(() -> ftp.login(USER, WRONG_PASSWORD))
                    .isInstanceOf(FtpPermException.class)
                    .satisfies(e -> assertThat(((FtpException) e).reply()).isEqualTo("530 Authentication failed."))
                    .satisfies(e -> assertThat(((FtpException) e).replyCode()).isEqualTo("530"))
                    .hasMessage("530 Authentication failed. (reply to PASS for user \"alice\" at " + SERVER.host()
                            + ":" + SERVER.port() + "; check the user name and password (or the .netrc entry))")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(WRONG_PASSWORD));
            // a complete 5xx reply keeps the conversation in step: the next login is answered on its own
            assertThat(ftp.isOutOfSync()).isFalse();
            assertThat(ftp.login(USER, PASSWORD)).isEqualTo("230 User logged in, proceed.");
        }
    }

    @Test
    void unknownUserRaisesPermExceptionAfterPass() throws Exception {
        try (Ftp ftp = Fixtures.connect(SERVER)) {
            assertThatThrownBy(() -> ftp.login("mallory", WRONG_PASSWORD))
                    .isInstanceOf(FtpPermException.class)
                    .hasMessageStartingWith("530 Authentication failed. (reply to PASS for user \"mallory\"")
                    .hasMessageNotContaining(WRONG_PASSWORD);
        }
    }

    @Test
    void loginWithNetrcUsesTheEntryOfTheConnectedHost() throws Exception {
        Netrc netrc = Netrc.parse("machine other.example login bob password nope\n"
                + "machine " + SERVER.host() + " login " + USER + " password " + PASSWORD + "\n"
                + "default login anonymous password guest@\n");
        try (Ftp ftp = Fixtures.connect(SERVER)) {
            assertThat(ftp.login(netrc)).isEqualTo("230 User logged in, proceed.");
        }
        assertThat(SERVER.commands()).startsWith("USER alice", "PASS s3cret");
    }

    @Test
    void loginWithNetrcFallsBackToTheDefaultEntry() throws Exception {
        Netrc netrc = Netrc.parse("machine other.example login bob password nope\n"
                + "default login " + USER + " password \"" + PASSWORD + "\"\n");
        try (Ftp ftp = Fixtures.connect(SERVER)) {
            assertThat(ftp.login(netrc)).startsWith("230");
        }
        assertThat(SERVER.commands()).startsWith("USER alice", "PASS s3cret");
    }

    @Test
    void loginWithNetrcWithoutAMatchingEntryIsAnonymous() throws Exception {
        Netrc netrc = Netrc.parse("machine other.example login bob password nope\n");
        try (Ftp ftp = Fixtures.connect(SERVER)) {
            assertThat(ftp.login(netrc)).startsWith("230");
        }
        assertThat(SERVER.commands()).startsWith("USER anonymous", "PASS anonymous@");
    }

    @Test
    void wrongNetrcPasswordPointsAtTheNetrcEntryWithoutShowingThePassword() throws Exception {
        Netrc netrc = Netrc.parse("machine " + SERVER.host() + " login " + USER + " password " + WRONG_PASSWORD);
        try (Ftp ftp = Fixtures.connect(SERVER)) {
            assertThatThrownBy(() -> ftp.login(netrc))
                    .isInstanceOf(FtpPermException.class)
                    .hasMessageContaining("user \"alice\"")
                    .hasMessageContaining("or the .netrc entry")
                    .hasMessageNotContaining(WRONG_PASSWORD);
        }
    }

    @Test
    void openConnectsAndLogsIn() throws Exception {
        try (Ftp ftp = Ftp.open(SERVER.host(), SERVER.port(), USER, PASSWORD)) {
            assertThat(ftp.isConnected()).isTrue();
            assertThat(ftp.getWelcome()).startsWith("220 ");
            assertThat(ftp.pwd()).isEqualTo("/");
        }
        assertThat(SERVER.commands()).containsExactly("USER alice", "PASS s3cret", "PWD", "QUIT");
    }

    /** The session check after each test fails this test if {@code open} leaks the socket. */
    @Test
    void openClosesTheConnectionWhenLoginFails() {
        assertThatThrownBy(() -> Ftp.open(SERVER.host(), SERVER.port(), USER, WRONG_PASSWORD))
                .isInstanceOf(FtpPermException.class)
                .hasMessageStartingWith("530 ")
                .hasMessageNotContaining(WRONG_PASSWORD);
        assertThat(SERVER.commands()).containsExactly("USER alice", "PASS " + WRONG_PASSWORD);
    }
}

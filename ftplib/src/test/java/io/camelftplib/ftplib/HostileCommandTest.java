package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.camelftplib.ftplib.testing.ScriptedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the client sends: CR, LF and NUL in a command are refused before the line goes out (a name holding them
 * would smuggle a second command, bpo-30119), and passwords never show in exception messages.
 */
@Timeout(30)
class HostileCommandTest {

    private static final String PASSWORD = "hunter2";

    @RegisterExtension
    final ScriptedFtpServerExtension scripted = new ScriptedFtpServerExtension();

    /** A method call carrying an injected string, and what the server legitimately received before it. */
    private interface Call {
        void run(Ftp ftp, String injected) throws IOException;
    }

    static Stream<Arguments> injections() {
        List<Arguments> rows = new ArrayList<>();
        for (String bad : List.of("\r\nDELE x", "\nDELE x", "\rDELE x", "\0DELE x")) {
            rows.add(Arguments.of("sendCmd", (Call) (f, s) -> f.sendCmd("NOOP" + s), bad, List.of()));
            rows.add(Arguments.of("voidCmd", (Call) (f, s) -> f.voidCmd("NOOP" + s), bad, List.of()));
            rows.add(Arguments.of("delete", (Call) (f, s) -> f.delete("a" + s), bad, List.of()));
            rows.add(Arguments.of("cwd", (Call) (f, s) -> f.cwd("a" + s), bad, List.of()));
            rows.add(Arguments.of("mkd", (Call) (f, s) -> f.mkd("a" + s), bad, List.of()));
            rows.add(Arguments.of("rmd", (Call) (f, s) -> f.rmd("a" + s), bad, List.of()));
            rows.add(Arguments.of("size", (Call) (f, s) -> f.size("a" + s), bad, List.of()));
            rows.add(Arguments.of("acct", (Call) (f, s) -> f.acct("a" + s), bad, List.of()));
            rows.add(Arguments.of("login user", (Call) (f, s) -> f.login("u" + s, "p"), bad, List.of()));
            rows.add(Arguments.of("login password", (Call) (f, s) -> f.login("u", "p" + s), bad,
                    List.of("USER u")));
            rows.add(Arguments.of("rename to", (Call) (f, s) -> f.rename("a", "b" + s), bad, List.of("RNFR a")));
            rows.add(Arguments.of("nlst", (Call) (f, s) -> f.nlst("a" + s), bad, List.of("TYPE A", "PASV")));
            rows.add(Arguments.of("storBinary", (Call) (f, s) -> f.storBinary("STOR a" + s,
                    new ByteArrayInputStream(new byte[1])), bad, List.of("TYPE I", "PASV")));
        }
        return rows.stream();
    }

    /** The line with CR, LF or NUL never reaches the server; the conversation goes on in step. */
    @ParameterizedTest(name = "{0} with {2}")
    @MethodSource("injections")
    void commandWithLineBreakOrNulIsRefusedBeforeSending(String method, Call call, String injected,
            List<String> sentBefore) throws IOException {
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> call.run(ftp, injected))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(injected.startsWith("\0") ? "an illegal NUL character should not be contained"
                        : "an illegal newline character should not be contained");
        assertThat(ftp.isOutOfSync()).isFalse();
        assertThat(ftp.sendCmd("NOOP")).isEqualTo("200 noop ok");
        List<String> expected = new ArrayList<>(sentBefore);
        expected.add("NOOP");
        assertThat(scripted.server().commands()).containsExactlyElementsOf(expected);
    }

    /** NUL-free Unicode line separators are not line breaks in FTP and pass, as in ftplib. */
    @Test
    void unicodeSeparatorsPass() throws IOException {
        assertThat(scripted.client().sendCmd("ECHO 200 a\u2028b\u0085c")).isEqualTo("200 a\u2028b\u0085c");
    }

    /** A refused password names the user and what to check, never the password. */
    @Test
    void wrongPasswordMessageNeverShowsThePassword() {
        scripted.server().reply("PASS", "530 Login incorrect.");
        assertThatThrownBy(() -> scripted.client().login("bob", PASSWORD))
                .isExactlyInstanceOf(FtpPermException.class)
                .hasMessage("530 Login incorrect. (reply to PASS for user \"bob\" at 127.0.0.1:"
                        + scripted.server().port() + "; check the user name and password (or the .netrc entry))");
    }

    /** A refused account names the user, never the account string. */
    @Test
    void refusedAccountMessageNeverShowsTheAccount() {
        scripted.server().reply("PASS", "332 need account");
        scripted.server().reply("ACCT", "530 no such account");
        assertThatThrownBy(() -> scripted.client().login("bob", PASSWORD, "secret-acct"))
                .isExactlyInstanceOf(FtpPermException.class)
                .hasMessageStartingWith("530 no such account (reply to ACCT for user \"bob\" at ")
                .message().doesNotContain("secret-acct").doesNotContain(PASSWORD);
    }

    /** A connection lost after PASS fails the next command with a message naming PASS, not the password. */
    @Test
    void lostConnectionAfterPassNeverShowsThePassword() {
        scripted.server().on("PASS", (s, arg) -> s.closeControl());
        Ftp ftp = scripted.client();
        assertThatThrownBy(() -> ftp.login("bob", PASSWORD)).isExactlyInstanceOf(EOFException.class);
        assertThatThrownBy(() -> ftp.sendCmd("NOOP"))
                .isExactlyInstanceOf(FtpProtoException.class)
                .hasMessage("reading the reply to PASS for user \"bob\" failed: the server closed the control"
                        + " connection (the control connection is out of sync; reconnect)");
    }

    /** A lower-case {@code pass} sent by hand is described without its argument too. */
    @Test
    void handWrittenPassIsDescribedWithoutItsArgument() {
        scripted.server().reply("PASS", "530 no");
        assertThatThrownBy(() -> scripted.client().sendCmd("pass " + PASSWORD))
                .isExactlyInstanceOf(FtpPermException.class)
                .hasMessageStartingWith("530 no (reply to PASS for user \"\" at ")
                .message().doesNotContain(PASSWORD);
    }
}

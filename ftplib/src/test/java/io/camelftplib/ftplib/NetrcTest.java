package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Map;

import io.camelftplib.ftplib.testing.ScriptedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Netrc}: the grammar of Python's {@code netrc} module (the expected entries of {@link #FILE} are what
 * CPython 3.11.7's {@code netrc.netrc(file).hosts} printed), the permission check of {@code ~/.netrc}, and
 * {@link Ftp#login(Netrc)}.
 */
class NetrcTest {

    private static final String FILE = String.join("\n",
            "# a comment line",
            "machine ftp.example.org login alice password \"s3cret with space\" # trailing",
            "    account acc1",
            "machine other user bob password pa\\ ss",
            "machine quoted login \"q\\\"uote\" password \"#notacomment\"",
            "default login anonymous password guest@",
            "macdef init",
            "cd /pub",
            "binary",
            "",
            "machine after login carol",
            "");

    @RegisterExtension
    final ScriptedFtpServerExtension scripted = new ScriptedFtpServerExtension();

    @TempDir
    Path home;

    /** Every keyword, comments, quoted and escaped tokens, and a macro, as Python parses them. */
    @Test
    void parsesEntriesLikePythonsNetrc() {
        Netrc netrc = Netrc.parse(FILE);
        assertThat(netrc.hosts()).containsExactly(
                Map.entry("ftp.example.org", new Netrc.Entry("alice", "acc1", "s3cret with space")),
                Map.entry("other", new Netrc.Entry("bob", "", "pa ss")),
                Map.entry("quoted", new Netrc.Entry("q\"uote", "", "#notacomment")),
                Map.entry("after", new Netrc.Entry("carol", "", "")));
        assertThat(netrc.macros()).containsExactly(Map.entry("init", List.of("cd /pub\n", "binary\n")));
    }

    /** authenticators(host): the machine's entry, else the default, else nothing. */
    @Test
    void authenticatorsFallsBackToTheDefault() {
        Netrc netrc = Netrc.parse(FILE);
        assertThat(netrc.authenticators("other")).contains(new Netrc.Entry("bob", "", "pa ss"));
        assertThat(netrc.authenticators("unknown.example.org"))
                .contains(new Netrc.Entry("anonymous", "", "guest@"));
        assertThat(Netrc.parse("machine a login b").authenticators("c")).isEmpty();
    }

    /** Malformed input fails with the line of the culprit, as Python's NetrcParseError names its line. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "machine h login u\\n  bogus x         | .netrc line 2: bad follower token 'bogus'",
        "\\n\\nfoo bar                           | .netrc line 3: unexpected token 'foo'",
        "machine                               | .netrc line 1: expected a host name after 'machine'",
        "machine h\\nlogin u\\n\\npassword     | .netrc line 4: expected a value after 'password'",
        "macdef                                | .netrc line 1: expected a name after 'macdef'"})
    void malformedInputNamesTheLine(String text, String message) {
        assertThatThrownBy(() -> Netrc.parse(text.replace("\\n", "\n")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    /** An entry's toString never shows its password. */
    @Test
    void entryToStringMasksThePassword() {
        Netrc.Entry entry = Netrc.parse(FILE).authenticators("ftp.example.org").orElseThrow();
        assertThat(entry.toString())
                .isEqualTo("Entry[login=alice, account=acc1, password=***]")
                .doesNotContain("s3cret");
        assertThat(new Netrc.Entry("u", "", "").toString()).isEqualTo("Entry[login=u, account=, password=]");
    }

    /** ~/.netrc with a password and mode 0644 is refused, as Python refuses a too-permissive file. */
    @Test
    void loadDefaultRefusesAReadableFileWithPasswords() throws IOException {
        Path file = writeNetrc("machine h login u password p\n", "rw-r--r--");
        assertThatThrownBy(() -> withUserHome(Netrc::loadDefault))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage(file + " is accessible by other users; a .netrc with logins must be private:"
                        + " chmod 600 " + file);
    }

    /** A private ~/.netrc loads; a readable one with only anonymous logins loads too, as in Python. */
    @Test
    void loadDefaultAcceptsAPrivateFileOrOneWithOnlyAnonymousLogins() throws IOException {
        writeNetrc("machine h login u password p\n", "rw-------");
        assertThat(withUserHome(Netrc::loadDefault).authenticators("h")).contains(new Netrc.Entry("u", "", "p"));
        writeNetrc("machine h login anonymous password me@\n", "rw-r--r--");
        assertThat(withUserHome(Netrc::loadDefault).authenticators("h"))
                .contains(new Netrc.Entry("anonymous", "", "me@"));
    }

    /** Python checks any login but anonymous, with or without a password. */
    @Test
    void loadDefaultRefusesAReadableFileWithALoginEvenWithoutPassword() throws IOException {
        Path file = writeNetrc("machine h login u\n", "rw-r--r--");
        assertThatThrownBy(() -> withUserHome(Netrc::loadDefault))
                .isExactlyInstanceOf(IOException.class)
                .hasMessageStartingWith(file + " is accessible by other users");
    }

    /** As Python: a lone "#" at the top level comments out its line, "#word" only itself; a macro needs an
     * empty line to end. */
    @Test
    void commentsAndMacroTerminatorFollowPython() {
        assertThat(Netrc.parse("# machine skipped login x\nmachine h login u\n").hosts()).containsOnlyKeys("h");
        assertThat(Netrc.parse("#word machine h login u\n").hosts()).containsOnlyKeys("h");
        assertThat(Netrc.parse("macdef m\n  \nline\n\n").macros())
                .containsExactly(Map.entry("m", List.of("  \n", "line\n")));
        assertThatThrownBy(() -> Netrc.parse("macdef m\ncd /pub\n"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("Macro definition missing null line terminator.");
    }

    /** ~/.netrc owned by another user is refused (needs root to give the file away). */
    @Test
    void loadDefaultRefusesAFileOwnedBySomeoneElse() throws IOException {
        Path file = writeNetrc("machine h login u password p\n", "rw-------");
        assumeThat(System.getProperty("user.name")).as("only root can give a file away").isEqualTo("root");
        UserPrincipal nobody = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(file, nobody);
        assertThatThrownBy(() -> withUserHome(Netrc::loadDefault))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage(file + " is owned by nobody, not by root; a .netrc with logins must belong to its user");
    }

    /** login(netrc) sends the host's login, password and account (the credentials of ftplib's test()). */
    @Test
    @Timeout(30)
    void loginWithNetrcUsesTheEntryOfTheHost() throws IOException {
        scripted.server().reply("PASS", "332 need account");
        Netrc netrc = Netrc.parse("machine 127.0.0.1 login alice password pw account acc\n");
        assertThat(scripted.client().login(netrc)).isEqualTo("230 acct ok");
        assertThat(scripted.server().commands()).containsExactly("USER alice", "PASS pw", "ACCT acc");
    }

    /** login(netrc) without an entry for the host nor a default logs in anonymously. */
    @Test
    @Timeout(30)
    void loginWithNetrcWithoutEntryIsAnonymous() throws IOException {
        assertThat(scripted.client().login(Netrc.parse("machine elsewhere login x password y\n")))
                .isEqualTo("230 password ok");
        assertThat(scripted.server().commands()).containsExactly("USER anonymous", "PASS anonymous@");
    }

    private Path writeNetrc(String text, String permissions) throws IOException {
        Path file = home.resolve(".netrc");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private interface NetrcLoader {
        Netrc load() throws IOException;
    }

    // loadDefault reads user.home; set it for one call only and restore it whatever happens
    private Netrc withUserHome(NetrcLoader loader) throws IOException {
        String previous = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            return loader.load();
        } finally {
            System.setProperty("user.home", previous);
        }
    }
}

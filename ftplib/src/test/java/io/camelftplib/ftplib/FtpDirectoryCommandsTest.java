package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.OptionalLong;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** File and directory commands (MKD, RMD, CWD, CDUP, PWD, RNFR/RNTO, DELE, SIZE) and raw commands. */
@Timeout(30)
class FtpDirectoryCommandsTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    /** Mirrors test_ftplib.TestFTPClass.test_mkd: the path comes from the 257 reply. */
    @Test
    void mkdReturnsTheCreatedPath() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThat(ftp.mkd("/foo")).isEqualTo("/foo");
            assertThat(ftp.mkd("/foo/" + Fixtures.ODD_DIR)).isEqualTo("/foo/" + Fixtures.ODD_DIR);
        }
        assertThat(SERVER.file("foo/" + Fixtures.ODD_DIR)).isDirectory();
        assertThat(SERVER.commands()).contains("MKD /foo", "MKD /foo/" + Fixtures.ODD_DIR);
    }

    @Test
    void mkdOfAnExistingDirectoryRaisesPermException() throws Exception {
        Files.createDirectories(SERVER.file("exists"));
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThatThrownBy(() -> ftp.mkd("exists"))
                    .isInstanceOf(FtpPermException.class)
                    .hasMessage("550 /exists: already exists. (reply to MKD exists at " + SERVER.host()
                            + ":" + SERVER.port() + ")");
        }
    }

    /** Mirrors test_ftplib.TestFTPClass.test_rmd. */
    @Test
    void rmdRemovesTheDirectoryAndReturnsTheReply() throws Exception {
        Files.createDirectories(SERVER.file("gone " + Fixtures.ODD_DIR));
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThat(ftp.rmd("gone " + Fixtures.ODD_DIR)).isEqualTo("250 \"/gone dïr ®\" removed.");
        }
        assertThat(SERVER.file("gone " + Fixtures.ODD_DIR)).doesNotExist();
    }

    /** Mirrors test_ftplib.TestFTPClass.test_cwd and test_pwd (the real server's texts). */
    @Test
    void cwdReturnsTheReplyAndPwdTheNewPath() throws Exception {
        Files.createDirectories(SERVER.file("cd/" + Fixtures.ODD_DIR));
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThat(ftp.pwd()).isEqualTo("/");
            assertThat(ftp.cwd("/cd/" + Fixtures.ODD_DIR)).isEqualTo("250 Directory changed to /cd/dïr ®");
            assertThat(ftp.pwd()).isEqualTo("/cd/" + Fixtures.ODD_DIR);
        }
        assertThat(SERVER.commands()).contains("CWD /cd/" + Fixtures.ODD_DIR, "PWD");
    }

    @Test
    void cwdDotDotSendsCdup() throws Exception {
        Files.createDirectories(SERVER.file("up/down"));
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.cwd("up/down");
            assertThat(ftp.cwd("..")).isEqualTo("250 Directory changed to /up.");
            assertThat(ftp.pwd()).isEqualTo("/up");
        }
        assertThat(SERVER.commands()).contains("CDUP").doesNotContain("CWD ..");
    }

    @Test
    void cwdOfAnEmptyNameSendsCwdDot() throws Exception {
        Files.createDirectories(SERVER.file("stay"));
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.cwd("stay");
            assertThat(ftp.cwd("")).isEqualTo("250 Directory changed to /stay");
        }
        assertThat(SERVER.commands()).contains("CWD .");
    }

    @Test
    void cwdIntoAMissingDirectoryRaisesPermException() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThatThrownBy(() -> ftp.cwd("missing"))
                    .isInstanceOf(FtpPermException.class)
                    .satisfies(e -> assertThat(((FtpException) e).reply()).isEqualTo("550 No such directory."));
            assertThat(ftp.pwd()).isEqualTo("/");
        }
    }

    @Test
    void renameMovesTheFileAndReturnsTheRntoReply() throws Exception {
        byte[] data = Fixtures.binary(300);
        Fixtures.put(SERVER, "before.bin", data);
        Files.createDirectories(SERVER.file(Fixtures.ODD_DIR));
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThat(ftp.rename("before.bin", Fixtures.ODD_FILE))
                    .isEqualTo("250 Requested file action okay, file renamed.");
        }
        assertThat(SERVER.file("before.bin")).doesNotExist();
        assertThat(Fixtures.read(SERVER, Fixtures.ODD_FILE)).isEqualTo(data);
        assertThat(SERVER.commands()).contains("RNFR before.bin", "RNTO " + Fixtures.ODD_FILE);
    }

    /** Apache FtpServer accepts RNFR of anything and refuses at RNTO. */
    @Test
    void renameOfAMissingFileRaisesThePermExceptionOfRnto() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThatThrownBy(() -> ftp.rename("absent.bin", "other.bin"))
                    .isInstanceOf(FtpPermException.class)
                    .hasMessage("553 : No such file or directory. (reply to RNTO other.bin at " + SERVER.host() + ":"
                            + SERVER.port() + ")");
        }
        assertThat(SERVER.commands()).contains("RNFR absent.bin", "RNTO other.bin");
        assertThat(SERVER.file("other.bin")).doesNotExist();
    }

    @Test
    void deleteRemovesTheFileAndReturnsThe250() throws Exception {
        Fixtures.put(SERVER, "doomed file ü.bin", new byte[] {1, 2, 3});
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThat(ftp.delete("doomed file ü.bin"))
                    .isEqualTo("250 Requested file action okay, deleted /doomed file ü.bin.");
            // Apache FtpServer answers a missing file with 450, a temporary error
            assertThatThrownBy(() -> ftp.delete("doomed file ü.bin"))
                    .isInstanceOf(FtpTempException.class)
                    .satisfies(e -> assertThat(((FtpException) e).reply())
                            .isEqualTo("450 Can't delete file /doomed file ü.bin."));
        }
        assertThat(SERVER.file("doomed file ü.bin")).doesNotExist();
    }

    @Test
    void sizeReturnsTheByteCountFromThe213() throws Exception {
        Fixtures.put(SERVER, "sized.bin", Fixtures.binary(12_345));
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.voidCmd("TYPE I");
            assertThat(ftp.size("sized.bin")).isEqualTo(OptionalLong.of(12_345));
            assertThat(ftp.getLastResp()).isEqualTo("213");
            assertThatThrownBy(() -> ftp.size("unsized.bin"))
                    .isInstanceOf(FtpPermException.class)
                    .hasMessageStartingWith("550 /unsized.bin: No such file or directory.");
        }
    }

    @Test
    void sendCmdReturnsAnyPositiveReplyAndVoidCmdOnlyA2xx() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThat(ftp.voidCmd("NOOP")).isEqualTo("200 Command NOOP okay.");
            assertThat(ftp.sendCmd("REST 0")).startsWith("350 ");
            assertThatThrownBy(() -> ftp.voidCmd("REST 0"))
                    .isInstanceOf(FtpReplyException.class)
                    .satisfies(e -> assertThat(((FtpException) e).reply())
                            .isEqualTo("350 Restarting at 0. Send STORE or RETRIEVE to initiate transfer."));
            assertThatThrownBy(() -> ftp.sendCmd("FOOBAR"))
                    .isInstanceOf(FtpPermException.class)
                    .hasMessage("502 Command FOOBAR not implemented. (reply to FOOBAR at " + SERVER.host() + ":"
                            + SERVER.port() + ")");
            assertThat(ftp.sendCmd("SYST")).isEqualTo("215 UNIX Type: Apache FtpServer");
        }
    }

    /** Mirrors the CR/LF part of test_ftplib.TestFTPClass.test_exceptions; beyond ftplib, NUL too. */
    @ParameterizedTest
    @ValueSource(strings = {"NOOP\r\nDELE x", "NOOP\nDELE x", "NOOP\rDELE x", "DELE x\0y"})
    void commandsWithLineBreaksOrNulAreRefusedBeforeAnythingIsSent(String cmd) throws Exception {
        Fixtures.put(SERVER, "x", new byte[] {1});
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThatThrownBy(() -> ftp.sendCmd(cmd))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageMatching("an illegal (newline|NUL) character should not be contained");
            assertThat(ftp.voidCmd("NOOP")).isEqualTo("200 Command NOOP okay.");
        }
        assertThat(SERVER.commands()).containsExactly("USER alice", "PASS s3cret", "NOOP", "QUIT");
        assertThat(SERVER.file("x")).exists();
    }
}

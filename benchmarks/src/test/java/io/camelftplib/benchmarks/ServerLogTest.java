package io.camelftplib.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLogTest {

    private static final String SESSION = String.join("\n",
            "Sat Nov 28 05:58:05 2026 [pid 9569] CONNECT: Client \"127.0.0.1\"",
            "Sat Nov 28 05:58:05 2026 [pid 9582] FTP command: Client \"127.0.0.1\", \"USER ftpbench\"",
            "Sat Nov 28 05:58:05 2026 [pid 9582] [ftpbench] FTP response: Client \"127.0.0.1\", \"331 Please specify.\"",
            "Sat Nov 28 05:58:05 2026 [pid 9582] [ftpbench] FTP command: Client \"127.0.0.1\", \"PASS <password>\"",
            "Sat Nov 28 05:58:05 2026 [pid 9583] [ftpbench] FTP command: Client \"127.0.0.1\", \"cwd w3\"",
            "Sat Nov 28 05:58:05 2026 [pid 9583] [ftpbench] FTP command: Client \"127.0.0.1\", \"PASV\"",
            "Sat Nov 28 05:58:05 2026 [pid 9583] [ftpbench] FTP command: Client \"127.0.0.1\", \"NLST w3\"",
            "Sat Nov 28 05:58:05 2026 [pid 9583] [ftpbench] FTP command: Client \"127.0.0.1\", \"PASV\"",
            "Sat Nov 28 05:58:05 2026 [pid 9583] [ftpbench] FTP command: Client \"127.0.0.1\", \"RETR a b.bin\"",
            "Sat Nov 28 05:58:05 2026 [pid 9583] [ftpbench] FTP response: Client \"127.0.0.1\", \"FTP command: fake\"",
            "Sat Nov 28 05:58:05 2026 [pid 9583] [ftpbench] FTP command: Client \"127.0.0.1\", \"PASV\"",
            "Sat Nov 28 05:58:05 2026 [pid 9583] [ftpbench] FTP command: Client \"127.0.0.1\", \"RETR c.bin\"",
            "Sat Nov 28 05:58:05 2026 [pid 9583] [ftpbench] FTP command: Client \"127.0.0.1\", \"QUIT\"", "");

    @TempDir
    Path dir;

    @Test
    void countsOnlyCommandsAppendedAfterTheMarkByVerb() throws Exception {
        Path file = dir.resolve("vsftpd.log");
        Files.writeString(file, "Sat Nov 28 05:00:00 2026 [pid 1] FTP command: Client \"127.0.0.1\", \"NOOP\"\n");
        ServerLog log = new ServerLog(file);
        long mark = log.mark();
        Files.writeString(file, SESSION, java.nio.file.StandardOpenOption.APPEND);

        Map<String, Long> verbs = log.commandsSince(mark);

        assertThat(verbs).containsExactly(Map.entry("USER", 1L), Map.entry("PASS", 1L), Map.entry("CWD", 1L),
                Map.entry("PASV", 3L), Map.entry("NLST", 1L), Map.entry("RETR", 2L), Map.entry("QUIT", 1L));
        RoundResult round = new RoundResult(new Measurement(1, 1, -1, -1, -1), new Moved(8192, 2), verbs);
        assertThat(round.commands()).isEqualTo(10);
        // per file count only the verbs sent for every file, PASV + RETR, without the listing's PASV
        assertThat(round.perItemCommands()).isEqualTo(2.0);
        assertThat(RoundResult.decode(round.encode())).isEqualTo(round);
    }
}

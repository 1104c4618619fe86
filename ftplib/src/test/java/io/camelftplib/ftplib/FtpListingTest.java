package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** NLST, LIST and MLSD listings, eager and streaming, with names holding spaces and non-ASCII characters. */
@Timeout(30)
class FtpListingTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    /** CPython test_ftplib's NLST_DATA names; the third has a leading space. */
    private static final List<String> NAMES = List.of("foo", "bar", " non-ascii char \u00ae");

    @BeforeAll
    static void createListings() throws IOException {
        for (String name : NAMES) {
            Fixtures.put(SERVER, "list/" + name, name.getBytes(StandardCharsets.UTF_8));
        }
        Fixtures.put(SERVER, "list/" + Fixtures.ODD_FILE, new byte[] {0, (byte) 0xff, '\r', '\n'});
        Files.createDirectories(SERVER.file("empty"));
    }

    private static List<String> allNames() {
        List<String> names = new ArrayList<>(NAMES);
        names.add(Fixtures.ODD_DIR);
        return names;
    }

    /** Mirrors test_ftplib.TestFTPClass.test_nlst. */
    @Test
    void nlstListsTheNamesOfTheCurrentDirectory() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.cwd("list");
            assertThat(ftp.nlst()).containsExactlyInAnyOrderElementsOf(allNames());
        }
        assertThat(SERVER.commands()).contains("TYPE A", "NLST");
    }

    @Test
    void nlstSendsEveryArgument() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThat(ftp.nlst("-a", "list")).containsExactlyInAnyOrderElementsOf(allNames());
            ftp.cwd("list/" + Fixtures.ODD_DIR);
            assertThat(ftp.nlst()).containsExactly("fïle ü.bin");
        }
        assertThat(SERVER.commands()).contains("NLST -a list", "CWD list/" + Fixtures.ODD_DIR);
    }

    @Test
    void nlstOfAnEmptyDirectoryIsEmpty() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThat(ftp.nlst("empty")).isEmpty();
            assertThat(ftp.mlsd("empty")).isEmpty();
        }
    }

    /** Mirrors test_ftplib.TestFTPClass.test_dir: each long-format line goes to the callback. */
    @Test
    void dirHandsEachLongFormatLineToTheCallbackAndDropsEmptyArguments() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.setPasv(false);
            ftp.dir(lines::add, "", "list");
        }
        assertThat(lines).hasSize(4)
                .allSatisfy(line -> assertThat(line).matches("[-d]r[-w]x?.* \\w{3} .*").doesNotContain("\r", "\n"))
                .anySatisfy(line -> assertThat(line).endsWith(" foo").startsWith("-"))
                .anySatisfy(line -> assertThat(line).endsWith("  non-ascii char \u00ae"))
                .anySatisfy(line -> assertThat(line).endsWith(" " + Fixtures.ODD_DIR).startsWith("d"));
        assertThat(SERVER.commands()).contains("LIST list");
    }

    @Test
    void dirAndRetrLinesWithoutCallbackPrintEachLine() throws Exception {
        String printed = captureStandardOutput(() -> {
            try (Ftp ftp = Fixtures.login(SERVER)) {
                ftp.cwd("list/" + Fixtures.ODD_DIR);
                ftp.dir();
                ftp.retrLines("NLST");
            }
        });
        String eol = System.lineSeparator();
        assertThat(printed).matches("(?s)-rw.* fïle ü\\.bin" + eol + "fïle ü\\.bin" + eol);
    }

    /** Mirrors test_ftplib.TestFTPClass.test_mlsd: mlsd(), mlsd(path='/'), mlsd(path, facts). */
    @Test
    void mlsdListsEntriesWithTheirFacts() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.cwd("list");
            List<MlsdEntry> here = ftp.mlsd();
            assertThat(here).extracting(MlsdEntry::name).containsExactlyInAnyOrderElementsOf(allNames());
            assertThat(here).filteredOn(e -> e.name().equals("foo")).singleElement()
                    .satisfies(e -> assertThat(e.facts()).containsEntry("type", "file").containsEntry("size", "3")
                            .containsKey("modify"));
            assertThat(here).filteredOn(e -> e.name().equals(Fixtures.ODD_DIR)).singleElement()
                    .satisfies(e -> assertThat(e.type()).isEqualTo("dir"));
            assertThat(ftp.mlsd("/")).extracting(MlsdEntry::name).contains("list", "empty");
            List<MlsdEntry> chosen = ftp.mlsd("/list", List.of("size", "type"));
            assertThat(chosen).extracting(MlsdEntry::facts)
                    .allSatisfy(f -> assertThat(f).containsOnlyKeys("size", "type"));
            assertThat(chosen).filteredOn(e -> e.name().equals(" non-ascii char \u00ae")).singleElement()
                    .satisfies(e -> assertThat(e.facts()).isEqualTo(Map.of("size", "18", "type", "file")));
        }
        assertThat(SERVER.commands()).contains("MLSD", "MLSD /", "OPTS MLST size;type;", "MLSD /list");
    }

    /** Beyond ftplib: the streaming variant hands each entry over before the final reply is read. */
    @Test
    void mlsdWithASinkStreamsEntriesBeforeTheTransferEnds() throws Exception {
        List<String> names = new ArrayList<>();
        List<String> lastRepliesSeen = new ArrayList<>();
        try (Ftp ftp = Fixtures.login(SERVER)) {
            ftp.mlsd("list", List.of("type"), entry -> {
                names.add(entry.name());
                lastRepliesSeen.add(ftp.getLastResp());
            });
            assertThat(ftp.getLastResp()).isEqualTo("226");
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(allNames());
        assertThat(lastRepliesSeen).containsOnly("150");
    }

    @Test
    void aFailingSinkStopsTheListingWithItsExceptionAndTheConnectionOutOfSync() throws Exception {
        IOException stop = new IOException("enough");
        Ftp ftp = Fixtures.login(SERVER);
        try (ftp) {
            assertThatThrownBy(() -> ftp.mlsd("list", List.of(), entry -> {
                throw stop;
            })).isSameAs(stop);
            assertThat(ftp.isOutOfSync()).isTrue();
        }
        assertThat(ftp.isConnected()).isFalse();
        assertThat(SERVER.commands()).doesNotContain("QUIT");
    }

    /** A 550 to the transfer command is a complete reply: the conversation stays in step. */
    @Test
    void retrLinesOfAMissingFileRaisesPermExceptionAndKeepsTheConnectionUsable() throws Exception {
        try (Ftp ftp = Fixtures.login(SERVER)) {
            assertThatThrownBy(() -> ftp.retrLines("RETR nowhere.txt", line -> { }))
                    .isInstanceOf(FtpPermException.class)
                    .hasMessage("550 /nowhere.txt: No such file or directory. (reply to RETR nowhere.txt at "
                            + SERVER.host() + ":" + SERVER.port() + ")");
            assertThat(ftp.isOutOfSync()).isFalse();
            assertThat(ftp.nlst("list")).hasSize(4);
        }
    }

    private static String captureStandardOutput(ThrowingRunnable action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}

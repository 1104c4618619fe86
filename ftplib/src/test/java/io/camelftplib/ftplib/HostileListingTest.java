package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.camelftplib.ftplib.testing.ScriptedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile listings: names the engine must pass through verbatim for the caller to judge (the engine cannot know
 * which names are safe on the caller's side), a listing too large to hold (the streaming MLSD), and listing bytes
 * invalid in the encoding.
 */
@Timeout(60)
class HostileListingTest {

    private static final String HOSTILE_NAMES = "../../etc/passwd\r\n/abs/path\r\nnul\0name\r\na\rb\r\n\r\nlast";

    @RegisterExtension
    final ScriptedFtpServerExtension scripted = new ScriptedFtpServerExtension();

    /** NLST names come back verbatim; a CR splits a name in two, an empty line stays, as in ftplib. */
    @Test
    void nlstPassesHostileNamesThroughVerbatim() throws IOException {
        scripted.server().nextData(HOSTILE_NAMES);
        assertThat(scripted.client().nlst())
                .containsExactly("../../etc/passwd", "/abs/path", "nul\0name", "a", "b", "", "last");
    }

    /** {@code dir()} hands the same lines to its callback; only non-empty arguments are sent. */
    @Test
    void dirPassesHostileNamesThroughVerbatim() throws IOException {
        scripted.server().nextData(HOSTILE_NAMES);
        List<String> lines = new ArrayList<>();
        scripted.client().dir(lines::add, "", "-la", "");
        assertThat(lines).containsExactly("../../etc/passwd", "/abs/path", "nul\0name", "a", "b", "", "last");
        assertThat(scripted.server().commands()).containsExactly("TYPE A", "PASV", "LIST -la");
    }

    /** MLSD keeps traversal names, and gives ftplib's entries for a line without space and an empty one. */
    @Test
    void mlsdPassesHostileEntriesThroughVerbatim() throws IOException {
        scripted.server().nextData("type=file; ../../x\r\ntype=file; /abs\r\nnospace\r\n\r\n");
        assertThat(scripted.client().mlsd()).containsExactly(
                new MlsdEntry("../../x", Map.of("type", "file")),
                new MlsdEntry("/abs", Map.of("type", "file")),
                new MlsdEntry("", Map.of("nospac", "")),
                new MlsdEntry("", Map.of("", "")));
    }

    /**
     * The streaming MLSD hands entries over while the listing is still arriving. The server sends half of a
     * 200,000-line listing and sends the rest only once the client has seen its first entry: a client that
     * buffered the listing would get only the first half.
     */
    @Test
    void streamingMlsdDeliversEntriesBeforeTheListingEnds() throws IOException {
        int half = 100_000;
        CountDownLatch firstEntrySeen = new CountDownLatch(1);
        scripted.server().on("MLSD", (s, arg) -> {
            s.reply("125 mlsd ok");
            try (OutputStream data = s.dataSocket().getOutputStream()) {
                writeEntries(data, 0, half);
                if (firstEntrySeen.await(20, TimeUnit.SECONDS)) {
                    writeEntries(data, half, 2 * half);
                }
            }
            s.closeData();
            s.reply("226 transfer complete");
        });
        AtomicInteger count = new AtomicInteger();
        AtomicReference<MlsdEntry> last = new AtomicReference<>();
        scripted.client().mlsd("/big", List.of("type", "size"), entry -> {
            count.incrementAndGet();
            last.set(entry);
            firstEntrySeen.countDown();
        });
        assertThat(count).hasValue(2 * half);
        assertThat(last.get()).isEqualTo(new MlsdEntry("file199999", Map.of("type", "file", "size", "199999")));
        assertThat(scripted.server().commands()).containsExactly("OPTS MLST type;size;", "TYPE A", "PASV", "MLSD /big");
    }

    /** A listing line that is not valid UTF-8 fails with FtpProtoException after the lines before it. */
    @Test
    void undecodableListingIsProtoError() {
        scripted.server().on("LIST", (s, arg) -> {
            s.reply("125 list ok");
            s.sendDataBytes(new byte[] {'o', 'k', '\r', '\n', (byte) 0xff, (byte) 0xfe, '\r', '\n'});
            s.reply("226 transfer complete");
        });
        Ftp ftp = scripted.client();
        List<String> lines = new ArrayList<>();
        assertThatThrownBy(() -> ftp.dir(lines::add))
                .isExactlyInstanceOf(FtpProtoException.class)
                .hasMessage("received bytes that are not valid UTF-8 (set the encoding to the one the server uses)")
                .hasCauseInstanceOf(MalformedInputException.class);
        assertThat(lines).containsExactly("ok");
        // the 226 is still due: no later command may take it for its own reply
        assertThat(ftp.isOutOfSync()).isTrue();
    }

    private static void writeEntries(OutputStream data, int from, int to) throws IOException {
        StringBuilder chunk = new StringBuilder();
        for (int i = from; i < to; i++) {
            chunk.append("type=file;size=").append(i).append("; file").append(i).append("\r\n");
            if (chunk.length() > 32_000) {
                data.write(chunk.toString().getBytes(StandardCharsets.US_ASCII));
                chunk.setLength(0);
            }
        }
        data.write(chunk.toString().getBytes(StandardCharsets.US_ASCII));
        data.flush();
    }
}

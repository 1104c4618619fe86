package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * No reply makes the reply parsers fail outside their documented outcomes: {@code parse150/213/227/229/257} return
 * a value or throw the {@link FtpException} kind their javadoc names, and the multi-line reply reader returns a
 * reply or throws {@link FtpException} (line or reply too long, bytes invalid in the charset) or
 * {@link EOFException} (the server closed), for any bytes, within a bound far above their linear cost.
 */
class ReplyParsingPropertiesTest {

    private static final Duration BOUND = Duration.ofSeconds(2);

    @Property(seed = "959")
    void anyReplyGivesAValueOrAnFtpException(@ForAll("replies") String reply) {
        assertTimeoutPreemptively(BOUND, () -> {
            outcome(() -> FtpReplies.parse150(reply));
            outcome(() -> FtpReplies.parse213(reply, "the reply to SIZE"));
            outcome(() -> FtpReplies.parse227(reply));
            outcome(() -> FtpReplies.parse229(reply, "127.0.0.1"));
            outcome(() -> FtpReplies.parse257(reply));
            assertThat(FtpReplies.repr(reply)).startsWith(FtpReplies.repr(reply).substring(0, 1));
        });
    }

    @Property(seed = "2428")
    void anyBytesGiveAReplyOrAnIoFailure(@ForAll("wires") byte[] wire) {
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1}) {
            assertTimeoutPreemptively(BOUND, () -> {
                try (ControlChannel channel = new ControlChannel(new WireSocket(wire), charset, new WireLog())) {
                    String reply = channel.getMultiline(Ftp.MAXLINE);
                    assertThat(reply).doesNotContain("\r");
                } catch (FtpException | EOFException expected) {
                    // documented: too long, not in the charset, or the server closed before the reply ended
                    assertThat(expected.getMessage()).isNotBlank();
                }
            });
        }
    }

    private interface Parse {
        Object run() throws FtpException;
    }

    private static void outcome(Parse parse) {
        try {
            assertThat(parse.run()).isNotNull();
        } catch (FtpException expected) {
            // the message is the reply itself, as ftplib's str(e), so it may be empty but never null
            assertThat(expected.getMessage()).isNotNull();
        }
    }

    @Provide
    Arbitrary<String> replies() {
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(20_000);
        Arbitrary<String> code = Arbitraries.of("150 ", "213 ", "227 ", "229 ", "257 ", "257 \"", "229 (", "227 (");
        Arbitrary<String> tail = Arbitraries.strings().withChars("0123456789,|()\"- \r\n\0abc(byt)é")
                .ofMaxLength(300);
        return Arbitraries.oneOf(any, code.flatMap(c -> tail.map(t -> c + t)));
    }

    @Provide
    Arbitrary<byte[]> wires() {
        Arbitrary<String> line = Arbitraries.oneOf(Arbitraries.of("211-Features:", " MLST size*;", "211 End",
                "211-", "211", "21", "", "220 ready", "250-a\r", "\u00ff\u00fe"),
                Arbitraries.strings().ofMaxLength(200));
        Arbitrary<String> end = Arbitraries.of("\r\n", "\n", "\r", "\0", "");
        Arbitrary<String> text = Arbitraries.oneOf(
                line.flatMap(l -> end.map(e -> l + e)).list().ofMaxSize(1_200).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(20_000));
        Arbitrary<String> longLine = Arbitraries.integers().between(0, 70_000).map(n -> "211-" + "x".repeat(n));
        return Arbitraries.oneOf(text, longLine).map(s -> s.getBytes(StandardCharsets.UTF_8))
                .injectDuplicates(0.0);
    }

    /** A socket whose input is fixed bytes and whose output is discarded. */
    private static final class WireSocket extends Socket {
        private final InputStream in;
        private final OutputStream out = new ByteArrayOutputStream();

        WireSocket(byte[] wire) {
            this.in = new ByteArrayInputStream(wire);
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }
    }
}

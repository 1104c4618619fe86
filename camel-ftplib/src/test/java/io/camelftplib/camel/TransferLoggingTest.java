package io.camelftplib.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.time.Duration;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code transferLoggingLevel}, {@code transferLoggingIntervalSeconds} and {@code transferLoggingVerbose} log the
 * progress of long transfers as ftp: does. The upload's body arrives in 64 KiB pieces four times a second (as from a
 * slow source; the socket buffers would swallow a fast body at once), and the server sends at most 200 KB/s, so
 * each transfer of the 640 KiB file takes over two seconds. The lines are read from the test logger's output
 * (slf4j-simple writes to the current {@code System.err}).
 */
@Timeout(60)
class TransferLoggingTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain().withTransferRate(200_000);

    private static final byte[] DATA = new byte[640 * 1024];

    static {
        new Random(15).nextBytes(DATA);
        DATA[0] = 0x00;
        DATA[1] = (byte) 0xFF;
        DATA[2] = '\r';
        DATA[3] = '\n';
    }

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureLog() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog() {
        System.setErr(originalErr);
    }

    private List<String> progressLines() {
        return captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains(TransferProgress.class.getName())).toList();
    }

    private String uri(String directory, String options) {
        return "ftplib://" + EmbeddedFtpServerExtension.USER + "@localhost:" + SERVER.port() + "/" + directory
                + "?password=" + EmbeddedFtpServerExtension.PASSWORD + "&" + options;
    }

    @Test
    void longUploadAndDownloadLogStartProgressEverySecondAndCompletionAtInfo() throws Exception {
        String options = "transferLoggingLevel=INFO&transferLoggingIntervalSeconds=1";
        String server = "ftplib://alice@localhost:" + SERVER.port();
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            try (SlowBody slow = new SlowBody(DATA, 64 * 1024, Duration.ofMillis(250))) {
                context.createProducerTemplate().sendBodyAndHeader(uri("logged", options), slow.stream(),
                        Exchange.FILE_NAME, "big file.bin");
            }
            byte[] body = context.createConsumerTemplate().receiveBody(uri("logged", options + "&delete=true"),
                    20_000, byte[].class);
            assertThat(body).isEqualTo(DATA);
        }
        List<String> lines = progressLines();
        assertThat(lines).anyMatch(l -> l.contains(" INFO ") && l.endsWith("Uploading to " + server
                + " file: logged/big file.bin starting"));
        String uploadProgress = "Uploading to " + server + " file: logged/big file.bin (progress: ";
        assertThat(lines.stream().filter(l -> l.contains(uploadProgress)))
                .as("one progress line a second of a transfer that lasts over 2 s: %s", lines)
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines).anyMatch(l -> l.contains("Uploading to " + server + " file: logged/big file.bin completed "
                + "(size: 640.0 KB) (took: "));
        assertThat(lines).anyMatch(l -> l.endsWith("Downloading from " + server + " file: logged/big file.bin "
                + "starting (size: 640.0 KB)"));
        assertThat(lines.stream().filter(l -> l.matches(".*Downloading from .* file: logged/big file\\.bin "
                + "\\(progress: [0-9.]+ KB/[0-9]+\\.[0-9]%\\)"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines).anyMatch(l -> l.contains("Downloading from " + server + " file: logged/big file.bin "
                + "completed (size: 640.0 KB)"));
    }

    @Test
    void defaultLevelDebugStaysOutOfAnInfoLog() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            context.createProducerTemplate().sendBodyAndHeader(uri("quiet", "transferLoggingIntervalSeconds=1"),
                    "small", Exchange.FILE_NAME, "small.txt");
        }
        assertThat(SERVER.file("quiet/small.txt")).hasContent("small");
        assertThat(progressLines()).isEmpty();
    }
}

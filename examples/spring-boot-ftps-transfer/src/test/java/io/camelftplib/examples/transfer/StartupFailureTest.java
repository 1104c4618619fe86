package io.camelftplib.examples.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A wrong password or an unreachable host stops the application at startup with a short report naming the host,
 * the user and what to check, not a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(60)
class StartupFailureTest {

    @Test
    void wrongPasswordNamesHostUserAndThePasswordProperty(CapturedOutput output) {
        assertThatThrownBy(() -> start("--demo.server.password=wrong"))
                .isInstanceOf(FtpServerUnavailableException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
                .containsPattern("Cannot log in to the FTPS server 127\\.0\\.0\\.1:\\d+ as user 'demo': 530")
                .contains("Check demo.server.username and demo.server.password.")
                .doesNotContain("\tat io.camelftplib");
    }

    @Test
    void unreachableHostNamesHostPortAndWhatToCheck(CapturedOutput output) throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        assertThatThrownBy(() -> start("--demo.server.embedded=false", "--demo.server.host=127.0.0.1",
                "--demo.server.port=" + closedPort)).isInstanceOf(FtpServerUnavailableException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Cannot log in to the FTPS server 127.0.0.1:" + closedPort + " as user 'demo'")
                .contains("Nothing answered at 127.0.0.1:" + closedPort + ". Check demo.server.host and "
                        + "demo.server.port")
                .doesNotContain("\tat io.camelftplib");
    }

    private static void start(String... args) {
        new SpringApplicationBuilder(FtpsTransferApplication.class)
                .properties("demo.exit-when-done=false", "demo.large-file=0", "camel.main.run-controller=false")
                .run(args).close();
    }
}

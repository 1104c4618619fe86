package io.camelftplib.examples.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A wrong password or an unreachable host stops the application at startup, and the report Spring Boot prints in
 * place of a stack trace names the host, the user and what to check. The test reads that report from the
 * analyzer; the printed copy is switched off so a passing build shows no failure banner.
 */
@Timeout(120)
class StartupFailureTest {

    @Test
    void wrongPasswordNamesHostUserAndThePasswordProperty() {
        FailureAnalysis report = startFailing("--demo.server.password=wrong");
        assertThat(report.getDescription())
                .containsPattern("Cannot log in to the FTPS server 127\\.0\\.0\\.1:\\d+ as user 'demo': 530");
        assertThat(report.getAction()).isEqualTo("The server refused user 'demo'. Check demo.server.username and "
                + "demo.server.password.");
    }

    @Test
    void unreachableHostNamesHostPortAndWhatToCheck() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        FailureAnalysis report = startFailing("--demo.server.embedded=false", "--demo.server.host=127.0.0.1",
                "--demo.server.port=" + closedPort);
        assertThat(report.getDescription())
                .contains("Cannot log in to the FTPS server 127.0.0.1:" + closedPort + " as user 'demo'");
        assertThat(report.getAction()).startsWith("Nothing answered at 127.0.0.1:" + closedPort
                + ". Check demo.server.host and demo.server.port");
    }

    /** Starts the application, expects the startup check to stop it, and returns the report Boot would print. */
    private static FailureAnalysis startFailing(String... args) {
        FtpServerUnavailableException failure = catchThrowableOfType(FtpServerUnavailableException.class,
                () -> new SpringApplicationBuilder(FtpsTransferApplication.class)
                        .properties("demo.exit-when-done=false", "demo.large-file=0",
                                "camel.main.run-controller=false",
                                "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=OFF")
                        .run(args).close());
        assertThat(failure).as("the startup check stops the application").isNotNull();
        FailureAnalysis report = new ServerFailureAnalyzer().analyze(failure);
        assertThat(report).as("the analyzer explains the failure").isNotNull();
        return report;
    }
}

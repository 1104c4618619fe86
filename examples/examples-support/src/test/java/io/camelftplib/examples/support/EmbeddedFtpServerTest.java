package io.camelftplib.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The embedded server greets on its port, offers AUTH TLS only when started for FTPS, and cleans up on close. */
@Timeout(60)
class EmbeddedFtpServerTest {

    @Test
    void plainServerGreetsAndHasNoCertificate() throws IOException {
        Path home;
        try (EmbeddedFtpServer server = EmbeddedFtpServer.plain("demo", "demo")) {
            home = server.file("");
            assertThat(reply(server.port(), "AUTH TLS")).startsWith("431");
            assertThatThrownBy(server::certificatePem).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("plain FTP");
        }
        assertThat(home).doesNotExist();
    }

    @Test
    void explicitTlsServerAcceptsAuthTlsAndGivesItsCertificate() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.explicitTls("demo", "demo")) {
            assertThat(reply(server.port(), "AUTH TLS")).startsWith("234");
            assertThat(server.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n")
                    .endsWith("-----END CERTIFICATE-----\n");
        }
    }

    /** The reply to one command after the greeting. */
    private static String reply(int port, String command) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("220");
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return in.readLine();
        }
    }
}

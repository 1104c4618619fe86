package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(30)
class FtpSmokeTest {

    @RegisterExtension
    static final EmbeddedFtpServerExtension SERVER = EmbeddedFtpServerExtension.plain();

    @Test
    void uploadsAndDownloadsBinaryContentByteForByte() throws Exception {
        byte[] content = {0, (byte) 0xff, '\r', '\n', 'a', ' ', (byte) 0xc3, (byte) 0xa9};
        try (Ftp ftp = new Ftp()) {
            assertThat(ftp.connect(SERVER.host(), SERVER.port())).startsWith("220");
            ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD);
            assertThat(ftp.storBinary("STOR smoke.bin", new ByteArrayInputStream(content))).startsWith("226");
            assertThat(Files.readAllBytes(SERVER.file("smoke.bin"))).isEqualTo(content);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ftp.retrBinary("RETR smoke.bin", out::writeBytes);
            assertThat(out.toByteArray()).isEqualTo(content);
            ftp.setPasv(false);
            assertThat(ftp.nlst()).contains("smoke.bin");
            assertThat(ftp.mlsd()).anySatisfy(e -> assertThat(e.name()).isEqualTo("smoke.bin"));
        }
    }
}

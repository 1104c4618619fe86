package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The settings of an unconnected {@link Ftp}: ftplib's class attributes and their setters. */
class FtpSettingsTest {

    /** Mirrors test_ftplib.TestFTPClass.test_set_pasv. */
    @Test
    void passiveIsTheDefaultAndSetPasvToggles() {
        Ftp ftp = new Ftp();
        assertThat(ftp.isPassive()).isTrue();
        ftp.setPasv(true);
        assertThat(ftp.isPassive()).isTrue();
        ftp.setPasv(false);
        assertThat(ftp.isPassive()).isFalse();
    }

    /** ftplib's class attributes (L98-107) and module constants, on a client that did no I/O. */
    @Test
    void defaultsAreFtplibs() {
        Ftp ftp = new Ftp();
        assertThat(Ftp.FTP_PORT).isEqualTo(21);
        assertThat(Ftp.MAXLINE).isEqualTo(8192);
        assertThat(Ftp.CRLF).isEqualTo("\r\n");
        assertThat(ftp.getEncoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(ftp.getHost()).isEmpty();
        assertThat(ftp.getPort()).isEqualTo(21);
        assertThat(ftp.getMaxline()).isEqualTo(8192);
        assertThat(ftp.getTimeout()).isNull();
        assertThat(ftp.getSourceAddress()).isNull();
        assertThat(ftp.getDebugLevel()).isZero();
        assertThat(ftp.getWelcome()).isNull();
        assertThat(ftp.getLastResp()).isNull();
        assertThat(ftp.isTrustServerPasvIpv4Address()).isFalse();
        assertThat(ftp.isStrictReplyCodes()).isFalse();
        assertThat(ftp.isConnected()).isFalse();
        assertThat(ftp.getSocket()).isNull();
    }

    /** Commands before connect() are misuse (ftplib fails with AttributeError on {@code None}). */
    @Test
    void commandsBeforeConnectAreRefused() {
        Ftp ftp = new Ftp();
        assertThatThrownBy(() -> ftp.sendCmd("NOOP"))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("not connected: call connect() first");
        assertThatThrownBy(ftp::getAddressFamily)
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("not connected: call connect() first");
    }

    /** close() and disconnect() on a client that never connected do nothing, as often as called. */
    @Test
    void closingAnUnconnectedClientIsANoOp() throws FtpException {
        Ftp ftp = new Ftp();
        ftp.disconnect();
        ftp.close();
        ftp.close();
        assertThat(ftp.isConnected()).isFalse();
    }

    /** maxline is per instance, as ftplib's attribute, and must be positive. */
    @Test
    void maxlineMustBePositive() {
        Ftp ftp = new Ftp();
        ftp.setMaxline(100);
        assertThat(ftp.getMaxline()).isEqualTo(100);
        assertThatThrownBy(() -> ftp.setMaxline(0))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxline must be at least 1, was 0");
    }
}

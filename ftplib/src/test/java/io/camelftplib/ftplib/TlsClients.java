package io.camelftplib.ftplib;

import java.io.IOException;
import java.time.Duration;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;

/** The steps TLS tests start with: an {@link FtpTls} trusting exactly the embedded server's certificate. */
final class TlsClients {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TlsClients() {
    }

    /** Connects without securing anything yet. */
    static FtpTls connect(EmbeddedFtpServerExtension server) throws IOException {
        FtpTls ftp = new FtpTls(server.clientSslContext());
        ftp.setTimeout(TIMEOUT);
        ftp.connect(server.host(), server.port());
        return ftp;
    }

    /** Connects, logs in (AUTH TLS first) and protects data connections. */
    static FtpTls loginProtected(EmbeddedFtpServerExtension server) throws IOException {
        FtpTls ftp = connect(server);
        try {
            ftp.login(EmbeddedFtpServerExtension.USER, EmbeddedFtpServerExtension.PASSWORD);
            ftp.protP();
            return ftp;
        } catch (IOException | RuntimeException e) {
            ftp.disconnect();
            throw e;
        }
    }

    /** The TLS session of a socket that must be a TLS socket. */
    static SSLSession session(java.net.Socket socket) {
        return ((SSLSocket) socket).getSession();
    }

    /**
     * Binary test content: every byte value, CR, LF, CRLF, NUL and 0xFF runs, repeated to {@code size} bytes.
     */
    static byte[] binaryContent(int size) {
        byte[] content = new byte[size];
        for (int i = 0; i < size; i++) {
            int phase = i % 300;
            content[i] = phase < 256 ? (byte) phase : phase % 3 == 0 ? (byte) '\r' : phase % 3 == 1 ? (byte) '\n' : 0;
        }
        return content;
    }
}

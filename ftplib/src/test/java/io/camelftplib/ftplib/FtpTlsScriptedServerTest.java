package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * FtpTls against servers that misbehave or do what the embedded server cannot: a refused or bogus AUTH (never a
 * plain-text fallback, which would send the password in clear), plain text injected after 234, CCC, a protected
 * download cut without close_notify, and a data connection the server refuses because it did not resume the
 * control session.
 */
@Timeout(60)
class FtpTlsScriptedServerTest {

    @TempDir
    static Path dir;
    private static SSLContext serverContext;
    private static SSLContext clientContext;

    @BeforeAll
    static void generateCertificate() throws Exception {
        SSLContext[] contexts = ScriptedTlsServer.contexts(dir);
        serverContext = contexts[0];
        clientContext = contexts[1];
    }

    private static FtpTls connect(ScriptedTlsServer server) throws Exception {
        FtpTls ftp = new FtpTls(clientContext);
        ftp.setTimeout(TlsClients.TIMEOUT);
        ftp.connect("127.0.0.1", server.port());
        return ftp;
    }

    private static FtpTls loginProtected(ScriptedTlsServer server) throws Exception {
        FtpTls ftp = connect(server);
        ftp.login("bob", "secret");
        ftp.protP();
        return ftp;
    }

    /** The server's last reply, then the QUIT of the client's close(). */
    private static void replyThenQuit(ScriptedTlsServer.Conversation c, String reply) throws Exception {
        c.reply(reply);
        c.expect("QUIT");
        c.reply("221 bye");
    }

    private static void welcomeAndLogin(ScriptedTlsServer.Conversation c) throws Exception {
        c.reply("220 scripted");
        c.expect("AUTH TLS");
        c.reply("234 AUTH TLS ok");
        c.startTls();
        c.expect("USER bob");
        c.reply("331 password");
        c.expect("PASS ");
        c.reply("230 logged in");
    }

    @Test
    void refusedAuthIsAnErrorAndUserIsNeverSent() throws Exception {
        try (ScriptedTlsServer server = ScriptedTlsServer.start(serverContext, c -> {
            c.reply("220 scripted");
            c.expect("AUTH TLS");
            replyThenQuit(c, "500 AUTH not understood");
        })) {
            try (FtpTls ftp = connect(server)) {
                assertThatThrownBy(() -> ftp.login("bob", "secret")).isInstanceOf(FtpPermException.class)
                        .hasMessageStartingWith("500 AUTH not understood");
                assertThat(ftp.getSocket()).isNotInstanceOf(SSLSocket.class);
            }
            assertThat(server.commands()).containsExactly("AUTH TLS", "QUIT");
        }
    }

    /** ftplib: AUTH answered 334 is error_reply. */
    @Test
    void authAnswered334IsAReplyError() throws Exception {
        try (ScriptedTlsServer server = ScriptedTlsServer.start(serverContext, c -> {
            c.reply("220 scripted");
            c.expect("AUTH TLS");
            replyThenQuit(c, "334 ADAT=xyz");
        })) {
            try (FtpTls ftp = connect(server)) {
                assertThatThrownBy(ftp::auth).isInstanceOf(FtpReplyException.class).hasMessageStartingWith("334");
            }
        }
    }

    /** Plain text pipelined after 234 would be read as if it came through TLS. */
    @Test
    void plainTextInjectedAfter234IsRefusedAndTheConnectionClosed() throws Exception {
        try (ScriptedTlsServer server = ScriptedTlsServer.start(serverContext, c -> {
            c.reply("220 scripted");
            c.expect("AUTH TLS");
            c.reply("234 go ahead", "230 injected: logged in");
        })) {
            try (FtpTls ftp = connect(server)) {
                assertThatThrownBy(() -> ftp.login("bob", "secret")).isInstanceOf(FtpProtoException.class)
                        .hasMessageContaining("234 go ahead")
                        .hasMessageContaining("; the server sent more data after it, before the TLS handshake:"
                                + " refusing that plain text, which a man in the middle could have injected to be"
                                + " read as a reply once TLS is up; the connection is closed)");
                assertThat(ftp.isConnected()).isFalse();
            }
            assertThat(server.commands()).containsExactly("AUTH TLS");
        }
    }

    /** ftplib: any 2xx to AUTH starts the handshake; a server that then speaks plain text fails it, no fallback. */
    @Test
    void authAnsweredWithoutTlsFailsTheHandshakeAndCloses() throws Exception {
        try (ScriptedTlsServer server = ScriptedTlsServer.start(serverContext, c -> {
            c.reply("220 scripted");
            c.expect("AUTH TLS");
            c.reply("200 sure");
            c.awaitBytes();
            c.reply("500 what is this");
        })) {
            try (FtpTls ftp = connect(server)) {
                assertThatThrownBy(ftp::auth).isInstanceOf(SSLException.class)
                        .hasMessageContaining("control connection to 127.0.0.1:" + server.port())
                        .hasMessageContaining("TLS handshake failed");
                assertThat(ftp.isConnected()).isFalse();
            }
        }
    }

    /** Python: test_ccc, second half (RFC 4217 section 12.3: close_notify both ways, then plain text). */
    @Test
    void cccEndsTlsAndTheConversationGoesOnInPlainText() throws Exception {
        try (ScriptedTlsServer server = ScriptedTlsServer.start(serverContext, c -> {
            welcomeAndLogin(c);
            c.expect("CCC");
            c.reply("200 clearing control channel protection");
            c.endTls();
            c.expect("NOOP");
            replyThenQuit(c, "200 plain noop");
        })) {
            try (FtpTls ftp = connect(server)) {
                ftp.login("bob", "secret");
                assertThat(ftp.ccc()).isEqualTo("200 clearing control channel protection");
                assertThat(ftp.getSocket()).isNotInstanceOf(SSLSocket.class);
                assertThat(ftp.voidCmd("NOOP")).isEqualTo("200 plain noop");
            }
            assertThat(server.commands()).endsWith("CCC", "NOOP", "QUIT");
        }
    }

    /** A protected download whose TCP connection ends without close_notify may be truncated. */
    @Test
    void protectedDownloadCutWithoutCloseNotifyFails() throws Exception {
        try (ScriptedTlsServer server = ScriptedTlsServer.start(serverContext, c -> {
            try (Socket data = protectedDataConnection(c, "RETR cut.bin")) {
                SSLSocket tls = ScriptedTlsServer.serverHandshake(data, serverContext);
                tls.getOutputStream().write(new byte[1000]);
                tls.getOutputStream().flush();
                // closing the TCP socket under the TLS socket sends no close_notify
            }
            c.reply("226 done");
        })) {
            try (FtpTls ftp = loginProtected(server)) {
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                assertThatThrownBy(() -> ftp.retrBinary("RETR cut.bin", received))
                        .isInstanceOf(SSLException.class)
                        .hasMessageContaining("data connection for RETR cut.bin at 127.0.0.1:" + server.port())
                        .hasMessageContaining("without a TLS close_notify");
                assertThat(received.size()).isEqualTo(1000);
                assertThat(ftp.isOutOfSync()).isTrue();
            }
        }
    }

    /** A server that demands session reuse refuses a data connection that did not resume; the message says why. */
    @Test
    void aDataConnectionThatDidNotResumeExplainsTheRefusal() throws Exception {
        SSLContext otherCache = ScriptedTlsServer.serverContext(dir.resolve("scripted.p12"));
        try (ScriptedTlsServer server = ScriptedTlsServer.start(serverContext, c -> {
            try (Socket data = protectedDataConnection(c, "NLST")) {
                // another server context cannot resume the control session, so this is a full handshake
                ScriptedTlsServer.serverHandshake(data, otherCache).close();
            }
            replyThenQuit(c, "522 SSL connection failed: session reuse required");
        })) {
            try (FtpTls ftp = loginProtected(server)) {
                assertThatThrownBy(ftp::nlst).isInstanceOf(FtpPermException.class)
                        .hasMessageStartingWith("522 SSL connection failed: session reuse required (reply to NLST")
                        .hasMessageContaining("the data connection did not resume the control connection's TLSv1.3"
                                + " session, which servers requiring session reuse refuse");
            }
        }
    }

    /** Closing a data connection must not wait for a reader blocked on it in another thread. */
    @Test
    void aDataConnectionClosesWhileAnotherThreadIsBlockedReadingIt() throws Exception {
        try (ScriptedTlsServer server = ScriptedTlsServer.start(serverContext, c -> {
            try (Socket data = protectedDataConnection(c, "RETR never.bin")) {
                SSLSocket tls = ScriptedTlsServer.serverHandshake(data, serverContext);
                // sends nothing: the client's close_notify ends the read
                assertThat(tls.getInputStream().read()).isEqualTo(-1);
            }
            replyThenQuit(c, "426 aborted");
        })) {
            try (FtpTls ftp = loginProtected(server)) {
                ftp.voidCmd("TYPE I");
                DataConnection conn = ftp.ntransferCmd("RETR never.bin");
                CompletableFuture<Throwable> reader = new CompletableFuture<>();
                Thread thread = new Thread(() -> {
                    try {
                        conn.socket().getInputStream().read();
                        reader.complete(null);
                    } catch (Throwable e) {
                        reader.complete(e);
                    }
                });
                thread.start();
                await().atMost(Duration.ofSeconds(5)).until(() -> isReadingTheSocket(thread));
                conn.close();
                // the socket closed under the reader, or the server's FIN came first: either way the read ends
                assertThat(reader.get(5, TimeUnit.SECONDS)).isInstanceOf(java.io.IOException.class);
                assertThatThrownBy(ftp::voidResp).isInstanceOf(FtpTempException.class).hasMessageStartingWith("426");
            }
        }
    }

    private static boolean isReadingTheSocket(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(TlsRecordLayer.class.getName()) && frame.getMethodName().equals("read")) {
                return thread.getState() == Thread.State.RUNNABLE;
            }
        }
        return false;
    }

    /** Logs the client in, protects data connections and accepts the one for {@code command}. */
    private static Socket protectedDataConnection(ScriptedTlsServer.Conversation c, String command) throws Exception {
        welcomeAndLogin(c);
        c.expect("PBSZ 0");
        c.reply("200 PBSZ=0");
        c.expect("PROT P");
        c.reply("200 private");
        String type = c.expect("TYPE");
        c.reply("200 type " + type.substring(5));
        c.expect("PASV");
        try (ServerSocket listener = c.pasv()) {
            c.expect(command);
            c.reply("150 data for " + command);
            return listener.accept();
        }
    }
}

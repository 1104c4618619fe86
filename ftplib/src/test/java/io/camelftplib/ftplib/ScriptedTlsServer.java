package io.camelftplib.ftplib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;

/**
 * A one-connection FTP server that plays a script written as Java code, with TLS when the script asks: for what
 * the embedded server cannot do (refuse AUTH, inject plain text after 234, answer CCC, cut a TLS data stream).
 * Modelled on CPython's {@code DummyFTPHandler}. The script runs on its own thread; {@link #close()} waits for it
 * and rethrows its failure. Data connections use JSSE's own server {@link SSLSocket}; the control connection uses
 * {@link TlsEngineSocket} in server mode, because JSSE's socket cannot end TLS and keep the connection (CCC).
 */
final class ScriptedTlsServer implements AutoCloseable {

    /** What the server does with the one connection. */
    @FunctionalInterface
    interface Script {
        void play(Conversation conversation) throws Exception;
    }

    private final ServerSocket listener;
    private final SSLContext context;
    private final List<String> commands = new ArrayList<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private ScriptedTlsServer(SSLContext context, Script script) throws IOException {
        this.context = context;
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> run(script), "scripted-tls-server");
        thread.setDaemon(true);
        thread.start();
    }

    static ScriptedTlsServer start(SSLContext context, Script script) throws IOException {
        return new ScriptedTlsServer(context, script);
    }

    /** A server context with a fresh key and a certificate for localhost and 127.0.0.1, and a client trusting it. */
    static SSLContext[] contexts(Path dir) throws Exception {
        Path keyStore = EmbeddedFtpServerExtension.generateKeyStore(dir.resolve("scripted.p12"),
                "dns:localhost,ip:127.0.0.1");
        return new SSLContext[] {serverContext(keyStore), EmbeddedFtpServerExtension.trustingContext(keyStore)};
    }

    /** A server context for a keystore; each call has its own session cache. */
    static SSLContext serverContext(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, EmbeddedFtpServerExtension.STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, EmbeddedFtpServerExtension.STORE_PASSWORD.toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        return server;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The command lines received, in order. */
    synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    private void run(Script script) {
        try (ServerSocket server = listener; Socket socket = server.accept()) {
            socket.setSoTimeout(10_000);
            script.play(new Conversation(socket));
            done.complete(null);
        } catch (Throwable e) {
            done.completeExceptionally(e);
        }
    }

    /** Waits for the script to end and rethrows what it threw. */
    @Override
    public void close() throws Exception {
        try {
            done.get(15, TimeUnit.SECONDS);
        } finally {
            listener.close();
        }
    }

    /** The server's side of the control connection. */
    final class Conversation {
        private final Socket plain;
        private Socket current;
        private InputStream in;

        Conversation(Socket plain) throws IOException {
            this.plain = plain;
            this.current = plain;
            this.in = plain.getInputStream();
        }

        /** Reads one command line and checks that it starts with {@code prefix}. */
        String expect(String prefix) throws IOException {
            String line = readLine(in);
            synchronized (ScriptedTlsServer.this) {
                commands.add(line);
            }
            assertThat(line).startsWith(prefix);
            return line;
        }

        /** Waits until the client sent something, e.g. a ClientHello the script will not answer. */
        void awaitBytes() throws IOException {
            assertThat(in.read()).isNotNegative();
        }

        /** Sends lines, each with CRLF, in one write. */
        void reply(String... lines) throws IOException {
            StringBuilder text = new StringBuilder();
            for (String line : lines) {
                text.append(line).append("\r\n");
            }
            OutputStream out = current.getOutputStream();
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Runs the server side of the TLS handshake on the control connection. */
        void startTls() throws IOException {
            SSLEngine engine = context.createSSLEngine();
            engine.setUseClientMode(false);
            TlsEngineSocket tls = new TlsEngineSocket(plain, engine, "scripted server");
            tls.startHandshake();
            current = tls;
            in = tls.getInputStream();
        }

        /** Ends TLS on the control connection (CCC): close_notify both ways, then plain text again. */
        void endTls() throws IOException {
            // the client may send its next command right behind its close_notify: keep those bytes
            byte[] early = ((TlsEngineSocket) current).unwrap(10_000);
            current = plain;
            in = new SequenceInputStream(new ByteArrayInputStream(early), plain.getInputStream());
        }

        /** Replies 227 for a passive data listener. */
        ServerSocket pasv() throws IOException {
            ServerSocket data = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            data.setSoTimeout(10_000);
            int port = data.getLocalPort();
            reply("227 Entering Passive Mode (127,0,0,1," + (port / 256) + "," + (port % 256) + ").");
            return data;
        }
    }

    /** Server side of a handshake over a connected socket; closing the result leaves {@code plain} open. */
    static SSLSocket serverHandshake(Socket plain, SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, null, plain.getPort(), false);
        tls.setUseClientMode(false);
        tls.startHandshake();
        return tls;
    }

    /** Reads bytes up to LF without reading ahead, so a TLS handshake can follow on the same stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}

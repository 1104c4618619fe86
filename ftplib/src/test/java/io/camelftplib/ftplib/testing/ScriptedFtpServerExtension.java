package io.camelftplib.ftplib.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.camelftplib.ftplib.Ftp;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link ScriptedFtpServer} for each test, and clients connected to it: test_ftplib's {@code setUp} and
 * {@code tearDown} (a server per test, a client with a timeout, the client closed unilaterally, then the server).
 *
 * <p>Register it as a non-static {@code @RegisterExtension} field. Script the server first, then call
 * {@link #client()}: the client connects lazily, so a test can replace the welcome before it is sent.
 */
public final class ScriptedFtpServerExtension implements BeforeEachCallback, AfterEachCallback {

    /** The timeout of every client: test_ftplib's {@code TIMEOUT} (the loopback timeout). */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Charset encoding;
    private final List<Ftp> clients = new ArrayList<>();
    private ScriptedFtpServer server;
    private Ftp client;

    /** A server and clients speaking UTF-8. */
    public ScriptedFtpServerExtension() {
        this(StandardCharsets.UTF_8);
    }

    /**
     * A server and clients speaking a charset.
     *
     * @param encoding the charset of commands, replies and text data
     */
    public ScriptedFtpServerExtension(Charset encoding) {
        this.encoding = encoding;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = ScriptedFtpServer.start(encoding);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        clients.forEach(Ftp::disconnect);
        clients.clear();
        client = null;
        server.close();
    }

    /**
     * Returns this test's server.
     *
     * @return the running server
     */
    public ScriptedFtpServer server() {
        return server;
    }

    /**
     * Returns the test's client, connected on first use (the welcome is read then).
     *
     * @return the connected client
     */
    public Ftp client() {
        if (client == null) {
            client = connect(newClient());
        }
        return client;
    }

    /**
     * Creates another unconnected client in the server's charset; it is disconnected after the test.
     *
     * @return the client
     */
    public Ftp newClient() {
        Ftp ftp = new Ftp(encoding);
        clients.add(ftp);
        return ftp;
    }

    /**
     * Creates another client connected to this test's server with its own timeout, e.g. a short one for a test
     * that waits for a reply that never comes; it is disconnected after the test.
     *
     * @param timeout the client's timeout
     * @return the connected client
     * @throws IOException when connecting fails
     */
    public Ftp client(Duration timeout) throws IOException {
        Ftp ftp = newClient();
        ftp.connect(server.host(), server.port(), timeout, null);
        return ftp;
    }

    /**
     * Creates a client connected to another scripted server (in that server's charset, with {@link #TIMEOUT});
     * it is disconnected after the test. The test closes the other server.
     *
     * @param other the server
     * @return the connected client
     * @throws IOException when connecting fails
     */
    public Ftp clientOf(ScriptedFtpServer other) throws IOException {
        Ftp ftp = new Ftp(other.encoding());
        clients.add(ftp);
        ftp.connect(other.host(), other.port(), TIMEOUT, null);
        return ftp;
    }

    /**
     * Connects a client to the server with {@link #TIMEOUT}.
     *
     * @param ftp the client
     * @return the client
     */
    public Ftp connect(Ftp ftp) {
        try {
            ftp.connect(server.host(), server.port(), TIMEOUT, null);
            return ftp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to the scripted server", e);
        }
    }
}

package io.camelftplib.ftplib.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.DataType;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.TransferRatePermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.apache.mina.transport.socket.SocketSessionConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real FTP server for tests: Apache FtpServer 1.2.1 on 127.0.0.1, port 0 and passive ports chosen by the OS,
 * users kept in a temporary properties file, the home in a fresh temporary directory, and, when asked, TLS with
 * a keystore generated at test time by the JDK's {@code keytool} (explicit {@code AUTH TLS} or implicit).
 *
 * <p>Register it as {@code @RegisterExtension static}. After each test it fails the test when a client session
 * is still open, so a test that leaks a connection is caught. Users: {@link #USER}/{@link #PASSWORD} and
 * {@code anonymous}, both writing to the same home.
 */
public final class EmbeddedFtpServerExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    /** The test user. */
    public static final String USER = "alice";
    /** The test user's password. */
    public static final String PASSWORD = "s3cret";
    /** The password of the generated keystores. */
    public static final String STORE_PASSWORD = "changeit";

    /** How the server offers TLS. */
    public enum Tls {
        /** Plain FTP only. */
        NONE,
        /** Plain FTP and {@code AUTH TLS} (explicit FTPS). */
        EXPLICIT,
        /** TLS from the first byte (implicit FTPS). */
        IMPLICIT
    }

    private final Tls tls;
    private String certificateNames = "dns:localhost,ip:127.0.0.1";
    private String[] tlsProtocols = {"TLSv1.3", "TLSv1.2"};
    private boolean checkSessionsAfterEach = true;
    private String address = "127.0.0.1";
    private boolean verbatimAscii;
    private int bytesPerSecond;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final Map<String, Consumer<String>> commandHooks = new ConcurrentHashMap<>();
    private Path baseDir;
    private Path home;
    private Path keyStore;
    private FtpServer server;
    private Listener listener;

    private EmbeddedFtpServerExtension(Tls tls) {
        this.tls = tls;
    }

    /**
     * A plain FTP server.
     *
     * @return the extension
     */
    public static EmbeddedFtpServerExtension plain() {
        return new EmbeddedFtpServerExtension(Tls.NONE);
    }

    /**
     * A server offering {@code AUTH TLS}.
     *
     * @return the extension
     */
    public static EmbeddedFtpServerExtension explicitTls() {
        return new EmbeddedFtpServerExtension(Tls.EXPLICIT);
    }

    /**
     * A server speaking TLS from the first byte.
     *
     * @return the extension
     */
    public static EmbeddedFtpServerExtension implicitTls() {
        return new EmbeddedFtpServerExtension(Tls.IMPLICIT);
    }

    /**
     * Sets the names in the server certificate, in keytool's SAN syntax ({@code dns:a,ip:1.2.3.4}).
     *
     * @param sanList the subject alternative names
     * @return this
     */
    public EmbeddedFtpServerExtension withCertificateNames(String sanList) {
        this.certificateNames = sanList;
        return this;
    }

    /**
     * Restricts the TLS protocol versions the server accepts.
     *
     * @param protocols e.g. {@code TLSv1.2}
     * @return this
     */
    public EmbeddedFtpServerExtension withTlsProtocols(String... protocols) {
        this.tlsProtocols = protocols.clone();
        return this;
    }

    /**
     * Turns off the check for sessions left open after each test (for tests that deliberately drop
     * connections and cannot wait for the server to notice).
     *
     * @return this
     */
    public EmbeddedFtpServerExtension withoutSessionLeakCheck() {
        this.checkSessionsAfterEach = false;
        return this;
    }

    /**
     * Listens on another local address, e.g. {@code ::1} for the IPv6 tests; passive replies name it too.
     *
     * @param localAddress the address to listen on
     * @return this
     */
    public EmbeddedFtpServerExtension withAddress(String localAddress) {
        this.address = localAddress;
        return this;
    }

    /**
     * Answers {@code TYPE A} with 200 but keeps binary type, so ASCII uploads are stored exactly as they crossed
     * the wire (Apache FtpServer otherwise turns every CRLF into the local line separator, which would hide
     * whether the client sent CRLF at all).
     *
     * @return this
     */
    public EmbeddedFtpServerExtension withVerbatimAsciiTransfers() {
        this.verbatimAscii = true;
        return this;
    }

    /**
     * Limits every transfer, in both directions, to a rate, so a small file takes long enough for what a test
     * observes while it runs (progress logging).
     *
     * @param bytesPerSecond the rate in bytes per second
     * @return this
     */
    public EmbeddedFtpServerExtension withTransferRate(int bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (checkSessionsAfterEach && context.getExecutionException().isEmpty()) {
            await("client sessions closed after " + context.getDisplayName())
                    .atMost(Duration.ofSeconds(10))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> listener.getActiveSessions().isEmpty());
        }
        commands.clear();
        commandHooks.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
    }

    /**
     * Starts the server; called by JUnit, or by hand outside JUnit (examples, benchmarks).
     *
     * @throws Exception when it cannot start
     */
    public void start() throws Exception {
        baseDir = Files.createTempDirectory("ftp-embedded-");
        home = Files.createDirectories(baseDir.resolve("home"));
        startListening(0);
    }

    /**
     * Stops the server, dropping every session as a crashing server would, and starts it again on the same port
     * with the same users and files, as a restarted server comes back.
     *
     * @throws Exception when it cannot start again (for example when the port was taken meanwhile)
     */
    public void restart() throws Exception {
        int port = port();
        server.stop();
        startListening(port);
    }

    private void startListening(int port) throws Exception {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listenerFactory = new ListenerFactory();
        listenerFactory.setServerAddress(address);
        listenerFactory.setPort(port);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassivePorts("0");
        data.setPassiveAddress(address);
        if (tls != Tls.NONE) {
            if (keyStore == null) {
                keyStore = generateKeyStore(baseDir.resolve("server.p12"), certificateNames);
            }
            SslConfigurationFactory ssl = new SslConfigurationFactory();
            ssl.setKeystoreFile(keyStore.toFile());
            ssl.setKeystorePassword(STORE_PASSWORD);
            ssl.setKeystoreType("PKCS12");
            ssl.setSslProtocol(tlsProtocols);
            // one configuration, so one server SSLContext and session cache for control and data connections:
            // as on a real FTPS server, a data connection can resume the control connection's TLS session
            SslConfiguration sslConfiguration = ssl.createSslConfiguration();
            listenerFactory.setSslConfiguration(sslConfiguration);
            listenerFactory.setImplicitSsl(tls == Tls.IMPLICIT);
            data.setSslConfiguration(sslConfiguration);
        }
        listenerFactory.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        factory.addListener("default", listenerFactory.createListener());
        factory.setUserManager(userManager(port == 0));
        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        // no 500 ms pause after a wrong password: tests assert failures, they do not fend off guessing
        connections.setLoginFailureDelay(0);
        factory.setConnectionConfig(connections.createConnectionConfig());
        factory.setFtplets(new HashMap<>(Map.of("recorder", new CommandRecorder())));
        server = factory.createServer();
        server.start();
        listener = factory.getListener("default");
    }

    /**
     * Stops the server and deletes its files.
     *
     * @throws IOException when the files cannot be deleted
     */
    public void stop() throws IOException {
        if (server != null) {
            server.stop();
            server = null;
        }
        keyStore = null;
        if (baseDir != null) {
            try (Stream<Path> paths = Files.walk(baseDir)) {
                for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private UserManager userManager(boolean first) throws FtpException, IOException {
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        Path usersFile = baseDir.resolve("users.properties");
        if (first) {
            Files.createFile(usersFile);
        }
        users.setFile(usersFile.toFile());
        UserManager manager = users.createUserManager();
        for (String[] credentials : new String[][] {{USER, PASSWORD}, {"anonymous", ""}}) {
            BaseUser user = new BaseUser();
            user.setName(credentials[0]);
            user.setPassword(credentials[1]);
            user.setHomeDirectory(home.toString());
            List<Authority> authorities = new ArrayList<>();
            authorities.add(new WritePermission());
            if (bytesPerSecond > 0) {
                authorities.add(new TransferRatePermission(bytesPerSecond, bytesPerSecond));
            }
            user.setAuthorities(authorities);
            manager.save(user);
        }
        return manager;
    }

    /**
     * Generates a PKCS12 keystore with a fresh RSA key and a self-signed certificate, using the JDK's keytool.
     *
     * @param target   where to write it
     * @param sanNames the subject alternative names, e.g. {@code dns:localhost,ip:127.0.0.1}
     * @return {@code target}
     * @throws IOException when keytool fails
     * @throws InterruptedException when interrupted while keytool runs
     */
    public static Path generateKeyStore(Path target, String sanNames) throws IOException, InterruptedException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=camel-ftplib test server",
                "-ext", "SAN=" + sanNames, "-keystore", target.toString(), "-storetype", "PKCS12",
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + new String(output, java.nio.charset.StandardCharsets.UTF_8));
        }
        return target;
    }

    /**
     * Builds a client {@link SSLContext} that trusts exactly this server's certificate.
     *
     * @return the context
     */
    public SSLContext clientSslContext() {
        return trustingContext(keyStore);
    }

    /**
     * Builds a client {@link SSLContext} that trusts exactly the certificate in a generated keystore.
     *
     * @param serverKeyStore a keystore from {@link #generateKeyStore(Path, String)}
     * @return the context
     */
    public static SSLContext trustingContext(Path serverKeyStore) {
        try (InputStream in = Files.newInputStream(serverKeyStore)) {
            KeyStore server = KeyStore.getInstance("PKCS12");
            server.load(in, STORE_PASSWORD.toCharArray());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", server.getCertificate("server"));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store from " + serverKeyStore, e);
        }
    }

    /**
     * Returns the control port the server listens on.
     *
     * @return the port
     */
    public int port() {
        return listener.getPort();
    }

    /**
     * Returns the server address.
     *
     * @return {@code 127.0.0.1} unless {@link #withAddress(String)} chose another
     */
    public String host() {
        return address;
    }

    /**
     * Runs an action inside the server when a command arrives, before the server handles it and replies, so the
     * client is still waiting for the reply. Hooks are removed after each test.
     *
     * @param verb   the command, e.g. {@code PORT}
     * @param action receives the command's argument
     */
    public void beforeCommand(String verb, Consumer<String> action) {
        commandHooks.put(verb, action);
    }

    /**
     * Returns the command lines the server received since the current test started, in order, from every
     * session ({@code PASS} lines included, verbatim).
     *
     * @return a snapshot of the lines
     */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /**
     * Returns the served home directory (the same for both users).
     *
     * @return the directory
     */
    public Path home() {
        return home;
    }

    /**
     * Resolves a server path (relative to the home) to the local file behind it.
     *
     * @param path the path as a client sees it, with or without a leading {@code /}
     * @return the local file
     */
    public Path file(String path) {
        return home.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /**
     * Returns the generated server keystore (PKCS12, password {@link #STORE_PASSWORD}).
     *
     * @return the keystore file, or {@code null} for a plain server
     */
    public Path keyStore() {
        return keyStore;
    }

    /**
     * Returns the number of client sessions open now.
     *
     * @return the count
     */
    public int activeSessionCount() {
        return listener.getActiveSessions().size();
    }

    /** Drops every client connection at once, as a crashing server or a network failure would. */
    public void disconnectAllSessions() {
        for (FtpIoSession session : listener.getActiveSessions()) {
            session.closeNow();
        }
    }

    /**
     * Returns the keystore as a {@link File}, for APIs that take one.
     *
     * @return the keystore
     */
    public File keyStoreFile() {
        return keyStore.toFile();
    }

    /** Records each command line; reads urgent data inline; optionally keeps binary type when asked for ASCII. */
    private final class CommandRecorder extends DefaultFtplet {
        @Override
        public FtpletResult onConnect(FtpSession session) {
            // ftplib's abort() sends ABOR\r\n with MSG_OOB, making the final \n urgent; Apache FtpServer reads
            // without SO_OOBINLINE, so that byte would never reach its line decoder. vsftpd turns it on; so do we.
            ((SocketSessionConfig) ioSession(session).getConfig()).setOobInline(true);
            return FtpletResult.DEFAULT;
        }

        private FtpIoSession ioSession(FtpSession session) {
            return listener.getActiveSessions().stream()
                    .filter(io -> io.getSessionId().equals(session.getSessionId()))
                    .findFirst().orElseThrow();
        }

        @Override
        public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException {
            commands.add(request.getRequestLine());
            Consumer<String> hook = commandHooks.get(request.getCommand());
            if (hook != null) {
                hook.accept(request.getArgument());
            }
            if (verbatimAscii && "TYPE".equals(request.getCommand()) && "A".equalsIgnoreCase(request.getArgument())) {
                ioSession(session).setDataType(DataType.BINARY);
                session.write(new DefaultFtpReply(200, "Command TYPE okay (kept binary: stored verbatim)."));
                return FtpletResult.SKIP;
            }
            return FtpletResult.DEFAULT;
        }
    }
}

package io.camelftplib.examples.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Apache FtpServer on 127.0.0.1 and a free port with one user, so a demo needs nothing installed: plain FTP
 * ({@link #plain}) or explicit FTPS ({@link #explicitTls}). The FTPS certificate (names {@code localhost} and
 * {@code 127.0.0.1}) is generated at startup by the JDK's {@code keytool} into a temporary directory, so no key
 * material is committed; {@link #certificatePem()} is what clients trust.
 *
 * <p>Owns the server and its temporary directory; {@link #close()} stops and deletes both. Thread-safe once started.
 */
public final class EmbeddedFtpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFtpServer.class);
    private static final String STORE_PASSWORD = "changeit";

    private final Path baseDir;
    private final FtpServer server;
    private final int port;
    private final String certificatePem;

    private EmbeddedFtpServer(Path baseDir, FtpServer server, int port, String certificatePem) {
        this.baseDir = baseDir;
        this.server = server;
        this.port = port;
        this.certificatePem = certificatePem;
    }

    /**
     * Starts a plain-FTP server with one user.
     *
     * @param username the user
     * @param password its password
     * @return the running server
     * @throws IOException when the server cannot start
     */
    public static EmbeddedFtpServer plain(String username, String password) throws IOException {
        return start(username, password, false);
    }

    /**
     * Generates a certificate and starts a server offering explicit FTPS (AUTH TLS) with one user.
     *
     * @param username the user
     * @param password its password
     * @return the running server
     * @throws IOException when the certificate cannot be made or the server cannot start
     */
    public static EmbeddedFtpServer explicitTls(String username, String password) throws IOException {
        return start(username, password, true);
    }

    private static EmbeddedFtpServer start(String username, String password, boolean tls) throws IOException {
        Path baseDir = Files.createTempDirectory("camel-ftplib-demo-");
        Path home = Files.createDirectories(baseDir.resolve("home"));
        Path keyStore = tls ? generateKeyStore(baseDir.resolve("server.p12")) : null;
        // one TLS configuration for control and data connections, so data connections can resume the TLS session
        SslConfiguration ssl = keyStore == null ? null : sslConfiguration(keyStore);
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        listener.setSslConfiguration(ssl);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassivePorts("0");
        data.setPassiveAddress("127.0.0.1");
        data.setSslConfiguration(ssl);
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener("default", listener.createListener());
        factory.setUserManager(users(baseDir, home, username, password));
        factory.setConnectionConfig(new ConnectionConfigFactory().createConnectionConfig());
        FtpServer server = factory.createServer();
        try {
            server.start();
        } catch (FtpException e) {
            throw new IOException("cannot start the embedded FTP server: " + e.getMessage(), e);
        }
        int port = factory.getListener("default").getPort();
        LOG.info("Embedded {} server on 127.0.0.1:{}, user '{}', files in {}", tls ? "FTPS" : "FTP", port, username,
                home);
        return new EmbeddedFtpServer(baseDir, server, port, keyStore == null ? null : certificate(keyStore));
    }

    private static SslConfiguration sslConfiguration(Path keyStore) {
        SslConfigurationFactory ssl = new SslConfigurationFactory();
        ssl.setKeystoreFile(keyStore.toFile());
        ssl.setKeystorePassword(STORE_PASSWORD);
        ssl.setKeystoreType("PKCS12");
        return ssl.createSslConfiguration();
    }

    private static UserManager users(Path baseDir, Path home, String username, String password) throws IOException {
        PropertiesUserManagerFactory factory = new PropertiesUserManagerFactory();
        factory.setFile(Files.createFile(baseDir.resolve("users.properties")).toFile());
        UserManager users = factory.createUserManager();
        BaseUser user = new BaseUser();
        user.setName(username);
        user.setPassword(password);
        user.setHomeDirectory(home.toString());
        user.setAuthorities(List.of(new WritePermission()));
        try {
            users.save(user);
        } catch (FtpException e) {
            throw new IOException("cannot create the demo user: " + e.getMessage(), e);
        }
        return users;
    }

    private static Path generateKeyStore(Path target) throws IOException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=camel-ftplib demo server",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", target.toString(), "-storetype", "PKCS12",
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), Charset.defaultCharset());
            if (process.waitFor() != 0) {
                throw new IOException("keytool could not generate the demo certificate: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool generated the demo certificate", e);
        }
        return target;
    }

    private static String certificate(Path keyStore) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, STORE_PASSWORD.toCharArray());
            byte[] der = store.getCertificate("server").getEncoded();
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the generated certificate: " + e.getMessage(), e);
        }
    }

    /**
     * The port the server listens on.
     *
     * @return the port, chosen by the system at startup
     */
    public int port() {
        return port;
    }

    /**
     * The server's certificate, for a client's trust store.
     *
     * @return the certificate in PEM
     * @throws IllegalStateException when the server was started with {@link #plain} and has none
     */
    public String certificatePem() {
        if (certificatePem == null) {
            throw new IllegalStateException("this embedded server speaks plain FTP and has no certificate; start it"
                    + " with EmbeddedFtpServer.explicitTls for FTPS");
        }
        return certificatePem;
    }

    /**
     * Resolves a path in the server's file tree.
     *
     * @param path relative to the user's home
     * @return the local path
     */
    public Path file(String path) {
        return baseDir.resolve("home").resolve(path);
    }

    /** Stops the server and deletes its files and certificate. */
    @Override
    public void close() throws IOException {
        server.stop();
        try (Stream<Path> paths = Files.walk(baseDir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}

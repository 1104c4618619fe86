package io.camelftplib.examples.main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * A plain-FTP Apache FtpServer on 127.0.0.1 and a free port with one user, so the demo needs nothing installed.
 *
 * <p>Owns the server and its temporary directory; {@link #close()} stops and deletes both.
 */
public final class EmbeddedFtpServer implements AutoCloseable {

    private final Path baseDir;
    private final FtpServer server;
    private final int port;

    private EmbeddedFtpServer(Path baseDir, FtpServer server, int port) {
        this.baseDir = baseDir;
        this.server = server;
        this.port = port;
    }

    /**
     * Starts the server.
     *
     * @param username the one user
     * @param password its password
     * @return the running server
     * @throws IOException when it cannot start
     */
    public static EmbeddedFtpServer start(String username, String password) throws IOException {
        Path baseDir = Files.createTempDirectory("camel-ftplib-main-demo-");
        Path home = Files.createDirectories(baseDir.resolve("home"));
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassivePorts("0");
        data.setPassiveAddress("127.0.0.1");
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener("default", listener.createListener());
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setFile(Files.createFile(baseDir.resolve("users.properties")).toFile());
        UserManager manager = users.createUserManager();
        BaseUser user = new BaseUser();
        user.setName(username);
        user.setPassword(password);
        user.setHomeDirectory(home.toString());
        user.setAuthorities(List.of(new WritePermission()));
        try {
            manager.save(user);
            factory.setUserManager(manager);
            FtpServer server = factory.createServer();
            server.start();
            return new EmbeddedFtpServer(baseDir, server, factory.getListener("default").getPort());
        } catch (FtpException e) {
            throw new IOException("cannot start the embedded FTP server: " + e.getMessage(), e);
        }
    }

    /** @return the port */
    public int port() {
        return port;
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

    /** Stops the server and deletes its files. */
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

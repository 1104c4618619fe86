package io.camelftplib.camel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An Apache FtpServer with faults no healthy server shows, for the component's safety tests: files whose name
 * contains {@code broken} fail after 1 MiB of a RETR (the server answers 426/551 after partial data), files whose
 * name contains {@code stalled} send no data until {@link #releaseStalledReads()} and, when uploaded, stop the
 * server reading the data connection until {@link #releaseStalledWrites()}, directories named {@code hostile} also
 * list entries with names that point outside them, the user {@value AccountFtplet#USER} must send an account
 * ({@link AccountFtplet}), hash commands are offered when a test asks ({@link DigestFtplet}), and every command
 * received is counted (an Ftplet), for the command-count comparison with Camel's ftp:.
 *
 * <p>Register it as {@code @RegisterExtension static}; user and password as {@link EmbeddedFtpServerExtension}.
 */
final class FaultyFtpServerExtension implements BeforeAllCallback, AfterAllCallback {

    /** The names the hostile directory lists besides its real files. */
    static final List<String> HOSTILE_NAMES = List.of("../escape.txt", "/etc/passwd", "..", "a\\..\\b.txt",
            "sub/../../escape.txt", "nul\0.txt");

    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch stallRelease = new CountDownLatch(1);
    private final CountDownLatch writeRelease = new CountDownLatch(1);
    private final DigestFtplet digests = new DigestFtplet();
    private Path home;
    private FtpServer server;
    private Listener listener;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        home = Files.createTempDirectory("ftp-faulty-").toRealPath();
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listenerFactory = new ListenerFactory();
        listenerFactory.setServerAddress("127.0.0.1");
        listenerFactory.setPort(0);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassivePorts("0");
        data.setPassiveAddress("127.0.0.1");
        listenerFactory.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        factory.addListener("default", listenerFactory.createListener());
        BaseUser user = new BaseUser();
        user.setName(EmbeddedFtpServerExtension.USER);
        user.setPassword(EmbeddedFtpServerExtension.PASSWORD);
        user.setHomeDirectory(home.toString());
        user.setAuthorities(new ArrayList<>(List.of(new WritePermission())));
        org.apache.ftpserver.usermanager.PropertiesUserManagerFactory users
                = new org.apache.ftpserver.usermanager.PropertiesUserManagerFactory();
        users.setFile(Files.createTempFile("ftp-faulty-users", ".properties").toFile());
        factory.setUserManager(users.createUserManager());
        factory.getUserManager().save(user);
        NativeFileSystemFactory nativeFs = new NativeFileSystemFactory();
        factory.setFileSystem(u -> new FaultyView(nativeFs.createFileSystemView(u), stallRelease,
                writeRelease));
        factory.getUserManager().save(AccountFtplet.user(home));
        // ordered: the counter must see each command before the account ftplet answers it
        Map<String, org.apache.ftpserver.ftplet.Ftplet> ftplets = new java.util.LinkedHashMap<>();
        factory.setFtplets(ftplets);
        ftplets.put("counter", new DefaultFtplet() {
            @Override
            public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException,
                    IOException {
                commands.add(request.getCommand());
                return super.beforeCommand(session, request);
            }
        });
        ftplets.put("account", new AccountFtplet(this::ioSession));
        ftplets.put("digest", digests);
        server = factory.createServer();
        server.start();
        listener = factory.getListener("default");
    }

    private FtpIoSession ioSession(FtpSession session) {
        return listener.getActiveSessions().stream()
                .filter(io -> io.getSessionId().equals(session.getSessionId()))
                .findFirst().orElseThrow();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stallRelease.countDown();
        writeRelease.countDown();
        server.stop();
        try (var paths = Files.walk(home)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    int port() {
        return listener.getPort();
    }

    Path file(String path) {
        return home.resolve(path);
    }

    /**
     * Returns the commands received since the last {@link #resetCommands()}.
     *
     * @return the command verbs, in order
     */
    List<String> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    /**
     * Returns the ftplet that offers hash commands, none until asked.
     *
     * @return the ftplet
     */
    DigestFtplet digests() {
        return digests;
    }

    void resetCommands() {
        commands.clear();
    }

    int activeSessionCount() {
        return listener.getActiveSessions().size();
    }

    /** Lets the reads of stalled files go on (they are released when the server stops, at the latest). */
    void releaseStalledReads() {
        stallRelease.countDown();
    }

    /** Lets the uploads of stalled files go on (they are released when the server stops, at the latest). */
    void releaseStalledWrites() {
        writeRelease.countDown();
    }
}

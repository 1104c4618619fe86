package io.camelftplib.camel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;
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
 * name contains {@code stalled} send no data until {@link #releaseStalledReads()}, directories named
 * {@code hostile} also list entries with names that point outside them, the user {@value AccountFtplet#USER} must
 * send an account ({@link AccountFtplet}), and every command received is counted (an Ftplet), for the
 * command-count comparison with Camel's ftp:.
 *
 * <p>Register it as {@code @RegisterExtension static}; user and password as {@link EmbeddedFtpServerExtension}.
 */
final class FaultyFtpServerExtension implements BeforeAllCallback, AfterAllCallback {

    /** The names the hostile directory lists besides its real files. */
    static final List<String> HOSTILE_NAMES = List.of("../escape.txt", "/etc/passwd", "..", "a\\..\\b.txt",
            "sub/../../escape.txt", "nul\0.txt");

    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch stallRelease = new CountDownLatch(1);
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
        factory.setFileSystem(u -> new FaultyView(nativeFs.createFileSystemView(u), stallRelease));
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

    /** Delegates to the native view, wrapping its files. */
    private static final class FaultyView implements FileSystemView {

        private final FileSystemView delegate;
        private final CountDownLatch stallRelease;

        FaultyView(FileSystemView delegate, CountDownLatch stallRelease) {
            this.delegate = delegate;
            this.stallRelease = stallRelease;
        }

        @Override
        public FtpFile getHomeDirectory() throws FtpException {
            return new FaultyFile(delegate.getHomeDirectory(), stallRelease);
        }

        @Override
        public FtpFile getWorkingDirectory() throws FtpException {
            return new FaultyFile(delegate.getWorkingDirectory(), stallRelease);
        }

        @Override
        public boolean changeWorkingDirectory(String dir) throws FtpException {
            return delegate.changeWorkingDirectory(dir);
        }

        @Override
        public FtpFile getFile(String file) throws FtpException {
            return new FaultyFile(delegate.getFile(file), stallRelease);
        }

        @Override
        public boolean isRandomAccessible() throws FtpException {
            return delegate.isRandomAccessible();
        }

        @Override
        public void dispose() {
            delegate.dispose();
        }
    }

    /**
     * A real file, except that broken files fail mid-read, stalled files send nothing until released, and hostile
     * directories list fake entries.
     */
    private record FaultyFile(FtpFile delegate, CountDownLatch stallRelease) implements FtpFile {

        @Override
        public List<? extends FtpFile> listFiles() {
            List<FtpFile> files = new ArrayList<>();
            for (FtpFile f : delegate.listFiles()) {
                files.add(new FaultyFile(f, stallRelease));
            }
            if (delegate.getName().equals("hostile")) {
                for (String name : HOSTILE_NAMES) {
                    files.add(new FakeFile(name));
                }
            }
            return files;
        }

        @Override
        public InputStream createInputStream(long offset) throws IOException {
            InputStream in = delegate.createInputStream(offset);
            if (delegate.getName().contains("stalled")) {
                return new FilterInputStream(in) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        awaitRelease();
                        return super.read(b, off, len);
                    }
                };
            }
            if (!delegate.getName().contains("broken")) {
                return in;
            }
            return new FilterInputStream(in) {
                private long read;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (read >= 1024 * 1024) {
                        throw new IOException("disk error (test fault)");
                    }
                    int n = super.read(b, off, len);
                    read += Math.max(n, 0);
                    return n;
                }
            };
        }

        /** The server's side of a stalled transfer: 150 was sent and the data connection is open, but silent. */
        private void awaitRelease() throws IOException {
            try {
                if (!stallRelease.await(60, TimeUnit.SECONDS)) {
                    throw new IOException("stalled read not released within 60 s (test fault)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while stalled");
            }
        }

        @Override
        public String getAbsolutePath() {
            return delegate.getAbsolutePath();
        }

        @Override
        public String getName() {
            return delegate.getName();
        }

        @Override
        public boolean isHidden() {
            return delegate.isHidden();
        }

        @Override
        public boolean isDirectory() {
            return delegate.isDirectory();
        }

        @Override
        public boolean isFile() {
            return delegate.isFile();
        }

        @Override
        public boolean doesExist() {
            return delegate.doesExist();
        }

        @Override
        public boolean isReadable() {
            return delegate.isReadable();
        }

        @Override
        public boolean isWritable() {
            return delegate.isWritable();
        }

        @Override
        public boolean isRemovable() {
            return delegate.isRemovable();
        }

        @Override
        public String getOwnerName() {
            return delegate.getOwnerName();
        }

        @Override
        public String getGroupName() {
            return delegate.getGroupName();
        }

        @Override
        public int getLinkCount() {
            return delegate.getLinkCount();
        }

        @Override
        public long getLastModified() {
            return delegate.getLastModified();
        }

        @Override
        public boolean setLastModified(long time) {
            return delegate.setLastModified(time);
        }

        @Override
        public long getSize() {
            return delegate.getSize();
        }

        @Override
        public Object getPhysicalFile() {
            return delegate.getPhysicalFile();
        }

        @Override
        public boolean mkdir() {
            return delegate.mkdir();
        }

        @Override
        public boolean delete() {
            return delegate.delete();
        }

        @Override
        public boolean move(FtpFile destination) {
            return delegate.move(destination instanceof FaultyFile f ? f.delegate() : destination);
        }

        @Override
        public OutputStream createOutputStream(long offset) throws IOException {
            return delegate.createOutputStream(offset);
        }
    }

    /** An entry that exists only in a listing. */
    private record FakeFile(String name) implements FtpFile {

        @Override
        public String getAbsolutePath() {
            return "/hostile/" + name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isHidden() {
            return false;
        }

        @Override
        public boolean isDirectory() {
            return false;
        }

        @Override
        public boolean isFile() {
            return true;
        }

        @Override
        public boolean doesExist() {
            return true;
        }

        @Override
        public boolean isReadable() {
            return true;
        }

        @Override
        public boolean isWritable() {
            return false;
        }

        @Override
        public boolean isRemovable() {
            return false;
        }

        @Override
        public String getOwnerName() {
            return "user";
        }

        @Override
        public String getGroupName() {
            return "group";
        }

        @Override
        public int getLinkCount() {
            return 1;
        }

        @Override
        public long getLastModified() {
            return 0;
        }

        @Override
        public boolean setLastModified(long time) {
            return false;
        }

        @Override
        public long getSize() {
            return 3;
        }

        @Override
        public Object getPhysicalFile() {
            return null;
        }

        @Override
        public boolean mkdir() {
            return false;
        }

        @Override
        public boolean delete() {
            return false;
        }

        @Override
        public boolean move(FtpFile destination) {
            return false;
        }

        @Override
        public List<? extends FtpFile> listFiles() {
            return List.of();
        }

        @Override
        public OutputStream createOutputStream(long offset) throws IOException {
            throw new IOException("fake entry");
        }

        @Override
        public InputStream createInputStream(long offset) throws IOException {
            throw new IOException("fake entry");
        }
    }
}

package io.camelftplib.camel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.camelftplib.ftplib.testing.EmbeddedFtpServerExtension;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.DataConnection;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An Apache FtpServer on real files for the listing tests, with two switches a test may turn:
 * <ul>
 * <li>{@link #withoutMlsd()}: the server behaves as vsftpd does, the most common server without MLSD: FEAT offers
 *     no MLST, MLSD and MLST are answered {@code 500 Unknown command.}, and LIST or NLST of a missing directory is
 *     an empty listing with {@code 226 Transfer done (but failed to open directory).};</li>
 * <li>{@link #script(String, String)}: one listing command sends the given text, byte for byte, for what no real
 *     server lists (an MLSD line without facts, a name longer than any file system allows);</li>
 * <li>{@link #stream(String, Supplier)}: one listing command streams a generated listing (a million entries).</li>
 * </ul>
 * Everything else (RETR, DELE, SIZE, CWD, the listings of other directories) is the real server's. Every command
 * line is recorded. Register it as {@code @RegisterExtension static}; the switches reset after each test.
 */
final class ListingServerExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> scripts = new ConcurrentHashMap<>();
    private final Map<String, Supplier<InputStream>> streams = new ConcurrentHashMap<>();
    private final List<String> finalReplies = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean mlsd = true;
    private Path home;
    private FtpServer server;
    private Listener listener;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        home = Files.createTempDirectory("ftp-listing-").toRealPath();
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listenerFactory = new ListenerFactory();
        listenerFactory.setServerAddress("127.0.0.1");
        listenerFactory.setPort(0);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassivePorts("0");
        data.setPassiveAddress("127.0.0.1");
        listenerFactory.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        factory.addListener("default", listenerFactory.createListener());
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setFile(Files.createTempFile("ftp-listing-users", ".properties").toFile());
        factory.setUserManager(users.createUserManager());
        BaseUser user = new BaseUser();
        user.setName(EmbeddedFtpServerExtension.USER);
        user.setPassword(EmbeddedFtpServerExtension.PASSWORD);
        user.setHomeDirectory(home.toString());
        user.setAuthorities(new ArrayList<>(List.of(new WritePermission())));
        factory.getUserManager().save(user);
        factory.setFtplets(new java.util.HashMap<>(Map.of("listings", new Listings())));
        server = factory.createServer();
        server.start();
        listener = factory.getListener("default");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        mlsd = true;
        scripts.clear();
        streams.clear();
        commands.clear();
        finalReplies.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.stop();
        try (var paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    int port() {
        return listener.getPort();
    }

    Path file(String path) {
        return home.resolve(path);
    }

    /** Turns MLSD off for the current test, as on vsftpd. */
    void withoutMlsd() {
        mlsd = false;
    }

    /**
     * Makes one listing command send a fixed text for the current test.
     *
     * @param commandLine the command as the client sends it, e.g. {@code MLSD odd}
     * @param listing     the data, sent as UTF-8 without any line-end conversion
     */
    void script(String commandLine, String listing) {
        scripts.put(commandLine, listing);
    }

    /**
     * Makes one listing command stream the bytes of a generator for the current test, for listings too large for
     * the server's own MLSD, which builds the whole listing in one string. A client that ends the transfer early
     * gets {@code 426}.
     *
     * @param commandLine the command as the client sends it, e.g. {@code MLSD huge}
     * @param listing     makes the data, lines ended with CRLF
     */
    void stream(String commandLine, Supplier<InputStream> listing) {
        streams.put(commandLine, listing);
    }

    /**
     * Returns the final replies sent for scripted and streamed listings in the current test.
     *
     * @return the replies, in order
     */
    List<String> finalReplies() {
        synchronized (finalReplies) {
            return List.copyOf(finalReplies);
        }
    }

    /**
     * Returns the command lines received in the current test.
     *
     * @return the lines, in order
     */
    List<String> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    /** Plays the switches; leaves every other command to the server. */
    private final class Listings extends DefaultFtplet {

        @Override
        public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException, IOException {
            commands.add(request.getRequestLine());
            String verb = request.getCommand();
            String script = scripts.get(request.getRequestLine());
            if (script != null) {
                // the String variant writes UTF-8 as it is; the stream variant would add CR before a bare LF
                send(session, data -> data.transferToClient(session, script), "226 Listing sent.");
                return FtpletResult.SKIP;
            }
            Supplier<InputStream> stream = streams.get(request.getRequestLine());
            if (stream != null) {
                send(session, data -> data.transferToClient(session, stream.get()), "226 Listing sent.");
                return FtpletResult.SKIP;
            }
            if (mlsd) {
                return FtpletResult.DEFAULT;
            }
            if (verb.equals("MLSD") || verb.equals("MLST")) {
                session.write(new DefaultFtpReply(500, "Unknown command."));
                return FtpletResult.SKIP;
            }
            if (verb.equals("FEAT")) {
                session.write(new DefaultFtpReply(211, "Features:\n SIZE\n MDTM\n REST STREAM\n UTF8\nEnd"));
                return FtpletResult.SKIP;
            }
            if ((verb.equals("LIST") || verb.equals("NLST")) && request.hasArgument()
                    && !session.getFileSystemView().getFile(request.getArgument()).doesExist()) {
                send(session, data -> data.transferToClient(session, ""),
                        "226 Transfer done (but failed to open directory).");
                return FtpletResult.SKIP;
            }
            return FtpletResult.DEFAULT;
        }

        private void send(FtpSession session, Transfer transfer, String finalReply) throws FtpException {
            session.write(new DefaultFtpReply(150, "Here comes the directory listing."));
            String reply = finalReply;
            try {
                transfer.run(session.getDataConnection().openConnection());
            } catch (Exception e) {
                reply = "426 Data connection closed: " + e.getClass().getSimpleName() + ".";
            } finally {
                session.getDataConnection().closeDataConnection();
            }
            finalReplies.add(reply);
            session.write(new DefaultFtpReply(Integer.parseInt(reply.substring(0, 3)), reply.substring(4)));
        }
    }

    /** Sends a listing over the data connection. */
    @FunctionalInterface
    private interface Transfer {
        void run(DataConnection data) throws Exception;
    }
}

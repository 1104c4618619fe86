package io.camelftplib.ftplib.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * A small FTP server on real sockets that plays a script, for what no real server sends: malformed, overlong or
 * endless replies, a 227 pointing elsewhere, a close after 1xx, a reply injected before the next one.
 *
 * <p>Out of the box it answers as CPython's {@code DummyFTPHandler} in {@code Lib/test/test_ftplib.py} (3.11),
 * quirks included, so ported tests keep their meaning:
 * <ul>
 * <li>the welcome is {@code 220 welcome}; {@code ECHO x} replies {@code x}; an unknown command gets
 *     {@code 550 command "x" not understood.} (the verb lower-cased);</li>
 * <li>{@code RETR}, {@code LIST}, {@code NLST}, {@code MLSD} and {@code STOR} answer {@code 125} (not 150), then
 *     {@code 226 transfer complete} once the data connection is closed; {@code SIZE} answers {@code 250 1000};</li>
 * <li>{@code PASV} advertises {@link #FAKE_PASV_IP} with a real listening port on the control address (to test
 *     CVE-2021-4189); {@code EPSV}, {@code PORT} and {@code EPRT} work; urgent data arrives inline
 *     ({@code SO_OOBINLINE}), so {@code ABOR} sent with {@code MSG_OOB} is read as a line;</li>
 * <li>{@link #nextResponse(String)} is sent <em>before</em> the normal reply to the next command (so the
 *     conversation is one reply ahead afterwards, as in Python); {@link #nextData(String)} replaces the next
 *     listing or file; {@code SETLONGRETR n} makes the next {@code RETR} send {@code n} times {@code x};</li>
 * <li>data is {@link #RETR_DATA}, {@link #LIST_DATA}, {@link #NLST_DATA} and {@link #MLSD_DATA}.</li>
 * </ul>
 * Beyond Python's handler: a command without a data connection is answered {@code 425 no data connection}
 * (Python's handler would crash), and any command can be overridden with a {@link Handler} that may send
 * arbitrary bytes, several replies, endless replies, nothing at all, or close the socket.
 *
 * <p>It records every command line received ({@link #commands()}) and every {@code STOR} payload
 * ({@link #storedPayloads()}), and counts connections the client closed ({@link #clientDisconnects()}).
 *
 * <p>Listens on 127.0.0.1, port 0; one thread accepts and one thread serves each connection, in order, like the
 * one-command-at-a-time Python handler. {@link #close()} closes every socket and joins every thread; it fails
 * with an {@link AssertionError} when a handler failed with anything but an {@link IOException} (a client that went
 * away is normal). Thread-safe: tests configure it from the test thread while it serves.
 */
public final class ScriptedFtpServer implements AutoCloseable {

    /** What Python's {@code DummyFTPHandler.cmd_pasv} advertises instead of its own address (bpo-43285). */
    public static final String FAKE_PASV_IP = "252.253.254.255";
    /** The file {@code RETR} sends: {@code 'abcde\xB9\xB2\xB3\xA4\xA6\r\n' * 1000}, 12,000 characters. */
    public static final String RETR_DATA = "abcde\u00B9\u00B2\u00B3\u00A4\u00A6\r\n".repeat(1000);
    /** The listing {@code LIST} sends. */
    public static final String LIST_DATA = "foo\r\nbar\r\n non-ascii char \u00AE\r\n";
    /** The listing {@code NLST} sends. */
    public static final String NLST_DATA = LIST_DATA;
    /** The listing {@code MLSD} sends: 17 entries, as in test_ftplib. */
    public static final String MLSD_DATA = String.join("",
            "type=cdir;perm=el;unique==keVO1+ZF4; test\r\n",
            "type=pdir;perm=e;unique==keVO1+d?3; ..\r\n",
            "type=OS.unix=slink:/foobar;perm=;unique==keVO1+4G4; foobar\r\n",
            "type=OS.unix=chr-13/29;perm=;unique==keVO1+5G4; device\r\n",
            "type=OS.unix=blk-11/108;perm=;unique==keVO1+6G4; block\r\n",
            "type=file;perm=awr;unique==keVO1+8G4; writable\r\n",
            "type=dir;perm=cpmel;unique==keVO1+7G4; promiscuous\r\n",
            "type=dir;perm=;unique==keVO1+1t2; no-exec\r\n",
            "type=file;perm=r;unique==keVO1+EG4; two words\r\n",
            "type=file;perm=r;unique==keVO1+IH4;  leading space\r\n",
            "type=file;perm=r;unique==keVO1+1G4; file1\r\n",
            "type=dir;perm=cpmel;unique==keVO1+7G4; incoming\r\n",
            "type=file;perm=r;unique==keVO1+1G4; file2\r\n",
            "type=file;perm=r;unique==keVO1+1G4; file3\r\n",
            "type=file;perm=r;unique==keVO1+1G4; file4\r\n",
            "type=dir;perm=cpmel;unique==SGP1; dir \u00AE non-ascii char\r\n",
            "type=file;perm=r;unique==SGP2; file \u00AE non-ascii char\r\n");

    /** How long the server waits for a data connection, as Python's {@code TIMEOUT}. */
    static final int DATA_TIMEOUT_MILLIS = 10_000;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Answers one command. The session thread runs it after recording the line and sending any
     * {@link #nextResponse(String) injected reply}; it may reply zero or more times.
     */
    @FunctionalInterface
    public interface Handler {

        /**
         * Handles one command.
         *
         * @param session the connection
         * @param arg     everything after the first space of the line, empty when there is none
         * @throws IOException          when the client went away (ends the session quietly)
         * @throws InterruptedException when the server is closing
         */
        void handle(ScriptedSession session, String arg) throws IOException, InterruptedException;
    }

    /** Turns a plain socket into another, e.g. a server-side TLS socket after {@code AUTH TLS}. */
    @FunctionalInterface
    public interface SocketUpgrade {

        /**
         * Wraps the socket.
         *
         * @param socket the connected plain socket
         * @return the socket to use from now on
         * @throws IOException when the upgrade fails
         */
        Socket apply(Socket socket) throws IOException;
    }

    private final Charset encoding;
    private final ServerSocket listener;
    private final Map<String, Handler> defaults = new HashMap<>();
    private final Map<String, Handler> overrides = new ConcurrentHashMap<>();
    private final AtomicReference<Handler> welcome = new AtomicReference<>((s, a) -> s.reply("220 welcome"));
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<byte[]> stored = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> nextResponse = new AtomicReference<>();
    private final AtomicReference<String> nextData = new AtomicReference<>();
    private final AtomicReference<String> nextRetrData = new AtomicReference<>(RETR_DATA);
    private final AtomicReference<String> rest = new AtomicReference<>();
    private final Set<ScriptedSession> sessions = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger disconnects = new AtomicInteger();
    private volatile boolean oobInline = true;
    private volatile boolean closed;

    private ScriptedFtpServer(Charset encoding, InetAddress address) throws IOException {
        this.encoding = encoding;
        this.listener = new ServerSocket(0, 50, address);
        installDefaults();
        Thread acceptor = new Thread(this::acceptLoop, "scripted-ftp-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        threads.add(acceptor);
        acceptor.start();
    }

    /**
     * Starts a server speaking UTF-8, Python's default.
     *
     * @return the running server; close it
     * @throws IOException when it cannot listen
     */
    public static ScriptedFtpServer start() throws IOException {
        return start(StandardCharsets.UTF_8);
    }

    /**
     * Starts a server that encodes replies and data in a charset (test_encoding_param uses latin-1).
     *
     * @param encoding the charset of commands, replies and text data
     * @return the running server; close it
     * @throws IOException when it cannot listen
     */
    public static ScriptedFtpServer start(Charset encoding) throws IOException {
        return new ScriptedFtpServer(encoding, InetAddress.getLoopbackAddress());
    }

    /**
     * Starts a UTF-8 server on another local address, e.g. {@code ::1} for test_ftplib's
     * {@code TestIPv6Environment}.
     *
     * @param address the local address to listen on; data connections use it too
     * @return the running server; close it
     * @throws IOException when it cannot listen there
     */
    public static ScriptedFtpServer startOn(InetAddress address) throws IOException {
        return new ScriptedFtpServer(StandardCharsets.UTF_8, address);
    }

    /**
     * Returns the address it listens on.
     *
     * @return {@code 127.0.0.1} unless started {@link #startOn(InetAddress) elsewhere}
     */
    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    /**
     * Returns the port it listens on.
     *
     * @return the port the OS chose
     */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Returns the charset of commands, replies and text data.
     *
     * @return the charset given to {@link #start(Charset)}
     */
    public Charset encoding() {
        return encoding;
    }

    /**
     * Replaces how a command is answered, for every later occurrence.
     *
     * @param verb    the command, any case, e.g. {@code RETR}
     * @param handler what to do
     * @return this
     */
    public ScriptedFtpServer on(String verb, Handler handler) {
        overrides.put(verb.toLowerCase(Locale.ROOT), handler);
        return this;
    }

    /**
     * Answers a command with fixed reply lines (each sent with CRLF), for every later occurrence.
     *
     * @param verb  the command, any case
     * @param lines the lines to send, in order
     * @return this
     */
    public ScriptedFtpServer reply(String verb, String... lines) {
        List<String> copy = List.of(lines);
        return on(verb, (session, arg) -> {
            for (String line : copy) {
                session.reply(line);
            }
        });
    }

    /**
     * Replaces the welcome: what the server does when a client connects (the argument is empty).
     *
     * @param handler what to send, e.g. a 421, or raw bytes and a close
     * @return this
     */
    public ScriptedFtpServer onConnect(Handler handler) {
        welcome.set(handler);
        return this;
    }

    /**
     * Stops reading urgent data inline on later connections, as a server without {@code SO_OOBINLINE}: the
     * urgent last byte of an {@code ABOR} sent with {@code MSG_OOB} is then lost.
     *
     * @return this
     */
    public ScriptedFtpServer withoutOobInline() {
        oobInline = false;
        return this;
    }

    /**
     * Sends a reply before the normal reply to the next command: Python's {@code next_response}.
     *
     * @param line the reply line, without CRLF
     */
    public void nextResponse(String line) {
        nextResponse.set(line);
    }

    /**
     * Replaces the data of the next transfer that sends data ({@code RETR}, {@code LIST}, {@code NLST},
     * {@code MLSD}): Python's {@code next_data}. An empty string sends nothing.
     *
     * @param data the text, encoded in the server's charset
     */
    public void nextData(String data) {
        nextData.set(data);
    }

    /**
     * Returns every command line received, in order, from every connection.
     *
     * @return a snapshot
     */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /**
     * Returns the last command line received: Python's {@code last_received_cmd}, but the whole line.
     *
     * @return the line, or {@code null} before the first command
     */
    public String lastCommand() {
        List<String> snapshot = commands();
        return snapshot.isEmpty() ? null : snapshot.get(snapshot.size() - 1);
    }

    /**
     * Returns the argument of the last {@code REST}: Python's {@code handler.rest} ({@code RETR} clears it).
     *
     * @return the offset as sent, or {@code null}
     */
    public String rest() {
        return rest.get();
    }

    /**
     * Returns the bytes of every {@code STOR}, in order.
     *
     * @return a snapshot; the last one is Python's {@code last_received_data}
     */
    public List<byte[]> storedPayloads() {
        return List.copyOf(stored);
    }

    /**
     * Counts the control connections accepted.
     *
     * @return the number so far
     */
    public int connectionCount() {
        return connections.get();
    }

    /**
     * Counts the control connections the client closed (the server read end of stream or a reset).
     *
     * @return the number so far
     */
    public int clientDisconnects() {
        return disconnects.get();
    }

    /**
     * Stops accepting, closes every socket and joins every thread.
     *
     * @throws AssertionError when a handler failed with something other than an {@link IOException}, or a thread
     *                        did not stop
     */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        for (ScriptedSession session : sessions) {
            session.closeAll();
        }
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            try {
                thread.join(JOIN_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while stopping the scripted server", e);
            }
            if (thread.isAlive()) {
                throw new AssertionError("scripted server thread " + thread.getName() + " did not stop");
            }
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("a handler of the scripted server failed", failures.get(0));
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            ScriptedSession session = new ScriptedSession(this, socket);
            sessions.add(session);
            Thread thread = new Thread(() -> serve(session), "scripted-ftp-session-" + socket.getPort());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void serve(ScriptedSession session) {
        try {
            welcome.get().handle(session, "");
            String line;
            while ((line = session.readLine()) != null) {
                dispatch(session, line);
            }
            if (!session.closedByServer()) {
                disconnects.incrementAndGet();
            }
        } catch (IOException e) {
            if (!session.closedByServer() && !closed) {
                disconnects.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            if (!closed) {
                failures.add(e);
            }
        } finally {
            session.closeAll();
            sessions.remove(session);
        }
    }

    private void dispatch(ScriptedSession session, String line) throws IOException, InterruptedException {
        commands.add(line);
        String injected = nextResponse.getAndSet(null);
        if (injected != null && !injected.isEmpty()) {
            session.reply(injected);
        }
        String verb = line.split(" ", -1)[0].toLowerCase(Locale.ROOT);
        int space = line.indexOf(' ');
        String arg = space < 0 ? "" : line.substring(space + 1);
        Handler handler = handlerFor(verb);
        if (handler == null) {
            session.reply("550 command \"" + verb + "\" not understood.");
        } else {
            handler.handle(session, arg);
        }
    }

    /** The built-in behaviour of a command, for {@link ScriptedSession#runDefault}; null when there is none. */
    Handler defaultHandler(String verb) {
        return defaults.get(verb);
    }

    /** Takes the data set by {@link #nextData(String)}, once. */
    String takeInjectedData() {
        return nextData.getAndSet(null);
    }

    boolean oobInline() {
        return oobInline;
    }

    private Handler handlerFor(String verb) {
        Handler handler = overrides.get(verb);
        return handler != null ? handler : defaults.get(verb);
    }

    // Python's DummyFTPHandler.cmd_* methods, one line each where Python has one
    private void installDefaults() {
        fixed("noop", "200 noop ok");
        fixed("user", "331 username ok");
        fixed("pass", "230 password ok");
        fixed("acct", "230 acct ok");
        fixed("rnfr", "350 rnfr ok");
        fixed("rnto", "250 rnto ok");
        fixed("dele", "250 dele ok");
        fixed("cwd", "250 cwd ok");
        fixed("size", "250 1000");
        fixed("rmd", "250 rmd ok");
        fixed("pwd", "257 \"pwd ok\"");
        fixed("type", "200 type ok");
        fixed("abor", "226 abor ok");
        fixed("opts", "200 opts ok");
        defaults.put("echo", (s, arg) -> s.reply(arg));
        defaults.put("mkd", (s, arg) -> s.reply("257 \"" + arg + "\""));
        defaults.put("quit", (s, arg) -> {
            s.reply("221 quit ok");
            s.closeControl();
        });
        defaults.put("rest", (s, arg) -> {
            rest.set(arg);
            s.reply("350 rest ok");
        });
        defaults.put("setlongretr", (s, arg) -> {
            nextRetrData.set("x".repeat(Integer.parseInt(arg.strip())));
            s.reply("125 setlongretr ok");
        });
        defaults.put("pasv", (s, arg) -> s.acceptPassive(ScriptedFtpServer::reply227));
        defaults.put("epsv", (s, arg) -> s.acceptPassive(p -> "229 entering extended passive mode (|||" + p + "|)"));
        defaults.put("port", (s, arg) -> s.connectBack(parsePort(arg), null));
        defaults.put("eprt", (s, arg) -> s.connectBack(parseEprt(arg), null));
        defaults.put("retr", this::retr);
        defaults.put("list", (s, arg) -> s.sendListing("125 list ok", LIST_DATA));
        defaults.put("nlst", (s, arg) -> s.sendListing("125 nlst ok", NLST_DATA));
        defaults.put("mlsd", (s, arg) -> s.sendListing("125 mlsd ok", MLSD_DATA));
        defaults.put("stor", (s, arg) -> {
            if (s.requireData()) {
                s.reply("125 stor ok");
                stored.add(s.receiveData());
                s.reply("226 transfer complete");
            }
        });
    }

    private void fixed(String verb, String reply) {
        defaults.put(verb, (s, arg) -> s.reply(reply));
    }

    private void retr(ScriptedSession s, String arg) throws IOException {
        if (!s.requireData()) {
            return;
        }
        s.reply("125 retr ok");
        String offset = rest.getAndSet(null);
        String data = nextRetrData.get();
        s.sendData(data.substring(offset == null ? 0 : Integer.parseInt(offset)));
        s.reply("226 transfer complete");
    }

    /**
     * Python's PASV reply: {@link #FAKE_PASV_IP} and a real port.
     *
     * @param port the port the server listens on
     * @return the reply line
     */
    public static String reply227(int port) {
        return reply227(FAKE_PASV_IP, port);
    }

    /**
     * A PASV reply advertising any IPv4 address and a real port.
     *
     * @param ip   the dotted address to advertise
     * @param port the port the server listens on
     * @return the reply line, {@code 227 entering passive mode (h1,h2,h3,h4,p1,p2)}
     */
    public static String reply227(String ip, int port) {
        return "227 entering passive mode (" + ip.replace('.', ',') + "," + port / 256 + "," + port % 256 + ")";
    }

    /**
     * Parses the argument of {@code PORT h1,h2,h3,h4,p1,p2}.
     *
     * @param arg the argument
     * @return the address the client listens on
     */
    public static InetSocketAddress parsePort(String arg) {
        String[] n = arg.split(",");
        String ip = n[0] + "." + n[1] + "." + n[2] + "." + n[3];
        return new InetSocketAddress(ip, Integer.parseInt(n[4]) * 256 + Integer.parseInt(n[5]));
    }

    /**
     * Parses the argument of {@code EPRT |af|host|port|}.
     *
     * @param arg the argument
     * @return the address the client listens on
     */
    public static InetSocketAddress parseEprt(String arg) {
        String[] parts = arg.split(Pattern.quote(arg.substring(0, 1)), -1);
        return new InetSocketAddress(parts[2], Integer.parseInt(parts[3]));
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // closing while shutting down the fake: the socket is gone either way
        }
    }

    /**
     * Lists the handlers' own failures; for diagnostics in a test that expects none.
     *
     * @return the failures so far
     */
    public List<Throwable> failures() {
        return new ArrayList<>(failures);
    }
}

package io.camelftplib.ftplib.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
import java.util.function.IntFunction;
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
    private static final int DATA_TIMEOUT_MILLIS = 10_000;
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
        void handle(Session session, String arg) throws IOException, InterruptedException;
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
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
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
     * Stops reading urgent data inline on later connections, as a server without {@code SO_OOBINLINE} (contract
     * H28): the urgent last byte of an {@code ABOR} sent with {@code MSG_OOB} is then lost.
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
        for (Session session : sessions) {
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
            Session session = new Session(socket);
            sessions.add(session);
            Thread thread = new Thread(session::serve, "scripted-ftp-session-" + socket.getPort());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
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

    private void retr(Session s, String arg) throws IOException {
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

    private static void closeQuietly(AutoCloseable closeable) {
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
     * One control connection and its current data connection, as seen by a {@link Handler}. Its methods are
     * called from the session's own thread.
     */
    public final class Session {

        private volatile Socket control;
        private volatile InputStream in;
        private volatile OutputStream out;
        private volatile Socket data;
        private volatile ServerSocket pendingListener;
        private volatile SocketUpgrade dataUpgrade;
        private volatile boolean closedByServer;

        private Session(Socket socket) {
            attach(socket);
        }

        private void attach(Socket socket) {
            try {
                // test_ftplib's handler reads urgent data inline, so an ABOR sent with MSG_OOB is a normal line
                socket.setOOBInline(oobInline);
                this.control = socket;
                this.in = socket.getInputStream();
                this.out = socket.getOutputStream();
            } catch (IOException e) {
                closeQuietly(socket);
                throw new IllegalStateException("cannot serve the accepted socket", e);
            }
        }

        /**
         * Returns the server, e.g. to look at its recordings from a handler.
         *
         * @return the server
         */
        public ScriptedFtpServer server() {
            return ScriptedFtpServer.this;
        }

        /**
         * Returns the control socket.
         *
         * @return the socket
         */
        public Socket controlSocket() {
            return control;
        }

        /**
         * Sends one reply line followed by CRLF, encoded in the server's charset.
         *
         * @param line the line
         * @throws IOException when the client went away
         */
        public void reply(String line) throws IOException {
            send(line + "\r\n");
        }

        /**
         * Sends text as is (no CRLF added), encoded in the server's charset.
         *
         * @param text the text
         * @throws IOException when the client went away
         */
        public void send(String text) throws IOException {
            sendBytes(text.getBytes(encoding));
        }

        /**
         * Sends raw bytes on the control connection, e.g. invalid UTF-8 or a line without CRLF.
         *
         * @param bytes the bytes
         * @throws IOException when the client went away
         */
        public void sendBytes(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /**
         * Closes the control connection (the session ends after the handler returns).
         */
        public void closeControl() {
            closedByServer = true;
            closeQuietly(control);
        }

        /**
         * Ends the server's side of the control connection (the client reads end of stream) and keeps reading.
         *
         * @throws IOException when the socket is gone
         */
        public void shutdownOutput() throws IOException {
            control.shutdownOutput();
        }

        /**
         * Replaces the control socket, e.g. by a server-side TLS socket after replying 234 to {@code AUTH TLS}.
         *
         * @param upgrade how to wrap the current socket
         * @throws IOException when the upgrade fails
         */
        public void upgradeControl(SocketUpgrade upgrade) throws IOException {
            Socket upgraded = upgrade.apply(control);
            attach(upgraded);
        }

        /**
         * Wraps every later data connection of this session, e.g. in TLS after {@code PROT P}.
         *
         * @param upgrade the wrapper, or {@code null} for plain data connections
         */
        public void upgradeData(SocketUpgrade upgrade) {
            this.dataUpgrade = upgrade;
        }

        /**
         * Returns the current data connection.
         *
         * @return the socket
         * @throws IllegalStateException when there is none (no PASV/EPSV/PORT/EPRT before)
         */
        public Socket dataSocket() {
            Socket socket = data;
            if (socket == null) {
                throw new IllegalStateException("no data connection: the client sent no PASV, EPSV, PORT or EPRT");
            }
            return socket;
        }

        /**
         * Tells whether a data connection is open.
         *
         * @return true after PASV/EPSV/PORT/EPRT and before the data was sent or received
         */
        public boolean hasData() {
            return data != null;
        }

        /**
         * Sends text on the data connection (or the {@link #nextData(String) injected data} instead), encoded in
         * the server's charset, then closes it. Sends no reply.
         *
         * @param text the text
         * @throws IOException when the client went away
         */
        public void sendData(String text) throws IOException {
            String injected = nextData.getAndSet(null);
            sendDataBytes((injected != null ? injected : text).getBytes(encoding));
        }

        /**
         * Sends bytes on the data connection, then closes it. Sends no reply.
         *
         * @param bytes the bytes
         * @throws IOException when the client went away
         */
        public void sendDataBytes(byte[] bytes) throws IOException {
            try (Socket socket = dataSocket()) {
                data = null;
                OutputStream dataOut = socket.getOutputStream();
                dataOut.write(bytes);
                dataOut.flush();
            }
        }

        /**
         * Reads the data connection to its end, then closes it. Sends no reply.
         *
         * @return the bytes received
         * @throws IOException when reading fails
         */
        public byte[] receiveData() throws IOException {
            try (Socket socket = dataSocket()) {
                data = null;
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                socket.getInputStream().transferTo(received);
                return received.toByteArray();
            }
        }

        /**
         * Closes the data connection without sending or reading anything.
         */
        public void closeData() {
            closeQuietly(data);
            data = null;
        }

        /**
         * Runs the built-in (Python) behaviour of a command, e.g. after sending extra replies first.
         *
         * @param verb the command, any case
         * @param arg  its argument
         * @throws IOException          when the client went away
         * @throws InterruptedException when the server is closing
         */
        public void runDefault(String verb, String arg) throws IOException, InterruptedException {
            Handler handler = defaults.get(verb.toLowerCase(Locale.ROOT));
            if (handler == null) {
                throw new IllegalArgumentException("no built-in behaviour for " + verb);
            }
            handler.handle(this, arg);
        }

        boolean requireData() throws IOException {
            if (data == null) {
                reply("425 no data connection");
                return false;
            }
            return true;
        }

        void sendListing(String first, String listing) throws IOException {
            if (requireData()) {
                reply(first);
                sendData(listing);
                reply("226 transfer complete");
            }
        }

        /**
         * Listens on the control connection's local address, sends the reply made for the port, then waits up to
         * 10 seconds for the client's data connection: Python's {@code cmd_pasv}/{@code cmd_epsv}, with any reply.
         *
         * @param replyForPort makes the reply line from the listening port
         * @throws IOException when the client went away
         */
        public void acceptPassive(IntFunction<String> replyForPort) throws IOException {
            closeData();
            try (ServerSocket server = new ServerSocket(0, 1, control.getLocalAddress())) {
                pendingListener = server;
                server.setSoTimeout(DATA_TIMEOUT_MILLIS);
                reply(replyForPort.apply(server.getLocalPort()));
                try {
                    data = upgradeData(server.accept());
                } catch (SocketTimeoutException e) {
                    // as Python's handler: no data connection came, the conversation goes on without one
                    data = null;
                }
            } finally {
                pendingListener = null;
            }
        }

        /**
         * Connects to the client's listener, then replies {@code 200}: Python's {@code cmd_port}/{@code cmd_eprt}.
         *
         * @param target the address from PORT/EPRT
         * @param source the local address to connect from (e.g. 127.0.0.2, to play another host), or {@code null}
         * @throws IOException when the connection fails
         */
        public void connectBack(InetSocketAddress target, InetSocketAddress source) throws IOException {
            closeData();
            Socket socket = new Socket();
            if (source != null) {
                socket.bind(source);
            }
            socket.connect(target, DATA_TIMEOUT_MILLIS);
            data = upgradeData(socket);
            reply("200 active data connection established");
        }

        private Socket upgradeData(Socket socket) throws IOException {
            SocketUpgrade upgrade = dataUpgrade;
            return upgrade == null ? socket : upgrade.apply(socket);
        }

        void serve() {
            try {
                welcome.get().handle(this, "");
                String line;
                while ((line = readLine()) != null) {
                    dispatch(line);
                }
                if (!closedByServer) {
                    disconnects.incrementAndGet();
                }
            } catch (IOException e) {
                if (!closedByServer && !closed) {
                    disconnects.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                if (!closed) {
                    failures.add(e);
                }
            } finally {
                closeAll();
                sessions.remove(this);
            }
        }

        private void dispatch(String line) throws IOException, InterruptedException {
            commands.add(line);
            String injected = nextResponse.getAndSet(null);
            if (injected != null && !injected.isEmpty()) {
                reply(injected);
            }
            String verb = line.split(" ", -1)[0].toLowerCase(Locale.ROOT);
            int space = line.indexOf(' ');
            String arg = space < 0 ? "" : line.substring(space + 1);
            Handler handler = handlerFor(verb);
            if (handler == null) {
                reply("550 command \"" + verb + "\" not understood.");
            } else {
                handler.handle(this, arg);
            }
        }

        // asynchat with terminator b"\r\n": a lone CR or LF stays inside the line
        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int previous = -1;
            int b;
            while ((b = in.read()) >= 0) {
                if (previous == '\r' && b == '\n') {
                    byte[] bytes = line.toByteArray();
                    return new String(bytes, 0, bytes.length - 1, encoding);
                }
                line.write(b);
                previous = b;
            }
            return null;
        }

        void closeAll() {
            closeQuietly(pendingListener);
            closeQuietly(data);
            closeQuietly(control);
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

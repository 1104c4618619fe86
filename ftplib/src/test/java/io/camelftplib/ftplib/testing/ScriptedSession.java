package io.camelftplib.ftplib.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * One control connection of a {@link ScriptedFtpServer} and its current data connection, as seen by a
 * {@link ScriptedFtpServer.Handler}: replies, raw bytes, passive and active data connections, TLS upgrades. The
 * server runs the conversation (reads a line, records it, calls the handler); this class only does the I/O. Its
 * methods are called from the session's own thread.
 */
public final class ScriptedSession {

    private final ScriptedFtpServer server;

    private volatile Socket control;
    private volatile InputStream in;
    private volatile OutputStream out;
    private volatile Socket data;
    private volatile ServerSocket pendingListener;
    private volatile ScriptedFtpServer.SocketUpgrade dataUpgrade;
    private volatile boolean closedByServer;

    ScriptedSession(ScriptedFtpServer server, Socket socket) {
        this.server = server;
        attach(socket);
    }

    private void attach(Socket socket) {
        try {
            // test_ftplib's handler reads urgent data inline, so an ABOR sent with MSG_OOB is a normal line
            socket.setOOBInline(server.oobInline());
            this.control = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        } catch (IOException e) {
            ScriptedFtpServer.closeQuietly(socket);
            throw new IllegalStateException("cannot serve the accepted socket", e);
        }
    }

    /**
     * Returns the server, e.g. to look at its recordings from a handler.
     *
     * @return the server
     */
    public ScriptedFtpServer server() {
        return server;
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
        sendBytes(text.getBytes(server.encoding()));
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
        ScriptedFtpServer.closeQuietly(control);
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
    public void upgradeControl(ScriptedFtpServer.SocketUpgrade upgrade) throws IOException {
        Socket upgraded = upgrade.apply(control);
        attach(upgraded);
    }

    /**
     * Wraps every later data connection of this session, e.g. in TLS after {@code PROT P}.
     *
     * @param upgrade the wrapper, or {@code null} for plain data connections
     */
    public void upgradeData(ScriptedFtpServer.SocketUpgrade upgrade) {
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
        String injected = server.takeInjectedData();
        sendDataBytes((injected != null ? injected : text).getBytes(server.encoding()));
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
        ScriptedFtpServer.closeQuietly(data);
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
        ScriptedFtpServer.Handler handler = server.defaultHandler(verb.toLowerCase(Locale.ROOT));
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
            server.setSoTimeout(ScriptedFtpServer.DATA_TIMEOUT_MILLIS);
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
        socket.connect(target, ScriptedFtpServer.DATA_TIMEOUT_MILLIS);
        data = upgradeData(socket);
        reply("200 active data connection established");
    }

    private Socket upgradeData(Socket socket) throws IOException {
        ScriptedFtpServer.SocketUpgrade upgrade = dataUpgrade;
        return upgrade == null ? socket : upgrade.apply(socket);
    }

    // asynchat with terminator b"\r\n": a lone CR or LF stays inside the line
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        int b;
        while ((b = in.read()) >= 0) {
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, server.encoding());
            }
            line.write(b);
            previous = b;
        }
        return null;
    }

    /** Tells whether a handler closed the control connection (QUIT), as opposed to the client going away. */
    boolean closedByServer() {
        return closedByServer;
    }

    void closeAll() {
        ScriptedFtpServer.closeQuietly(pendingListener);
        ScriptedFtpServer.closeQuietly(data);
        ScriptedFtpServer.closeQuietly(control);
    }
}

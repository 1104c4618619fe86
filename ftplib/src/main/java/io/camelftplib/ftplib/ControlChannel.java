package io.camelftplib.ftplib;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * The control connection's wire: sends one command line, reads one bounded line or one whole multi-line reply
 * (ftplib's {@code putline}, {@code getline}, {@code getmultiline}).
 *
 * <p>Safety sits here, in the narrowest place, as in ftplib: CR, LF (and, beyond ftplib, NUL) are refused in a
 * command before anything is sent ({@link FtpLine}); a line over {@code maxline} characters and a reply over
 * {@link #MAX_REPLY_LINES} lines or {@link #MAX_REPLY_CHARS} characters fail instead of growing memory.
 *
 * <p>Owns the socket: {@link #close()} closes it and is idempotent. Not thread-safe.
 */
final class ControlChannel implements Closeable {

    /** The most lines one reply may have (ftplib has no bound, so a hostile server could exhaust memory). */
    static final int MAX_REPLY_LINES = 1000;
    /** The most characters one reply may have, for the same reason. */
    static final int MAX_REPLY_CHARS = 64 * 1024;

    private final Charset charset;
    private final WireLog log;
    private Socket socket;
    private OutputStream out;
    private LineReader reader;

    ControlChannel(Socket socket, Charset charset, WireLog log) throws IOException {
        this.charset = charset;
        this.log = log;
        attach(socket);
    }

    /** Replaces the socket, e.g. by its TLS layer after {@code AUTH TLS}; unread bytes of the old one are dropped. */
    void attach(Socket newSocket) throws IOException {
        this.socket = newSocket;
        this.out = newSocket.getOutputStream();
        this.reader = new LineReader(newSocket.getInputStream(), charset);
    }

    Socket socket() {
        return socket;
    }

    boolean hasBufferedBytes() {
        return reader.hasBufferedBytes();
    }

    /**
     * Tells, without blocking or reading, whether the server has started to send something: bytes buffered by the
     * line reader or waiting on the TCP connection. Over TLS the waiting bytes are TLS records, which by the time
     * of a transfer carry replies (the server's session tickets arrive right after the handshake and were read
     * with the login replies).
     *
     * @return true when a read would find data
     * @throws IOException when the socket is closed
     */
    boolean replyPending() throws IOException {
        if (reader.hasBufferedBytes() || socket.getInputStream().available() > 0) {
            return true;
        }
        return socket instanceof TlsEngineSocket tls && tls.plain.getInputStream().available() > 0;
    }

    /**
     * Waits until the server sends something, consuming nothing, so a timeout here leaves the next reply whole.
     *
     * @throws java.net.SocketTimeoutException when nothing arrived within the socket's timeout
     */
    void awaitReply() throws IOException {
        reader.awaitByte();
    }

    /**
     * Sends one line plus CRLF (ftplib's {@code putline}).
     *
     * @throws IllegalArgumentException when the line holds CR, LF or NUL, or a character the charset cannot
     *                                  encode; nothing is sent then
     */
    void putLine(String line) throws IOException {
        FtpLine.check(line);
        byte[] bytes = encode(line + Ftp.CRLF);
        log.put(line + Ftp.CRLF);
        out.write(bytes);
        out.flush();
    }

    /** Sends raw bytes, e.g. the ABOR line of {@code abort()}. */
    void putRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Reads one line without its terminator (ftplib's {@code getline}).
     *
     * @throws java.io.EOFException when the server closed the connection
     */
    String getLine(int maxline) throws IOException {
        String line = reader.readLine(maxline);
        log.get(line);
        if (line.isEmpty()) {
            throw new java.io.EOFException("the server closed the control connection");
        }
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    /**
     * Reads a whole reply: a {@code nnn-} first line continues until a line starting with the same code and no
     * {@code -} (ftplib's {@code getmultiline}); lines are joined with {@code \n}.
     */
    String getMultiline(int maxline) throws IOException {
        String line = getLine(maxline);
        if (line.length() < 4 || line.charAt(3) != '-') {
            return line;
        }
        String code = line.substring(0, 3);
        StringBuilder reply = new StringBuilder(line);
        int lines = 1;
        while (true) {
            String next = getLine(maxline);
            lines++;
            reply.append('\n').append(next);
            if (lines > MAX_REPLY_LINES || reply.length() > MAX_REPLY_CHARS) {
                throw new FtpProtoException(reply.substring(0, Math.min(reply.length(), 200)),
                        "a multi-line reply exceeded " + MAX_REPLY_LINES + " lines or " + MAX_REPLY_CHARS
                                + " characters; the server is misbehaving", null);
            }
            if (next.startsWith(code) && (next.length() < 4 || next.charAt(3) != '-')) {
                return reply.toString();
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private byte[] encode(String text) {
        try {
            ByteBuffer bytes = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] array = new byte[bytes.remaining()];
            bytes.get(array);
            return array;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the command holds a character that " + charset.name()
                    + " cannot encode; choose another encoding", e);
        }
    }
}

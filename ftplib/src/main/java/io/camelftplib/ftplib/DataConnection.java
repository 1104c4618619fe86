package io.camelftplib.ftplib;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An open data connection and the size the server announced for it: ftplib's {@code ntransfercmd()} result
 * {@code (conn, size)}.
 *
 * <p>The caller owns the socket: read or write it, close it, then read the final reply with
 * {@link Ftp#voidResp()}. Closing is idempotent. Uploads should write through {@link #outputStream()}, which
 * bounds writes as reads are bounded. Not thread-safe.
 *
 * @param socket the data socket (a TLS socket when the data channel is protected)
 * @param size   the size from a {@code 150 ... (N bytes)} reply, empty when the server announced none
 */
public record DataConnection(Socket socket, OptionalLong size) implements Closeable {

    /**
     * Validates the pair.
     *
     * @param socket the data socket
     * @param size the announced size
     * @throws NullPointerException when an argument is null
     */
    public DataConnection {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(size, "size");
    }

    /**
     * Returns the socket's output stream for an upload, as {@link Ftp#storBinary} and {@link Ftp#storLines} write
     * it. Beyond {@code socket().getOutputStream()} it:
     * <ul>
     * <li>bounds every write by the socket's {@code SO_TIMEOUT}, which {@link Ftp#ntransferCmd(String, String)}
     *     sets to the client's {@link Ftp#getTimeout() timeout}: a Java socket write has no timeout of its own and
     *     blocks forever when the server stops reading. A write that makes no progress for that long closes the
     *     socket and fails with a {@link java.net.SocketTimeoutException} saying so; with no timeout (0) writes
     *     block as ftplib's do;</li>
     * <li>writes at most 64 KiB per socket call, whatever the caller's buffer (larger writes measured about 30%
     *     slower on loopback).</li>
     * </ul>
     * There is no Python counterpart: ftplib's {@code sendall} is bounded by the socket timeout already.
     *
     * <p>Each call starts a watch (a daemon thread when there is a timeout); closing the stream ends it and closes
     * the socket, as closing {@code socket().getOutputStream()} does. Closing only the connection ends the watch
     * within a quarter of the timeout. A failed write leaves the final reply unread: the control connection is out
     * of sync, as after any failed transfer.
     *
     * @return the stream; close it (or the connection) when the upload is written
     * @throws IOException when the socket is closed
     */
    public OutputStream outputStream() throws IOException {
        return UploadStream.open(socket);
    }

    /**
     * Closes the data socket; closing twice does nothing.
     *
     * @throws IOException when closing fails (for TLS: the close_notify could not be sent)
     */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package io.camelftplib.ftplib;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An open data connection and the size the server announced for it: ftplib's {@code ntransfercmd()} result
 * {@code (conn, size)}.
 *
 * <p>The caller owns the socket: read or write it, close it, then read the final reply with
 * {@link Ftp#voidResp()}. Closing is idempotent. Not thread-safe.
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
     * Closes the data socket; closing twice does nothing.
     *
     * @throws IOException when closing fails (for TLS: the close_notify could not be sent)
     */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}

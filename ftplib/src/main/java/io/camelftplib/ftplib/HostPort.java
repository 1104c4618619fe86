package io.camelftplib.ftplib;

/**
 * A host and a TCP port, as ftplib's {@code makepasv()} returns them.
 *
 * <p>Immutable.
 *
 * @param host the host name or literal address
 * @param port the TCP port
 */
public record HostPort(String host, int port) {

    /**
     * Validates the pair.
     *
     * @param host the host
     * @param port the port
     * @throws NullPointerException when {@code host} is null
     */
    public HostPort {
        java.util.Objects.requireNonNull(host, "host");
    }
}

package io.camelftplib.ftplib.testing;

/**
 * How the {@link FaultProxy} ends a connection it cuts: the two ways a TCP connection dies in the field.
 */
public enum Cut {
    /** An orderly close: the peer reads end of stream, as when a server or a middlebox closes the socket. */
    FIN,
    /** An abortive close (linger 0): the peer's next read or write fails with "connection reset". */
    RST
}

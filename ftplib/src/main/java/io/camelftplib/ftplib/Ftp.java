package io.camelftplib.ftplib;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An FTP client connection (RFC 959, 2428, 3659): a port of Python 3.11's {@code ftplib.FTP}, method for method.
 *
 * <pre>{@code
 * try (Ftp ftp = new Ftp()) {
 *     ftp.connect("ftp.example.org");
 *     ftp.login("user", "secret");
 *     try (OutputStream out = Files.newOutputStream(target)) {
 *         ftp.retrBinary("RETR report.csv", out);
 *     }
 * }   // sends QUIT, then closes
 * }</pre>
 *
 * <p>Semantics are ftplib's: a reply starting with 1, 2 or 3 is returned, 4xx raises {@link FtpTempException},
 * 5xx {@link FtpPermException}, anything else {@link FtpProtoException}; {@link IOException} plays
 * {@code all_errors}. Constructors do no network I/O. Deliberate differences, each documented where it applies:
 * <ul>
 * <li>{@link #close()} is ftplib's {@code with} exit (QUIT, then close); ftplib's {@code close()} is
 *     {@link #disconnect()}. A body's exception stays primary.</li>
 * <li>{@link #mlsd()} reads the listing eagerly; {@link #mlsd(String, List, IOConsumer)} streams it.</li>
 * <li>Hardened against hostile servers: NUL is refused in commands like CR and LF; a reply is bounded in lines and
 *     characters; PASV/EPSV ports are range checked; an active-mode data connection is accepted only from the
 *     server; {@code REST} must be answered 350; a non-numeric {@code SIZE} or undecodable reply raises
 *     {@link FtpProtoException}; a welcome that is an error closes the socket; a transfer that fails before
 *     its final reply leaves the connection <em>out of sync</em>: further commands fail fast instead of reading
 *     a stale reply, and {@link #close()} skips QUIT.</li>
 * </ul>
 *
 * <p>Owns its control socket and every data socket it opens for a transfer method; the caller owns streams it
 * passes in and the {@link DataConnection} of {@link #ntransferCmd}. Not thread-safe: one control connection
 * carries one conversation.
 */
public class Ftp implements AutoCloseable, DataChannel.Hooks {

    /** The default FTP control port, 21. */
    public static final int FTP_PORT = 21;
    /** The default most characters of one line, 8192. */
    public static final int MAXLINE = 8192;
    /** The line terminator of the protocol. */
    public static final String CRLF = "\r\n";

    /** Python's default block size for binary transfers. */
    static final int DEFAULT_BLOCKSIZE = 8192;
    private static final Logger LOG = LoggerFactory.getLogger(Ftp.class);

    /** The conversation on the control connection; {@link FtpTls} layers TLS on its channel. */
    final Conversation conversation;
    private final DataSettings settings = new DataSettings();
    private final DataChannel dataChannel;
    private final Transfers transfers;

    /** Creates an unconnected client with UTF-8 encoding, ftplib's default since Python 3.9. */
    public Ftp() {
        this(StandardCharsets.UTF_8);
    }

    /**
     * Creates an unconnected client.
     *
     * @param encoding the charset of commands, replies and {@link #retrLines} data (never of binary transfers)
     */
    public Ftp(Charset encoding) {
        conversation = new Conversation(Objects.requireNonNull(encoding, "encoding"));
        dataChannel = new DataChannel(conversation, settings);
        transfers = new Transfers(conversation, settings);
    }

    /**
     * Connects and logs in: ftplib's {@code FTP(host, user, passwd)}.
     *
     * @param host   the server
     * @param port   the control port
     * @param user   the user; empty for anonymous
     * @param passwd the password
     * @return the logged-in client; close it
     * @throws IOException when connecting or logging in fails (the socket is closed then)
     */
    public static Ftp open(String host, int port, String user, String passwd) throws IOException {
        Ftp ftp = new Ftp();
        try {
            ftp.connect(host, port);
            ftp.login(user, passwd);
            return ftp;
        } catch (IOException | RuntimeException e) {
            ftp.disconnect();
            throw e;
        }
    }

    // ---------------------------------------------------------------- connection

    /**
     * Connects to {@code host} on the current port (21 unless changed) with the current timeout: ftplib's
     * {@code connect(host)}.
     *
     * @param host the server name or address
     * @return the welcome reply
     * @throws FtpTempException  on a 4xx welcome (the socket is closed)
     * @throws FtpPermException  on a 5xx welcome (the socket is closed)
     * @throws IOException       when the connection fails
     */
    public String connect(String host) throws IOException {
        return connect(host, 0, settings.timeout(), settings.sourceAddress());
    }

    /**
     * Connects to {@code host:port}: ftplib's {@code connect(host, port)}.
     *
     * @param host the server; empty keeps the current host
     * @param port the port; 0 or less keeps the current port
     * @return the welcome reply
     * @throws IOException as {@link #connect(String)}
     */
    public String connect(String host, int port) throws IOException {
        return connect(host, port, settings.timeout(), settings.sourceAddress());
    }

    /**
     * Connects, replacing host, port, timeout and source address: ftplib's
     * {@code connect(host, port, timeout, source_address)}. Reads the welcome with {@link #getResp()}; a 1xx
     * welcome is returned as the welcome.
     *
     * @param host    the server; empty keeps the current host
     * @param port    the port; 0 or less keeps the current port
     * @param timeout the timeout of connect, every read and every data connection; {@code null} blocks forever
     * @param source  the local address to bind, or {@code null}
     * @return the welcome reply
     * @throws IllegalArgumentException when the timeout is zero or negative (non-blocking sockets are not
     *                                  supported, as in ftplib)
     * @throws IOException              as {@link #connect(String)}
     */
    public String connect(String host, int port, Duration timeout, InetSocketAddress source) throws IOException {
        settings.setTimeout(timeout);
        settings.setSourceAddress(source);
        conversation.setServer(host, port);
        conversation.disconnect();
        conversation.setViaProxy(settings.proxy() != null);
        return conversation.start(openControlSocket());
    }

    /**
     * Opens the TCP control socket; {@link FtpTls} layers TLS on it for implicit FTPS.
     *
     * @return the connected socket, with the timeout set
     * @throws IOException when the connection fails
     */
    Socket openControlSocket() throws IOException {
        try {
            return DataConnector.connect(new HostPort(getHost(), getPort()), getTimeout(), getSourceAddress(),
                    settings.proxy());
        } catch (java.net.UnknownHostException e) {
            // the JDK's message is the bare host name, which reads like a greeting rather than a failure
            java.net.UnknownHostException said = new java.net.UnknownHostException("unknown host '" + getHost()
                    + "': the name does not resolve (check host/DNS)");
            said.initCause(e);
            throw said;
        }
    }

    /**
     * Returns the welcome reply of the last connection: ftplib's {@code getwelcome()}.
     *
     * @return the welcome, or {@code null} before the first connection
     */
    public String getWelcome() {
        String welcome = conversation.welcome();
        conversation.log().welcome(welcome == null ? "None" : welcome);
        return welcome;
    }

    /**
     * Logs in anonymously: ftplib's {@code login()}, sending {@code USER anonymous} and
     * {@code PASS anonymous@}.
     *
     * @return the final reply
     * @throws IOException as {@link #login(String, String, String)}
     */
    public String login() throws IOException {
        return login("", "", "");
    }

    /**
     * Logs in with a user and password: ftplib's {@code login(user, passwd)}.
     *
     * @param user   the user; empty for anonymous
     * @param passwd the password; for anonymous, empty or {@code -} gets {@code anonymous@} appended
     * @return the final reply
     * @throws IOException as {@link #login(String, String, String)}
     */
    public String login(String user, String passwd) throws IOException {
        return login(user, passwd, "");
    }

    /**
     * Logs in: ftplib's {@code login(user, passwd, acct)}. Sends {@code USER}; on a 3xx reply {@code PASS}; on a
     * 3xx reply {@code ACCT}. Null arguments count as empty.
     *
     * @param user   the user; empty for {@code anonymous}
     * @param passwd the password
     * @param acct   the account, sent only when the server asks for it
     * @return the final 2xx reply
     * @throws FtpPermException  on a 5xx reply, e.g. {@code 530 Login incorrect.}
     * @throws FtpReplyException when the final reply is not 2xx
     * @throws IOException       when the connection fails
     */
    public String login(String user, String passwd, String acct) throws IOException {
        return conversation.login(user, passwd, acct);
    }

    /**
     * Logs in with the credentials a {@code .netrc} holds for the connected host (its {@code default} entry
     * when none names the host), anonymously when it holds neither: the credential lookup of ftplib's
     * command-line {@code test()}.
     *
     * @param netrc the parsed {@code .netrc}
     * @return the final reply
     * @throws IOException as {@link #login(String, String, String)}
     */
    public String login(Netrc netrc) throws IOException {
        java.util.Optional<Netrc.Entry> entry = netrc.authenticators(getHost());
        return entry.isPresent()
                ? login(entry.get().login(), entry.get().password(), entry.get().account())
                : login();
    }

    /**
     * Sends {@code ACCT password}: ftplib's {@code acct(password)}.
     *
     * @param password the account information
     * @return the 2xx reply
     * @throws IOException as {@link #voidCmd(String)}
     */
    public String acct(String password) throws IOException {
        return voidCmd("ACCT " + password);
    }

    // ---------------------------------------------------------------- commands and replies

    /**
     * Sends a command and returns the reply: ftplib's {@code sendcmd}.
     *
     * @param cmd the command line, without CRLF
     * @return the 1xx, 2xx or 3xx reply
     * @throws IllegalArgumentException when the command holds CR, LF or NUL (nothing is sent)
     * @throws FtpTempException         on 4xx
     * @throws FtpPermException         on 5xx
     * @throws FtpProtoException        on any other reply, or when the connection is out of sync
     * @throws IOException              when the connection fails
     */
    public String sendCmd(String cmd) throws IOException {
        return conversation.sendCmd(cmd);
    }

    /**
     * Sends a command and expects a 2xx reply: ftplib's {@code voidcmd}.
     *
     * @param cmd the command line, without CRLF
     * @return the 2xx reply
     * @throws FtpReplyException on a 1xx or 3xx reply
     * @throws IOException       as {@link #sendCmd(String)}
     */
    public String voidCmd(String cmd) throws IOException {
        return conversation.voidCmd(cmd);
    }

    /**
     * Reads one reply and maps its class to an exception: ftplib's {@code getresp}. Only the first character
     * counts, as in ftplib, unless {@link #setStrictReplyCodes(boolean) strict reply codes} are on.
     *
     * @return the 1xx, 2xx or 3xx reply, multi-line replies joined with {@code \n}
     * @throws FtpTempException  on 4xx
     * @throws FtpPermException  on 5xx
     * @throws FtpProtoException on any other reply, an overlong or undecodable line or an endless reply
     * @throws EOFException      when the server closed the connection
     * @throws IOException       when reading fails
     */
    public String getResp() throws IOException {
        return conversation.getResp();
    }

    /**
     * Reads one reply and expects 2xx: ftplib's {@code voidresp}.
     *
     * @return the 2xx reply
     * @throws FtpReplyException on a 1xx or 3xx reply
     * @throws IOException       as {@link #getResp()}
     */
    public String voidResp() throws IOException {
        return conversation.voidResp();
    }

    // ---------------------------------------------------------------- data connections

    /**
     * Sends {@code PORT h1,h2,h3,h4,p1,p2} for an IPv4 address: ftplib's {@code sendport}.
     *
     * @param host the IPv4 address, dotted
     * @param port the port
     * @return the 2xx reply
     * @throws IOException as {@link #voidCmd(String)}
     */
    public String sendPort(String host, int port) throws IOException {
        return dataChannel.sendPort(host, port);
    }

    /**
     * Sends {@code EPRT |af|host|port|} (RFC 2428): ftplib's {@code sendeprt}.
     *
     * @param host the address, IPv4 or IPv6
     * @param port the port
     * @return the 2xx reply
     * @throws FtpProtoException when the control connection is neither IPv4 nor IPv6
     * @throws IOException       as {@link #voidCmd(String)}
     */
    public String sendEprt(String host, int port) throws IOException {
        return dataChannel.sendEprt(host, port);
    }

    /**
     * Opens a listening socket and announces it with {@code PORT} (IPv4) or {@code EPRT}: ftplib's
     * {@code makeport}. Hardened: it listens on the control connection's local address only, not on all
     * interfaces; on a port of {@link #setActivePortRange(int, int)} when one is set.
     *
     * @return the listening socket; the caller closes it
     * @throws java.net.BindException when every port of the active port range is in use (nothing was sent)
     * @throws IOException when listening or the command fails
     */
    @Override
    public ServerSocket makePort() throws IOException {
        return dataChannel.makePort();
    }

    /**
     * Asks for a passive address: ftplib's {@code makepasv}. On IPv4 sends {@code PASV} and, unless
     * {@link #setTrustServerPasvIpv4Address(boolean)} was set, replaces the advertised host with the control
     * connection's peer (CVE-2021-4189); on IPv6 sends {@code EPSV}. The port must be 1-65535, and the octets
     * of a 227 address 0-255 even when the address is not used.
     *
     * @return the host and port to connect to
     * @throws FtpProtoException when the reply is malformed or names an impossible address
     * @throws IOException       as {@link #sendCmd(String)}
     */
    @Override
    public HostPort makePasv() throws IOException {
        return dataChannel.makePasv();
    }

    /**
     * Opens a data connection for a transfer command: ftplib's {@code ntransfercmd(cmd, rest)}. Passive: asks for
     * the address, connects, then sends {@code REST} (if any) and the command. Active: listens, sends
     * {@code REST} and the command, then accepts. One 2xx before the 1xx is skipped, as ftplib does.
     *
     * @param cmd  the transfer command, e.g. {@code RETR a.txt}
     * @param rest the restart offset for {@code REST}, or {@code null} for none ({@code "0"} sends
     *             {@code REST 0}); hardened: {@code REST} must be answered 350
     * @return the data connection and the size from a 150 reply; after using it, close it and call
     *         {@link #voidResp()}
     * @throws FtpReplyException when the command is not answered 1xx, or REST not 350
     * @throws IOException       as {@link #sendCmd(String)}, or when the data connection fails
     */
    @Override
    public DataConnection ntransferCmd(String cmd, String rest) throws IOException {
        return dataChannel.open(this, cmd, rest);
    }

    /**
     * Opens a data connection without restart offset: ftplib's {@code ntransfercmd(cmd)}.
     *
     * @param cmd the transfer command
     * @return the data connection and announced size
     * @throws IOException as {@link #ntransferCmd(String, String)}
     */
    public DataConnection ntransferCmd(String cmd) throws IOException {
        return ntransferCmd(cmd, null);
    }

    /**
     * Opens a data connection at a byte offset: ftplib's {@code ntransfercmd(cmd, rest)} with an int.
     *
     * @param cmd  the transfer command
     * @param rest the restart offset
     * @return the data connection and announced size
     * @throws IOException as {@link #ntransferCmd(String, String)}
     */
    public DataConnection ntransferCmd(String cmd, long rest) throws IOException {
        return ntransferCmd(cmd, Long.toString(rest));
    }

    /**
     * Opens a data connection and returns only its socket: ftplib's {@code transfercmd(cmd)}.
     *
     * @param cmd the transfer command
     * @return the data socket; close it, then call {@link #voidResp()}
     * @throws IOException as {@link #ntransferCmd(String, String)}
     */
    public Socket transferCmd(String cmd) throws IOException {
        return ntransferCmd(cmd, null).socket();
    }

    /**
     * Opens a data connection at a restart offset and returns only its socket: ftplib's
     * {@code transfercmd(cmd, rest)}.
     *
     * @param cmd  the transfer command
     * @param rest the restart offset, or {@code null}
     * @return the data socket; close it, then call {@link #voidResp()}
     * @throws IOException as {@link #ntransferCmd(String, String)}
     */
    public Socket transferCmd(String cmd, String rest) throws IOException {
        return ntransferCmd(cmd, rest).socket();
    }

    // ---------------------------------------------------------------- transfers

    /**
     * Retrieves a file in binary mode: ftplib's {@code retrbinary(cmd, callback)} with 8192-byte blocks.
     *
     * @param cmd      the command, e.g. {@code RETR a.bin}
     * @param callback receives each block (a fresh array of at most the block size)
     * @return the final 2xx reply
     * @throws IOException as {@link #retrBinary(String, IOConsumer, int, String)}
     */
    public String retrBinary(String cmd, IOConsumer<byte[]> callback) throws IOException {
        return retrBinary(cmd, callback, DEFAULT_BLOCKSIZE, null);
    }

    /**
     * Retrieves a file in binary mode with a block size: ftplib's {@code retrbinary(cmd, callback, blocksize)}.
     *
     * @param cmd       the command
     * @param callback  receives each block
     * @param blocksize the most bytes read at once
     * @return the final 2xx reply
     * @throws IOException as {@link #retrBinary(String, IOConsumer, int, String)}
     */
    public String retrBinary(String cmd, IOConsumer<byte[]> callback, int blocksize) throws IOException {
        return retrBinary(cmd, callback, blocksize, null);
    }

    /**
     * Retrieves a file in binary mode: ftplib's {@code retrbinary(cmd, callback, blocksize, rest)}. Sends
     * {@code TYPE I}, opens the data connection, hands each block to the callback as it arrives, closes the
     * connection and reads the final reply.
     *
     * @param cmd       the command, e.g. {@code RETR a.bin}
     * @param callback  receives each block (a fresh array of at most {@code blocksize} bytes)
     * @param blocksize the most bytes read at once
     * @param rest      the restart offset, or {@code null}
     * @return the final 2xx reply
     * @throws FtpIncompleteTransferException when the byte count disagrees with the size a {@code 150 ... (N bytes)}
     *                           reply announced (the whole file, or with {@code rest} also the rest of it) or a
     *                           {@link #size(String)} call just before gave for this path
     * @throws FtpProtoException when the connection is out of sync
     * @throws IOException       as {@link #ntransferCmd(String, String)}, or what the callback throws (the
     *                           connection is out of sync then: its final reply was not read)
     */
    public String retrBinary(String cmd, IOConsumer<byte[]> callback, int blocksize, String rest)
            throws IOException {
        return transfers.retrBinary(this, cmd, callback, blocksize, rest);
    }

    /**
     * Retrieves a file in binary mode into a stream, with one reused buffer: ftplib's
     * {@code retrbinary(cmd, out.write)}, without the copy per block a callback needs, for streaming large files.
     * The stream is neither flushed nor closed.
     *
     * @param cmd the command, e.g. {@code RETR a.bin}
     * @param out where the bytes go
     * @return the final 2xx reply
     * @throws IOException as {@link #retrBinary(String, IOConsumer, int, String)}
     */
    public String retrBinary(String cmd, OutputStream out) throws IOException {
        return retrBinary(cmd, out, null);
    }

    /**
     * Retrieves a file in binary mode into a stream from a restart offset: ftplib's
     * {@code retrbinary(cmd, out.write, rest=rest)}, as {@link #retrBinary(String, OutputStream)}.
     *
     * @param cmd  the command, e.g. {@code RETR a.bin}
     * @param out  where the bytes go
     * @param rest the restart offset, or {@code null}
     * @return the final 2xx reply
     * @throws IOException as {@link #retrBinary(String, IOConsumer, int, String)}
     */
    public String retrBinary(String cmd, OutputStream out, String rest) throws IOException {
        return transfers.retrBinary(this, cmd, out, rest);
    }

    /**
     * Opens a binary download for the caller to read: ftplib's {@code retrbinary(cmd, callback, rest=rest)} turned
     * around, so the caller pulls the blocks instead of receiving them ({@code rest} 0 is ftplib's {@code None}). Sends {@code TYPE I}, {@code REST} when {@code rest} is positive, and the command, and
     * returns the open transfer; see {@link #retrStream(String, long, ExpectedSize, TransferType)}.
     *
     * @param cmd      the command, e.g. {@code RETR a.bin}
     * @param rest     the restart offset, 0 for none
     * @param expected the size of the whole file, when the caller knows it, else {@link ExpectedSize#unknown()}
     * @return the open download; read it to its end (which completes it) or abort it
     * @throws IOException as {@link #retrStream(String, long, ExpectedSize, TransferType)}
     */
    public RetrieveStream retrStream(String cmd, long rest, ExpectedSize expected) throws IOException {
        return retrStream(cmd, rest, expected, TransferType.BINARY);
    }

    /**
     * Opens a download for the caller to read: ftplib's {@code retrbinary} (or, in ASCII mode, the byte stream
     * under {@code retrlines}) turned around, so the caller pulls the data. Sends the {@code TYPE} command, opens the data
     * connection through {@link #ntransferCmd(String, String)} (so {@link FtpTls} protects it), sending
     * {@code REST rest} first when {@code rest} is positive, and returns the open transfer. The read that meets the
     * end of the data closes the data connection, reads the final reply and, in binary mode, checks the byte count
     * against every size known: the {@code 150} reply's (the whole file or the rest after {@code REST}; servers
     * differ), {@code expected} less {@code rest}, or, when {@code expected} is unknown, the answer of a
     * {@link #size(String)} call just before for exactly this path. Until the stream ends, this client refuses
     * other commands.
     *
     * @param cmd      the command, e.g. {@code RETR a.bin}
     * @param rest     the restart offset, 0 for none
     * @param expected the size of the whole file, when known (e.g. from a listing), else
     *                 {@link ExpectedSize#unknown()}; must be unknown in ASCII mode
     * @param type     the transfer type; sizes are checked in binary mode only
     * @return the open download; read it to its end (which completes it) or abort it
     * @throws IllegalArgumentException when {@code rest} is negative, or a size is expected in ASCII mode
     * @throws FtpReplyException        when the command is not answered 1xx, or REST not 350
     * @throws IOException              as {@link #ntransferCmd(String, String)}
     */
    public RetrieveStream retrStream(String cmd, long rest, ExpectedSize expected, TransferType type)
            throws IOException {
        return transfers.retrieve(this, cmd, rest, expected, type);
    }

    /**
     * Opens a binary upload for the caller to write: ftplib's {@code storbinary(cmd, fp, rest=rest)} turned around,
     * so the caller pushes the blocks instead of handing over a file object ({@code rest} 0 is ftplib's
     * {@code None}). Sends {@code TYPE I}; see {@link #storStream(String, long, TransferType)}.
     *
     * @param cmd  the command, e.g. {@code STOR a.bin} or {@code APPE a.bin}
     * @param rest the restart offset, 0 for none
     * @return the open upload; close it to finish (which reads the final reply) or abort it
     * @throws IOException as {@link #storStream(String, long, TransferType)}
     */
    public StoreStream storStream(String cmd, long rest) throws IOException {
        return storStream(cmd, rest, TransferType.BINARY);
    }

    /**
     * Opens an upload for the caller to write: ftplib's {@code storbinary} (or {@code storlines}) turned around, so
     * the caller pushes the data. Sends the {@code TYPE} command, opens the data
     * connection through {@link #ntransferCmd(String, String)}, sending {@code REST rest} first when {@code rest}
     * is positive, and returns the open transfer. In ASCII mode the caller sends CRLF line ends itself, as
     * {@link #storLines(String, InputStream, IOConsumer)} does. Until the stream ends, this client refuses other
     * commands.
     *
     * @param cmd  the command, e.g. {@code STOR a.bin} or {@code APPE a.bin}
     * @param rest the restart offset, 0 for none
     * @param type the transfer type
     * @return the open upload; close it to finish (which reads the final reply) or abort it
     * @throws IllegalArgumentException when {@code rest} is negative
     * @throws FtpReplyException        when the command is not answered 1xx, or REST not 350
     * @throws IOException              as {@link #ntransferCmd(String, String)}
     */
    public StoreStream storStream(String cmd, long rest, TransferType type) throws IOException {
        return transfers.store(this, cmd, rest, type);
    }


    /**
     * Retrieves lines in ASCII mode: ftplib's {@code retrlines(cmd)}, printing each line to standard output.
     *
     * @param cmd the command, e.g. {@code LIST} or {@code RETR a.txt}
     * @return the final 2xx reply
     * @throws IOException as {@link #retrLines(String, IOConsumer)}
     */
    public String retrLines(String cmd) throws IOException {
        return retrLines(cmd, FtpReplies::printLine);
    }

    /**
     * Retrieves lines in ASCII mode: ftplib's {@code retrlines(cmd, callback)}. Sends {@code TYPE A} (any 1-3xx
     * reply is accepted), reads the data as text in the encoding with universal newlines, hands each line
     * without its terminator to the callback, and reads the final reply.
     *
     * @param cmd      the command
     * @param callback receives each line
     * @return the final 2xx reply
     * @throws FtpException      when a line is longer than {@code maxline} ({@code got more than 8192 bytes})
     * @throws FtpProtoException when the data is not valid in the encoding
     * @throws IOException       as {@link #ntransferCmd(String, String)}, or what the callback throws; the
     *                           connection is out of sync after a failure past the 1xx reply
     */
    public String retrLines(String cmd, IOConsumer<String> callback) throws IOException {
        return transfers.retrLines(this, cmd, callback);
    }

    /**
     * Stores a file in binary mode: ftplib's {@code storbinary(cmd, fp)} with 8192-byte blocks.
     *
     * @param cmd the command, e.g. {@code STOR a.bin}
     * @param in  the content; read to its end, not closed
     * @return the final 2xx reply
     * @throws IOException as {@link #storBinary(String, InputStream, int, IOConsumer, String)}
     */
    public String storBinary(String cmd, InputStream in) throws IOException {
        return storBinary(cmd, in, DEFAULT_BLOCKSIZE, null, null);
    }

    /**
     * Stores a file in binary mode with a block size: ftplib's {@code storbinary(cmd, fp, blocksize)}.
     *
     * @param cmd       the command
     * @param in        the content; read to its end, not closed
     * @param blocksize the most bytes sent at once
     * @return the final 2xx reply
     * @throws IOException as {@link #storBinary(String, InputStream, int, IOConsumer, String)}
     */
    public String storBinary(String cmd, InputStream in, int blocksize) throws IOException {
        return storBinary(cmd, in, blocksize, null, null);
    }

    /**
     * Stores a file in binary mode with a callback per block: ftplib's
     * {@code storbinary(cmd, fp, blocksize, callback)}.
     *
     * @param cmd       the command
     * @param in        the content; read to its end, not closed
     * @param blocksize the most bytes sent at once
     * @param callback  receives each block after it was sent, or {@code null}
     * @return the final 2xx reply
     * @throws IOException as {@link #storBinary(String, InputStream, int, IOConsumer, String)}
     */
    public String storBinary(String cmd, InputStream in, int blocksize, IOConsumer<byte[]> callback)
            throws IOException {
        return storBinary(cmd, in, blocksize, callback, null);
    }

    /**
     * Stores a file in binary mode: ftplib's {@code storbinary(cmd, fp, blocksize, callback, rest)}. Sends
     * {@code TYPE I}, opens the data connection, sends the stream in blocks of {@code blocksize}, closes the
     * connection and reads the final reply.
     *
     * @param cmd       the command, e.g. {@code STOR a.bin} or {@code APPE a.bin}
     * @param in        the content; read to its end, not closed
     * @param blocksize the most bytes sent at once
     * @param callback  receives each block after it was sent, or {@code null}
     * @param rest      the restart offset, or {@code null}
     * @return the final 2xx reply
     * @throws IOException as {@link #ntransferCmd(String, String)}, or when reading {@code in} or the callback
     *                     fails (the connection is out of sync then)
     */
    public String storBinary(String cmd, InputStream in, int blocksize, IOConsumer<byte[]> callback, String rest)
            throws IOException {
        return transfers.storBinary(this, cmd, in, blocksize, callback, rest);
    }

    /**
     * Stores lines in ASCII mode: ftplib's {@code storlines(cmd, fp)}.
     *
     * @param cmd the command, e.g. {@code STOR a.txt}
     * @param in  the content as bytes; read to its end, not closed
     * @return the final 2xx reply
     * @throws IOException as {@link #storLines(String, InputStream, IOConsumer)}
     */
    public String storLines(String cmd, InputStream in) throws IOException {
        return storLines(cmd, in, null);
    }

    /**
     * Stores lines in ASCII mode: ftplib's {@code storlines(cmd, fp, callback)}. Sends {@code TYPE A}, reads the
     * stream line by line at {@code \n}, and sends each line ending in CRLF (a lone trailing {@code \r} or
     * {@code \n} becomes CRLF, an unterminated last line gets one).
     *
     * @param cmd      the command
     * @param in       the content as bytes; read to its end, not closed
     * @param callback receives each line as sent, or {@code null}
     * @return the final 2xx reply
     * @throws FtpException when a line is longer than {@code maxline} bytes (the connection is out of sync)
     * @throws IOException  as {@link #storBinary(String, InputStream, int, IOConsumer, String)}
     */
    public String storLines(String cmd, InputStream in, IOConsumer<byte[]> callback) throws IOException {
        return transfers.storLines(this, cmd, in, callback);
    }

    // ---------------------------------------------------------------- listings

    /**
     * Lists names: ftplib's {@code nlst(*args)}, sending {@code NLST} plus {@code ' ' + arg} for every argument
     * (an empty one too).
     *
     * @param args the arguments, e.g. a directory
     * @return the lines of the listing, empty lines kept
     * @throws IOException as {@link #retrLines(String, IOConsumer)}
     */
    public List<String> nlst(String... args) throws IOException {
        StringBuilder cmd = new StringBuilder("NLST");
        for (String arg : args) {
            cmd.append(' ').append(arg);
        }
        List<String> files = new ArrayList<>();
        retrLines(cmd.toString(), files::add);
        return files;
    }

    /**
     * Lists a directory in the server's long format to standard output: ftplib's {@code dir(*args)}. Sends
     * {@code LIST} plus {@code ' ' + arg} for every non-empty argument.
     *
     * @param args the arguments, e.g. a directory
     * @throws IOException as {@link #retrLines(String, IOConsumer)}
     */
    public void dir(String... args) throws IOException {
        dir(FtpReplies::printLine, args);
    }

    /**
     * Lists a directory in the server's long format: ftplib's {@code dir(*args, callback)}.
     *
     * @param callback receives each line
     * @param args     the arguments; empty ones are left out
     * @throws IOException as {@link #retrLines(String, IOConsumer)}
     */
    public void dir(IOConsumer<String> callback, String... args) throws IOException {
        StringBuilder cmd = new StringBuilder("LIST");
        for (String arg : args) {
            if (arg != null && !arg.isEmpty()) {
                cmd.append(' ').append(arg);
            }
        }
        retrLines(cmd.toString(), callback);
    }

    /**
     * Lists the current directory with {@code MLSD} (RFC 3659): ftplib's {@code mlsd()}, read eagerly.
     *
     * @return the entries
     * @throws FtpPermException when the server does not know MLSD (e.g. {@code 500 Unknown command}, vsftpd)
     * @throws IOException      as {@link #retrLines(String, IOConsumer)}
     */
    public List<MlsdEntry> mlsd() throws IOException {
        return mlsd("", List.of());
    }

    /**
     * Lists a directory with {@code MLSD}: ftplib's {@code mlsd(path)}, read eagerly.
     *
     * @param path the directory; empty for the current one
     * @return the entries
     * @throws IOException as {@link #mlsd()}
     */
    public List<MlsdEntry> mlsd(String path) throws IOException {
        return mlsd(path, List.of());
    }

    /**
     * Lists a directory with {@code MLSD}, asking for facts first: ftplib's {@code mlsd(path, facts)}, read
     * eagerly. Sends {@code OPTS MLST f1;f2;} when facts are given, then {@code MLSD [path]}.
     *
     * @param path  the directory; empty for the current one
     * @param facts the facts to ask for, e.g. {@code size}, {@code modify}; empty for the server's default
     * @return the entries
     * @throws IOException as {@link #mlsd()}
     */
    public List<MlsdEntry> mlsd(String path, List<String> facts) throws IOException {
        List<MlsdEntry> entries = new ArrayList<>();
        mlsd(path, facts, entries::add);
        return entries;
    }

    /**
     * Lists a directory with {@code MLSD}, handing each entry to a sink as it arrives: ftplib's
     * {@code for entry in mlsd(path, facts)}, whose generator the sink replaces, for directories too large to hold
     * in memory.
     *
     * @param path  the directory; empty for the current one
     * @param facts the facts to ask for; empty for the server's default
     * @param sink  receives each entry
     * @throws IOException as {@link #mlsd()}, or what the sink throws
     */
    public void mlsd(String path, List<String> facts, IOConsumer<MlsdEntry> sink) throws IOException {
        if (!facts.isEmpty()) {
            sendCmd("OPTS MLST " + String.join(";", facts) + ";");
        }
        String cmd = path == null || path.isEmpty() ? "MLSD" : "MLSD " + path;
        retrLines(cmd, line -> sink.accept(MlsdLine.parse(line)));
    }

    /**
     * Opens a listing for reading record by record, as the protocol frames it: sends {@code TYPE A}, then the
     * command through {@link #ntransferCmd(String, String)}, and returns the records, each ended by CRLF, so a
     * name holding a bare CR or LF arrives as one record. ftplib has no counterpart; {@link #retrLines} keeps
     * Python's universal newlines. A record over {@code maxRecordBytes} is handed out marked too long rather than
     * failing the listing; the listing as a whole is bounded by {@code maxListingBytes}, and in time by the
     * {@link #setListingTimeout(Duration) listing timeout}. Until the records end (or are closed), this client
     * refuses other commands.
     *
     * @param cmd             the listing command, e.g. {@code MLSD dir}, {@code LIST dir} or {@code NLST dir}
     * @param maxRecordBytes  the most bytes kept of one record, at least 1
     * @param maxListingBytes the most bytes read of the whole listing, at least 1
     * @return the open listing; read it to its end or close it
     * @throws IllegalArgumentException when a bound is below 1
     * @throws FtpReplyException        when the command is not answered 1xx
     * @throws IOException              as {@link #ntransferCmd(String, String)}
     */
    public ListingRecords retrRecords(String cmd, int maxRecordBytes, long maxListingBytes) throws IOException {
        if (maxRecordBytes < 1 || maxListingBytes < 1) {
            throw new IllegalArgumentException("the record and listing bounds must be at least 1, were "
                    + maxRecordBytes + " and " + maxListingBytes);
        }
        RetrieveStream in = retrStream(cmd, 0, ExpectedSize.unknown(), TransferType.ASCII);
        ListingDeadline deadline = ListingDeadline.start(cmd, settings.listingTimeout(), in.dataSocket());
        return new ListingRecords(in, cmd, getEncoding(), maxRecordBytes, maxListingBytes, deadline);
    }

    // ---------------------------------------------------------------- file and directory commands

    /**
     * Renames a file: ftplib's {@code rename}, sending {@code RNFR from} then {@code RNTO to}.
     *
     * @param fromName the current name
     * @param toName   the new name
     * @return the RNTO reply
     * @throws FtpReplyException when RNFR is not answered 3xx
     * @throws IOException       as {@link #voidCmd(String)}
     */
    public String rename(String fromName, String toName) throws IOException {
        String resp = sendCmd("RNFR " + fromName);
        if (resp.charAt(0) != '3') {
            throw new FtpReplyException(resp, conversation.context(resp), null);
        }
        return voidCmd("RNTO " + toName);
    }

    /**
     * Deletes a file: ftplib's {@code delete}, sending {@code DELE name}.
     *
     * @param filename the file
     * @return the reply, 250 or 200
     * @throws FtpReplyException on any other 1-3xx reply
     * @throws IOException       as {@link #sendCmd(String)}
     */
    public String delete(String filename) throws IOException {
        String resp = sendCmd("DELE " + filename);
        if (resp.startsWith("250") || resp.startsWith("200")) {
            return resp;
        }
        throw new FtpReplyException(resp, conversation.context(resp), null);
    }

    /**
     * Changes the directory: ftplib's {@code cwd}. {@code ".."} sends {@code CDUP} (falling back to
     * {@code CWD ..} when CDUP is answered 500); an empty name sends {@code CWD .}.
     *
     * @param dirname the directory
     * @return the 2xx reply
     * @throws IOException as {@link #voidCmd(String)}
     */
    public String cwd(String dirname) throws IOException {
        String target = dirname;
        if (dirname.equals("..")) {
            try {
                return voidCmd("CDUP");
            } catch (FtpPermException e) {
                if (!e.reply().startsWith("500")) {
                    throw e;
                }
            }
        } else if (dirname.isEmpty()) {
            target = ".";
        }
        return voidCmd("CWD " + target);
    }

    /**
     * Asks for a file's size: ftplib's {@code size}, sending {@code SIZE name}.
     *
     * <p>Beyond ftplib, as curl does: the size is remembered for the next transfer of this connection, and when
     * that is a {@code RETR} of exactly {@code filename} (the same string, in the same directory) whose caller
     * gave no {@link ExpectedSize}, the download must deliver that many bytes (less a restart offset), or it
     * fails with an {@link FtpIncompleteTransferException} naming "the SIZE reply". Any other transfer forgets
     * it, and so does a new connection.
     *
     * @param filename the file
     * @return the size when the reply is 213, else empty
     * @throws FtpProtoException when a 213 reply holds no plain decimal number
     * @throws IOException       as {@link #sendCmd(String)}
     */
    public OptionalLong size(String filename) throws IOException {
        conversation.forgetSize();
        String resp = sendCmd("SIZE " + filename);
        OptionalLong size = FtpReplies.parse213(resp, conversation.context(resp));
        size.ifPresent(bytes -> conversation.rememberSize(filename, bytes));
        return size;
    }


    /**
     * Checks that the server holds a whole upload: sends {@code SIZE path} and compares the size with the bytes
     * the upload should have left there (e.g. {@link StoreStream#bytesSent()}, plus the restart offset of a
     * resumed upload). Beyond ftplib. Call it in binary mode, as after a binary upload: several servers refuse
     * {@code SIZE} in ASCII mode.
     *
     * @param path          the uploaded file, as named in {@code STOR}/{@code APPE}
     * @param expectedBytes the size the file should have now
     * @return the size the server reports, or empty when it does not offer {@code SIZE} (a 500, 502 or 504
     *         reply, or a 1-3xx reply other than 213): nothing could be checked then
     * @throws FtpIncompleteTransferException when the server holds another size (source
     *                                        {@code "the SIZE reply after the upload"}); the connection stays in step
     * @throws IOException                    as {@link #sendCmd(String)}, e.g. a 550 when the file is missing
     */
    public OptionalLong checkStoredSize(String path, long expectedBytes) throws IOException {
        return transfers.checkStoredSize(path, expectedBytes);
    }

    /**
     * Makes a directory: ftplib's {@code mkd}, sending {@code MKD name}.
     *
     * @param dirname the directory
     * @return the created path from the 257 reply, or empty when the reply is another 2xx
     * @throws IOException as {@link #voidCmd(String)}
     */
    public String mkd(String dirname) throws IOException {
        String resp = voidCmd("MKD " + dirname);
        // IIS answers MKD with 250: no path to parse (ftplib's comment)
        return resp.startsWith("257") ? FtpReplies.parse257(resp) : "";
    }

    /**
     * Removes a directory: ftplib's {@code rmd}, sending {@code RMD name}.
     *
     * @param dirname the directory
     * @return the 2xx reply
     * @throws IOException as {@link #voidCmd(String)}
     */
    public String rmd(String dirname) throws IOException {
        return voidCmd("RMD " + dirname);
    }

    /**
     * Returns the current directory: ftplib's {@code pwd}, sending {@code PWD}.
     *
     * @return the path from the 257 reply, or empty when the reply is another 2xx
     * @throws IOException as {@link #voidCmd(String)}
     */
    public String pwd() throws IOException {
        String resp = voidCmd("PWD");
        return resp.startsWith("257") ? FtpReplies.parse257(resp) : "";
    }

    /**
     * Aborts a transfer: ftplib's {@code abort}. Sends {@code ABOR\r\n} with the last byte as TCP urgent data
     * (ftplib's {@code MSG_OOB}; no Telnet IP/Synch, which ftplib found not to work), then reads one reply,
     * which must be 426, 225 or 226. Hardened: after a 426, or while the final reply of a transfer from
     * {@link #ntransferCmd} is still unread, the reply to ABOR that follows is read too (within the timeout, or
     * 5 seconds without one), so it cannot answer the next command. When that second reply does not come in
     * time the connection is left out of sync: a server that dropped the urgent byte still holds {@code ABOR\r}.
     * Servers that handle one command at a time (Apache FtpServer) read ABOR only after the transfer ends:
     * close the data connection first there.
     *
     * @return the reply
     * @throws FtpProtoException when the reply is another one
     * @throws IOException       when the connection fails
     */
    public String abort() throws IOException {
        return conversation.abort(abortsWithUrgentData(), getTimeout());
    }

    /** Whether ABOR's last byte goes as TCP urgent data; {@link FtpTls} says no, TLS sockets have none. */
    boolean abortsWithUrgentData() {
        return true;
    }

    /**
     * Sends {@code QUIT} and closes the connection: ftplib's {@code quit}. If QUIT fails the connection stays
     * open, as in ftplib.
     *
     * @return the 2xx reply
     * @throws IOException as {@link #voidCmd(String)}
     */
    public String quit() throws IOException {
        String resp = voidCmd("QUIT");
        disconnect();
        return resp;
    }

    /**
     * Closes the connection without a word to the server: ftplib's {@code close()}. Idempotent; never throws
     * (a failure to close is logged at DEBUG).
     */
    public void disconnect() {
        conversation.disconnect();
    }

    /**
     * Closes the control connection and the data connection of a transfer in progress at once, without a word to
     * the server. Unlike every other method it may be called from another thread, e.g. by an application that is
     * stopping: the thread using this client fails its blocked read or write with an {@link IOException} at once
     * (a server that trickles a listing or never answers no longer holds it), and with that failure the client
     * falls {@link #isOutOfSync() out of sync}; call {@link #disconnect()} from that thread to finish. No Python
     * counterpart (there, closing the socket from another thread does the same).
     */
    public void cancel() {
        conversation.cancel();
    }

    /**
     * Ends the conversation as ftplib's {@code with} block does on exit: sends {@code QUIT} when connected and in
     * sync, then always disconnects. An I/O failure of QUIT on a dead connection is dropped (logged at DEBUG),
     * as ftplib drops {@code OSError}/{@code EOFError}; an error reply to QUIT is thrown. Idempotent.
     *
     * @throws FtpException when the server answers QUIT with an error
     */
    @Override
    public void close() throws FtpException {
        try {
            if (isConnected() && !isOutOfSync()) {
                quit();
            }
        } catch (FtpException e) {
            throw e;
        } catch (IOException e) {
            LOG.debug("QUIT to {}:{} failed; closing anyway", getHost(), getPort(), e);
        } finally {
            disconnect();
        }
    }

    /**
     * Copies a file from one server to another without passing through this host (FXP): ftplib's
     * {@code ftpcp}. The target is sent the source's control peer address, never the address the source
     * advertised (the upstream fix of gh-87451), unless the source trusts its PASV address.
     *
     * @param source     the server holding the file
     * @param sourceName the file on the source
     * @param target     the server to store to
     * @param targetName the name on the target; empty for {@code sourceName}
     * @param type       the transfer type, e.g. {@code I}
     * @throws FtpProtoException when STOR or RETR is not answered 125 or 150
     * @throws IOException       when either conversation fails
     */
    public static void ftpcp(Ftp source, String sourceName, Ftp target, String targetName, String type)
            throws IOException {
        String name = targetName == null || targetName.isEmpty() ? sourceName : targetName;
        source.voidCmd("TYPE " + type);
        target.voidCmd("TYPE " + type);
        HostPort address = source.makePasv();
        target.sendPort(address.host(), address.port());
        String treply = target.sendCmd("STOR " + name);
        if (!treply.startsWith("125") && !treply.startsWith("150")) {
            throw new FtpProtoException(treply);
        }
        String sreply = source.sendCmd("RETR " + sourceName);
        if (!sreply.startsWith("125") && !sreply.startsWith("150")) {
            throw new FtpProtoException(sreply);
        }
        source.voidResp();
        target.voidResp();
    }

    // ---------------------------------------------------------------- settings

    /**
     * Sets the debug level: ftplib's {@code set_debuglevel}. 0: lines go to DEBUG/TRACE only; 1: commands and
     * replies at INFO; 2: also raw lines; 3: also each line of {@link #retrLines}. Passwords are masked.
     *
     * @param level the level, 0 to 3
     */
    public void setDebugLevel(int level) {
        conversation.log().setLevel(level);
    }

    /**
     * Returns the debug level.
     *
     * @return the level set by {@link #setDebugLevel(int)}
     */
    public int getDebugLevel() {
        return conversation.log().level();
    }

    /**
     * Chooses passive (the default) or active mode: ftplib's {@code set_pasv}.
     *
     * @param passive true for PASV/EPSV, false for PORT/EPRT
     */
    public void setPasv(boolean passive) {
        settings.setPassive(passive);
    }

    /**
     * Tells whether passive mode is on.
     *
     * @return true in passive mode
     */
    public boolean isPassive() {
        return settings.isPassive();
    }

    /**
     * Restricts the local ports {@link #makePort()} listens on in active mode to {@code min}-{@code max}, both
     * inclusive, for firewalls that let the server connect back only to those. Beyond ftplib, whose
     * {@code makeport} lets the OS pick. The ports are tried from a random one in the range onwards, so clients
     * sharing a range rarely collide; when all are in use, {@code makePort} fails with a
     * {@link java.net.BindException} naming the range, before any command is sent.
     *
     * @param min the lowest port, 1-65535; 0 (with {@code max} 0) lets the OS pick again
     * @param max the highest port, {@code min}-65535
     * @throws IllegalArgumentException when the range is empty or outside 1-65535
     */
    public void setActivePortRange(int min, int max) {
        settings.setActivePorts(min == 0 && max == 0 ? null : new PortRange(min, max));
    }

    /**
     * Chooses whether the host in a PASV reply is used (ftplib's {@code trust_server_pasv_ipv4_address}). Off by
     * default, so a server cannot point the client at another host (CVE-2021-4189).
     *
     * @param trust true to connect to the advertised address
     */
    public void setTrustServerPasvIpv4Address(boolean trust) {
        settings.setTrustServerPasvIpv4Address(trust);
    }

    /**
     * Tells whether the host in a PASV reply is used.
     *
     * @return the setting, false by default
     */
    public boolean isTrustServerPasvIpv4Address() {
        return settings.isTrustServerPasvIpv4Address();
    }

    // ---------------------------------------------------------------- networks: NAT, firewalls, idle timeouts

    /**
     * Advertises {@code address} in active mode's {@code PORT}/{@code EPRT} instead of the control connection's
     * local address, for a client behind NAT whose router forwards the active port range to it (Commons Net's
     * {@code setActiveExternalIPAddress}). The client still listens on its local address. Beyond ftplib. An IPv4
     * address goes into {@code PORT} on an IPv4 connection, anything else into {@code EPRT}.
     *
     * @param address the external address, or null to advertise the local one again
     */
    public void setActiveExternalAddress(InetAddress address) {
        settings.setActiveExternalAddress(address);
    }

    /**
     * Returns the address active mode advertises instead of the local one.
     *
     * @return the address, or null for the control connection's local address
     */
    public InetAddress getActiveExternalAddress() {
        return settings.activeExternalAddress();
    }

    /**
     * Sends {@code EPSV} instead of {@code PASV} on IPv4 connections too (RFC 2428), for firewalls and NAT that
     * rewrite or block the address in a 227 reply; the data connection goes to the control connection's peer. When
     * the server answers 500, 502 or 504 (it does not know EPSV), {@code PASV} is sent instead. Beyond ftplib, whose
     * {@code makepasv} uses EPSV on IPv6 only. Off by default.
     *
     * @param useEpsv true to send EPSV on IPv4
     */
    public void setUseEpsvWithIpv4(boolean useEpsv) {
        settings.setUseEpsvWithIpv4(useEpsv);
    }

    /**
     * Tells whether EPSV is sent on IPv4.
     *
     * @return the setting, false by default
     */
    public boolean isUseEpsvWithIpv4() {
        return settings.isUseEpsvWithIpv4();
    }

    /**
     * Sends {@code PRET <transfer command>} before {@code PASV}/{@code EPSV} of every passive transfer, as
     * distributed servers such as DrFTPD require to pick the node that serves the data; the reply must be 2xx. Set it
     * only for a server whose {@code FEAT} lists {@code PRET}. Beyond ftplib. Off by default.
     *
     * @param usePret true to send PRET
     */
    public void setUsePret(boolean usePret) {
        settings.setUsePret(usePret);
    }

    /**
     * Tells whether PRET is sent before passive transfers.
     *
     * @return the setting, false by default
     */
    public boolean isUsePret() {
        return settings.isUsePret();
    }

    /**
     * Sends {@code NOOP} on the control connection every {@code interval} while a download or upload moves data
     * ({@link #retrStream}, {@link #storStream}, {@link #retrBinary(String, OutputStream)}, {@link #storBinary} and
     * their variants), so a firewall or NAT that drops connections idle for longer keeps the control connection and
     * the final reply arrives (Commons Net's {@code setControlKeepAliveTimeout}). The NOOP replies are read after the
     * data with the final reply, in whatever order the server sends them; see
     * {@link #setControlKeepAliveReplyTimeout(Duration)}. Beyond ftplib. Off by default.
     *
     * @param interval how often, or null or zero for never
     * @throws IllegalArgumentException when negative
     */
    public void setControlKeepAliveTimeout(Duration interval) {
        settings.setControlKeepAliveTimeout(interval);
    }

    /**
     * Returns how often a transfer sends NOOP on the control connection.
     *
     * @return the interval, or null when off
     */
    public Duration getControlKeepAliveTimeout() {
        return settings.controlKeepAliveTimeout();
    }

    /**
     * Sets how long each keepalive NOOP reply still owed after a transfer's final reply is awaited (1 second by
     * default, as Commons Net's). When one does not come, the transfer still succeeds, but the connection is out of
     * sync ({@link #isOutOfSync()}): reconnect before the next command.
     *
     * @param timeout the wait per reply
     * @throws IllegalArgumentException when null, zero or negative
     */
    public void setControlKeepAliveReplyTimeout(Duration timeout) {
        settings.setControlKeepAliveReplyTimeout(timeout);
    }

    /**
     * Returns how long a keepalive NOOP reply still owed after a transfer is awaited.
     *
     * @return the timeout, 1 second by default
     */
    public Duration getControlKeepAliveReplyTimeout() {
        return settings.controlKeepAliveReplyTimeout();
    }

    /**
     * Requires every reply to start with a code 100-599 followed by a space, a dash or nothing, as
     * RFC 959 section 4.2 defines replies. Off by default, as ftplib checks the first character only.
     *
     * @param strict true to refuse replies such as {@code 2ab ok}
     */
    public void setStrictReplyCodes(boolean strict) {
        conversation.setStrictReplyCodes(strict);
    }

    /**
     * Tells whether reply codes are checked strictly.
     *
     * @return the setting, false by default
     */
    public boolean isStrictReplyCodes() {
        return conversation.isStrictReplyCodes();
    }

    /**
     * Returns the encoding of commands, replies and text transfers.
     *
     * @return the charset, UTF-8 unless given to the constructor
     */
    public Charset getEncoding() {
        return conversation.encoding();
    }

    /**
     * Returns the timeout of sockets.
     *
     * @return the timeout, {@code null} for blocking forever
     */
    public Duration getTimeout() {
        return settings.timeout();
    }

    /**
     * Sets the timeout of the next connection and of data connections (ftplib's {@code timeout} attribute).
     *
     * @param timeout the timeout, {@code null} to block forever
     * @throws IllegalArgumentException when zero or negative
     */
    public void setTimeout(Duration timeout) {
        settings.setTimeout(timeout);
    }

    /**
     * Returns the bound on a whole listing.
     *
     * @return the listing timeout, {@code null} (the default, as in ftplib) for none
     */
    public Duration getListingTimeout() {
        return settings.listingTimeout();
    }

    /**
     * Bounds the whole of each {@link #retrLines(String, IOConsumer) retrLines} transfer ({@code LIST},
     * {@code NLST}, {@code MLSD} and the methods built on them), from its data connection to its last line. The
     * {@link #setTimeout(Duration) timeout} bounds each read only, so a server that trickles a line every few
     * seconds could hold the caller forever. When the bound passes, the data connection is closed and the listing
     * fails with a {@link java.net.SocketTimeoutException} saying so; its final reply is not awaited, so the
     * connection is {@link #isOutOfSync() out of sync}. No Python counterpart.
     *
     * @param listingTimeout the bound, {@code null} for none
     * @throws IllegalArgumentException when zero or negative
     */
    public void setListingTimeout(Duration listingTimeout) {
        settings.setListingTimeout(listingTimeout);
    }

    /**
     * Returns the local address sockets bind to.
     *
     * @return the address, or {@code null}
     */
    public InetSocketAddress getSourceAddress() {
        return settings.sourceAddress();
    }

    /**
     * Sets the local address the next connection and passive data connections bind to (ftplib's
     * {@code source_address}).
     *
     * @param sourceAddress the address, or {@code null}
     */
    public void setSourceAddress(InetSocketAddress sourceAddress) {
        settings.setSourceAddress(sourceAddress);
    }

    /**
     * Sends the next connections through a proxy: the control connection of the next {@code connect} and every
     * passive data connection after it (Commons Net: {@code FTPHTTPClient}, or a SOCKS socket factory). The proxy
     * resolves and connects to the FTP host; a passive data connection goes to the FTP host as named in
     * {@code connect} (the PASV address rule of {@link #setTrustServerPasvIpv4Address(boolean)} is unchanged), and
     * {@link FtpTls} runs TLS end to end over the tunnel, checking the FTP host's certificate. Active mode cannot
     * go through a proxy: a transfer in active mode then fails with {@link IllegalStateException}. Through a
     * proxy the control connection's address family is not known here: {@code PASV} is used unless the host is an
     * IPv6 literal. Not in ftplib.
     *
     * @param proxy the proxy, or {@code null} to connect directly (the default)
     */
    public void setProxy(FtpProxy proxy) {
        settings.setProxy(proxy);
    }

    /**
     * Returns the proxy connections go through.
     *
     * @return the proxy, or {@code null} when connecting directly
     */
    public FtpProxy getProxy() {
        return settings.proxy();
    }

    /**
     * Returns the most characters a reply or text line may have.
     *
     * @return ftplib's {@code maxline}, 8192 by default
     */
    public int getMaxline() {
        return conversation.maxline();
    }

    /**
     * Sets the most characters a reply or text line may have.
     *
     * @param maxline the bound, at least 1
     */
    public void setMaxline(int maxline) {
        if (maxline < 1) {
            throw new IllegalArgumentException("maxline must be at least 1, was " + maxline);
        }
        conversation.setMaxline(maxline);
    }

    /**
     * Returns the host of the last connection.
     *
     * @return the host, empty before the first
     */
    public String getHost() {
        return conversation.host();
    }

    /**
     * Returns the port of the last connection.
     *
     * @return the port, 21 unless changed
     */
    public int getPort() {
        return conversation.port();
    }

    /**
     * Returns the code of the last reply: ftplib's {@code lastresp}.
     *
     * @return the first three characters of the last reply, or {@code null}
     */
    public String getLastResp() {
        return conversation.lastResp();
    }

    /**
     * Returns the address family of the control connection: ftplib's {@code af}.
     *
     * @return INET or INET6
     * @throws IllegalStateException when not connected
     */
    public StandardProtocolFamily getAddressFamily() {
        return conversation.addressFamily();
    }

    /**
     * Tells whether a control connection is open (ftplib's {@code sock is not None}).
     *
     * @return true between {@code connect} and {@code quit}/{@code disconnect}
     */
    public boolean isConnected() {
        return conversation.isConnected();
    }

    /**
     * Tells whether the connection is out of sync: a transfer or reply failed while a reply was still due, so
     * further commands fail fast. Reconnect to go on.
     *
     * @return true when no further command may be sent
     */
    public boolean isOutOfSync() {
        return conversation.isOutOfStep();
    }

    /**
     * Returns the control socket, for subclasses and diagnostics.
     *
     * @return the socket, or {@code null} when not connected
     */
    public Socket getSocket() {
        return conversation.socket();
    }

    /**
     * Masks a password in a command as ftplib's {@code sanitize} does (length kept; beyond ftplib, {@code ACCT}
     * and any letter case too) and returns Python's {@code repr} of the result.
     *
     * @param s a command or reply
     * @return the masked, quoted text, e.g. {@code 'PASS *****'}
     */
    public String sanitize(String s) {
        return WireLog.sanitize(s);
    }
}

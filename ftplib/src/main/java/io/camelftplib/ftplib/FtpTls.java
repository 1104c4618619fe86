package io.camelftplib.ftplib;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An FTP client connection secured with TLS (RFC 4217): a port of Python 3.11's {@code ftplib.FTP_TLS}.
 *
 * <pre>{@code
 * try (FtpTls ftp = new FtpTls()) {            // JDK trust store, host name verification on
 *     ftp.connect("ftp.example.org", 21);
 *     ftp.login("user", "secret");             // AUTH TLS first, so the password is encrypted
 *     ftp.protP();                             // PBSZ 0 + PROT P: encrypt the data connections too
 *     ftp.retrBinary("RETR report.csv", out);
 * }
 * }</pre>
 *
 * <p>As in ftplib, {@link #login} secures the control connection first ({@link #auth()}), data connections are
 * encrypted only after {@link #protP()}, and the TLS handshake of a data connection runs after the server's 1xx
 * reply. A refused {@code AUTH TLS} is an exception: the conversation never goes on in plain text, and
 * {@code USER} is not sent. Beyond ftplib:
 * <ul>
 * <li><b>Verification.</b> The certificate chain is checked by the {@link SSLContext}'s trust managers, and its
 *     name against the host given to {@code connect} ({@code HTTPS} endpoint identification, SNI with a host
 *     name) on the control <em>and</em> every data connection (ftplib's default context checks nothing). A
 *     mismatch fails the handshake with a message naming the host. To turn the name check off, call
 *     {@link #setHostnameVerification(boolean) setHostnameVerification(false)}: the chain is still checked.</li>
 * <li><b>TLS session reuse.</b> Every data connection resumes the control connection's TLS session, which
 *     vsftpd ({@code require_ssl_reuse=YES}), ProFTPD (unless {@code NoSessionReuseRequired}) and FileZilla
 *     Server demand, so that nobody but the authenticated client can use a data port. JSSE's
 *     client keeps sessions in the {@link SSLContext}'s client session cache, keyed by the peer host and port
 *     an engine was created with. Each connection here gets its own {@link javax.net.ssl.SSLEngine}, created with
 *     the <em>control</em> connection's host and port, whichever port it is connected to; so the data
 *     connection's ClientHello offers the control session:
 *     <ul>
 *     <li>TLS 1.2: the control session is cached when its handshake ends; the data handshake sends its session
 *         id (or ticket) and the server resumes it: the data session has the control session's id.</li>
 *     <li>TLS 1.3: there are no session ids; the server sends a NewSessionTicket <em>after</em> the handshake,
 *         as ordinary records, so it is not cached when the handshake returns (why copying a session id into a
 *         commons-net socket by reflection fails on TLS 1.3). The engine consumes the ticket with the next
 *         records it reads on the control connection: the reply to the next command (USER, PBSZ), always read
 *         before any data connection opens. The data handshake then offers the ticket as a pre-shared key, and
 *         the resumed session keeps the control session's creation time. A data connection's own ticket, read
 *         during the transfer or before it closes, joins the same cache entry.</li>
 *     </ul>
 *     Each login has its own entry in the context's cache ({@link ConversationSessions}): sharing one entry per
 *     server, two logins through one context took each other's single-use TLS 1.3 tickets, and a data connection
 *     finding none was refused. A layered
 *     {@code SSLSocketFactory.createSocket(dataSocket, host, controlPort, true)} would be keyed by the data
 *     socket's own port and never resume (measured on JDK 17). What the server decides remains, measured against
 *     the servers of {@code src/it} on JDK 17; when a data connection did not resume, a 425, 426 or 522 reply and a
 *     failed transfer say so and what to do:
 *     <ul>
 *     <li>JSSE uses each TLS 1.3 ticket once. vsftpd sends a new ticket on every data connection; ProFTPD 1.3.8
 *         only on downloads and listings, so after an upload the next data connection of that login cannot
 *         resume (425). {@link #hasResumableSession()} tells when: log in again then.</li>
 *     <li>JSSE drops TLS 1.2 session tickets valid for more than 7 days. vsftpd issues one valid for
 *         2<sup>31</sup> seconds and then gives the session no id, so nothing can be resumed (522), whatever the
 *         client does. Offer TLS 1.3, or create the {@link SSLContext} while the system property
 *         {@code jdk.tls.client.enableSessionTicketExtension} is {@code false} (JSSE reads it when a context is
 *         created).</li>
 *     </ul></li>
 * <li><b>Implicit TLS</b> (port 990 style, no {@code AUTH}): {@link #setImplicit(boolean) setImplicit(true)}
 *     before {@code connect}.</li>
 * <li><b>End of data.</b> A protected download that ends without the server's close_notify fails with an
 *     {@link javax.net.ssl.SSLException}: it may have been cut.</li>
 * <li><b>STARTTLS injection.</b> Plain text sent after the {@code 234} reply, before the handshake, fails with
 *     {@link FtpProtoException} and closes the connection: a man in the middle could have injected it, to
 *     be read as a reply once TLS is up.</li>
 * </ul>
 *
 * <p>Owns its control socket, which is a {@link SSLSocket} once secured ({@link #getSocket()}); data sockets of
 * {@link #ntransferCmd(String, String)} are {@link SSLSocket}s while {@link #isProtP()}. Not thread-safe: one
 * control connection carries one conversation.
 */
public final class FtpTls extends Ftp {

    /** The port of implicit FTPS, 990. */
    public static final int FTPS_IMPLICIT_PORT = 990;

    private static final Logger LOG = LoggerFactory.getLogger(FtpTls.class);

    private TlsSockets tls;
    private boolean protP;
    private boolean implicit;
    private String reuseAdvice = TlsSockets.DEFAULT_TLS12_REUSE_ADVICE;
    /** This conversation's own entry in the context's session cache; replaced with each control handshake. */
    private ConversationSessions sessions;
    /** The control session's TLS version, kept after CCC ends TLS on the control connection. */
    private String controlProtocol;
    /** The cached session ids before the last data connection's handshake; null before the first one. */
    private Set<ByteBuffer> idsBeforeLastData;

    /**
     * Creates an unconnected client with the JDK's default {@link SSLContext} (its default trust store) and host
     * name verification on.
     *
     * @throws IllegalStateException when the JDK has no default context
     */
    public FtpTls() {
        this(defaultContext());
    }

    /**
     * Creates an unconnected client with UTF-8 encoding: ftplib's {@code FTP_TLS(context=context)}.
     *
     * @param context the source of trust, keys and the session cache
     */
    public FtpTls(SSLContext context) {
        this(context, StandardCharsets.UTF_8);
    }

    /**
     * Creates an unconnected client.
     *
     * @param context  the source of trust, keys and the session cache
     * @param encoding the charset of commands, replies and text transfers
     */
    public FtpTls(SSLContext context, Charset encoding) {
        super(encoding);
        this.tls = new TlsSockets(Objects.requireNonNull(context, "context"), true, List.of());
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default SSLContext; pass one to new FtpTls(context)", e);
        }
    }

    // ---------------------------------------------------------------- securing the control connection

    /**
     * Secures the control connection: ftplib's {@code auth()}. Sends {@code AUTH TLS} (any 2xx reply is
     * accepted, as in ftplib), then runs the TLS handshake. Any failure closes the connection: a conversation
     * that asked for TLS never goes on in plain text.
     *
     * @return the reply to {@code AUTH TLS}, e.g. {@code 234 AUTH TLS successful}
     * @throws IllegalStateException when the control connection is already secured ({@code Already using TLS})
     *                               or not connected
     * @throws FtpPermException      when the server refuses TLS (e.g. {@code 500} or {@code 502})
     * @throws FtpProtoException     when the server sent more after the reply, before the handshake (it could
     *                               be injected)
     * @throws javax.net.ssl.SSLException when the handshake fails, e.g. a certificate not naming the host
     * @throws IOException           when the connection fails
     */
    public String auth() throws IOException {
        if (isControlSecured()) {
            throw new IllegalStateException("Already using TLS");
        }
        String resp = voidCmd("AUTH TLS");
        ControlChannel control = conversation.control();
        if (control.hasBufferedBytes()) {
            disconnect();
            throw new FtpProtoException(resp, conversation.context(resp) + "; the server sent more data after it,"
                    + " before the TLS handshake: refusing that plain text, which a man in the middle could have"
                    + " injected to be read as a reply once TLS is up; the connection is closed", null);
        }
        try {
            control.attach(secureControl(control.socket()));
        } catch (IOException | RuntimeException e) {
            disconnect();
            throw e;
        }
        return resp;
    }

    /**
     * Ends TLS on the control connection, keeping it open in plain text: ftplib's {@code ccc()}. Sends
     * {@code CCC}, then exchanges close_notify with the server (RFC 4217 section 12.3). Data connections stay
     * protected if they were.
     *
     * @return the reply to {@code CCC}
     * @throws IllegalStateException when the control connection is not secured ({@code not using TLS})
     * @throws FtpPermException      when the server does not support CCC (the connection stays secured)
     * @throws IOException           when ending TLS fails (the connection is closed then)
     */
    public String ccc() throws IOException {
        if (!isControlSecured()) {
            throw new IllegalStateException("not using TLS");
        }
        String resp = voidCmd("CCC");
        ControlChannel control = conversation.control();
        TlsEngineSocket secured = (TlsEngineSocket) control.socket();
        try {
            int wait = getTimeout() == null ? TlsEngineSocket.CLOSE_WAIT_MILLIS : DataConnector.millis(getTimeout());
            if (secured.unwrap(wait).length > 0) {
                // the server speaks only when spoken to: text before the next command is not the server's
                throw new FtpProtoException(resp, conversation.context(resp) + "; plain text arrived with the"
                        + " server's close_notify, before any command: refusing it, as the server cannot have sent"
                        + " it and it would be read as a reply", null);
            }
            control.attach(secured.plain);
        } catch (IOException | RuntimeException e) {
            disconnect();
            throw e;
        }
        return resp;
    }

    /**
     * Logs in after securing the control connection, unless it is secured already: ftplib's
     * {@code login(user, passwd, acct)} with {@code secure=True}. {@link Ftp#login()} and
     * {@link Ftp#login(String, String)} come here too.
     *
     * @param user   the user; empty for anonymous
     * @param passwd the password
     * @param acct   the account, sent only when asked for
     * @return the final 2xx reply
     * @throws IOException as {@link #auth()} and {@link Ftp#login(String, String, String)}
     */
    @Override
    public String login(String user, String passwd, String acct) throws IOException {
        return login(user, passwd, acct, true);
    }

    /**
     * Logs in: ftplib's {@code login(user, passwd, acct, secure)}. With {@code secure} false on a plain control
     * connection, the password goes in clear text.
     *
     * @param user   the user; empty for anonymous
     * @param passwd the password
     * @param acct   the account, sent only when asked for
     * @param secure whether to run {@link #auth()} first when the control connection is not secured yet
     * @return the final 2xx reply
     * @throws IOException as {@link #auth()} and {@link Ftp#login(String, String, String)}
     */
    public String login(String user, String passwd, String acct, boolean secure) throws IOException {
        if (secure && !isControlSecured()) {
            auth();
        }
        return super.login(user, passwd, acct);
    }

    // ---------------------------------------------------------------- data connection protection

    /**
     * Protects data connections: ftplib's {@code prot_p()}, sending {@code PBSZ 0} then {@code PROT P}.
     *
     * @return the reply to {@code PROT P}
     * @throws IOException as {@link Ftp#voidCmd(String)}; protection is unchanged then
     */
    public String protP() throws IOException {
        voidCmd("PBSZ 0");
        String resp = voidCmd("PROT P");
        protP = true;
        return resp;
    }

    /**
     * Sends data connections in clear text again: ftplib's {@code prot_c()}, sending {@code PROT C}.
     *
     * @return the reply
     * @throws IOException as {@link Ftp#voidCmd(String)}; protection is unchanged then
     */
    public String protC() throws IOException {
        String resp = voidCmd("PROT C");
        protP = false;
        return resp;
    }

    /**
     * Tells whether data connections are protected (ftplib's {@code _prot_p}).
     *
     * @return true after {@link #protP()}, until {@link #protC()}
     */
    public boolean isProtP() {
        return protP;
    }

    /**
     * Opens a data connection, protected after {@link #protP()}: ftplib's {@code FTP_TLS.ntransfercmd}. The TLS
     * handshake runs after the server's 1xx reply and resumes the control session (see the class comment).
     *
     * @param cmd  the transfer command, e.g. {@code RETR a.txt}
     * @param rest the restart offset, or {@code null}
     * @return the data connection; its socket is an {@link SSLSocket} when protected
     * @throws javax.net.ssl.SSLException when the data handshake fails (the connection is out of sync then,
     *                                    the server's final reply being still due)
     * @throws IOException                as {@link Ftp#ntransferCmd(String, String)}
     */
    @Override
    public DataConnection ntransferCmd(String cmd, String rest) throws IOException {
        conversation.setDataFailureHint(null);
        DataConnection conn = super.ntransferCmd(cmd, rest);
        if (!protP) {
            return conn;
        }
        TlsEngineSocket data;
        if (sessions == null) {
            // protected data under a clear control connection (login with secure=false): a login of its own still
            sessions = ConversationSessions.open(tls.context(), getHost());
        }
        Set<ByteBuffer> before = sessions.ids();
        try {
            String role = "data connection for " + cmd + " at " + getHost() + ":" + getPort();
            data = tls.handshake(conn.socket(), sessions.key(), role);
            idsBeforeLastData = before;
        } catch (IOException | RuntimeException e) {
            conversation.markOutOfStep("the TLS handshake of the data connection for " + cmd + " failed: "
                    + e.getMessage());
            throw e;
        }
        checkResumption(data);
        return new DataConnection(data, conn.size());
    }

    /**
     * Notes whether a data connection resumed the control session. Many servers accept one that did not; those
     * requiring reuse drop it or answer 425/522, and the messages then say why (see the class comment).
     */
    private void checkResumption(TlsEngineSocket data) {
        if (!(getSocket() instanceof SSLSocket)) {
            return;
        }
        SSLSession controlSession = ((SSLSocket) getSocket()).getSession();
        SSLSession dataSession = data.getSession();
        boolean resumed = TlsSockets.resumes(controlSession, dataSession);
        LOG.debug("{} data connection at {}:{} {} the control session", dataSession.getProtocol(), getHost(),
                getPort(), resumed ? "resumed" : "did not resume");
        if (!resumed) {
            // the messages of 425, 426 and 522 replies and of the failed transfer then say why
            String hint = TlsSockets.reuseHint(dataSession.getProtocol(), reuseAdvice);
            conversation.setDataFailureHint(hint);
            data.setFailureHint(hint);
        }
    }

    /**
     * Tells whether the next protected data connection has a session to resume, which servers requiring session
     * reuse demand. On TLS 1.2 the control session can be resumed again and again. On TLS 1.3 each data
     * connection resumes with a session ticket, which JSSE uses once: the control connection brings the first, and
     * each data connection brings the next only if the server sends one on it. vsftpd does on every data
     * connection; ProFTPD 1.3.8 only on downloads and listings, never on uploads. So after an upload to such a
     * server this is false, and the next data connection would be refused ({@code 425}): log in again on a new
     * connection first, whose handshake brings new tickets.
     *
     * @return false on TLS 1.3 when the last data connection closed and no new ticket arrived since it opened;
     *         true otherwise, and before the first data connection of a login
     */
    public boolean hasResumableSession() {
        if (sessions == null || idsBeforeLastData == null || !"TLSv1.3".equals(controlProtocol)) {
            return true;
        }
        return sessions.hasNewSince(idsBeforeLastData);
    }

    /**
     * Replaces what the message of a refused TLS 1.2 data connection advises when the control session cannot be
     * resumed (see the class comment), for callers whose users set TLS up by other means than this class, e.g. a
     * framework's option names.
     *
     * @param advice what to change, e.g. {@code "offer TLS 1.3"}
     */
    public void setReuseAdvice(String advice) {
        this.reuseAdvice = Objects.requireNonNull(advice, "advice");
    }

    // ---------------------------------------------------------------- settings

    /**
     * Returns the context TLS connections come from: ftplib's {@code context} attribute.
     *
     * @return the context
     */
    public SSLContext getContext() {
        return tls.context();
    }

    /**
     * Turns the check that the server certificate names the host on (the default) or off, for the next
     * handshakes of control and data connections. Off, any certificate the context trusts is accepted for any
     * host: only for servers reached under a name their certificate lacks, and trusted by other means.
     *
     * @param verify false to accept a certificate that names another host
     */
    public void setHostnameVerification(boolean verify) {
        tls = tls.withVerifyHostname(verify);
    }

    /**
     * Tells whether the certificate must name the host.
     *
     * @return true unless turned off
     */
    public boolean isHostnameVerification() {
        return tls.verifyHostname();
    }

    /**
     * Restricts the TLS versions offered in the next handshakes, e.g. {@code "TLSv1.3"}.
     *
     * @param protocols the protocol names as JSSE knows them; none for the context's default
     */
    public void setEnabledProtocols(String... protocols) {
        tls = tls.withProtocols(List.of(protocols));
    }

    /**
     * Returns the TLS versions offered.
     *
     * @return the versions set, empty for the context's default
     */
    public List<String> getEnabledProtocols() {
        return tls.protocols();
    }

    /**
     * Chooses implicit TLS for the next {@code connect}: the handshake starts on connect, before the welcome,
     * and no {@code AUTH} is sent (port {@value #FTPS_IMPLICIT_PORT} style; pass the port to {@code connect}).
     *
     * @param implicit true for implicit TLS
     */
    public void setImplicit(boolean implicit) {
        this.implicit = implicit;
    }

    /**
     * Tells whether connections use implicit TLS.
     *
     * @return the setting, false by default
     */
    public boolean isImplicit() {
        return implicit;
    }

    // ---------------------------------------------------------------- hooks of Ftp

    /** Opens the control socket, with the TLS handshake first for implicit TLS. */
    @Override
    Socket openControlSocket() throws IOException {
        Socket plain = super.openControlSocket();
        return implicit ? secureControl(plain) : plain;
    }

    /** ftplib's {@code FTP_TLS.abort}: a TLS socket has no urgent data, so the line goes as ordinary data. */
    @Override
    boolean abortsWithUrgentData() {
        return false;
    }

    /**
     * Runs the control handshake under a new entry of the session cache, so that the data connections of this
     * login resume this login's session and no other conversation's (see {@link ConversationSessions}).
     */
    private TlsEngineSocket secureControl(Socket plain) throws IOException {
        forgetSessions();
        sessions = ConversationSessions.open(tls.context(), getHost());
        idsBeforeLastData = null;
        TlsEngineSocket secured = tls.handshake(plain, sessions.key(),
                "control connection to " + getHost() + ":" + getPort());
        controlProtocol = secured.getSession().getProtocol();
        return secured;
    }

    /**
     * Closes the connections, and drops this login's TLS sessions from the context's cache: no later connection
     * can resume them. Idempotent.
     */
    @Override
    public void disconnect() {
        super.disconnect();
        forgetSessions();
    }

    private void forgetSessions() {
        if (sessions != null) {
            sessions.forget();
            sessions = null;
        }
    }

    private boolean isControlSecured() {
        return getSocket() instanceof SSLSocket;
    }
}

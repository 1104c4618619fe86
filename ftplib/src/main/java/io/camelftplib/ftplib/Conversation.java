package io.camelftplib.ftplib;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation on one control connection: ftplib's {@code putcmd}, {@code getresp}, {@code voidresp},
 * {@code sendcmd} and {@code voidcmd}, the mapping of reply classes to exceptions, and the state that keeps
 * commands and replies paired.
 *
 * <p>The conversation is <em>in step</em> while every reply read answers the command sent. A failure while a
 * reply is still due (a send or read that failed, a transfer that failed before its final reply, an ABOR whose
 * second reply did not come) puts it <em>out of step</em> for good: every further command fails fast instead of
 * reading a stale reply, until the next connection. While a {@link RetrieveStream} or {@link StoreStream} is open,
 * commands are refused too, so none can read that transfer's final reply.
 *
 * <p>It also knows how to name what a reply answered ({@link #describe}, {@link #context}), so every message
 * says which command, at which host, and what to do. {@link Ftp}, {@link DataChannel}, {@link Transfers} and the
 * transfer streams all talk through it. Owns the control channel ({@link #disconnect()} closes it). Not
 * thread-safe: one control connection carries one conversation.
 */
final class Conversation {

    // the wire lines of every class of the engine go to the logger users know: the one named after Ftp
    private static final Logger LOG = LoggerFactory.getLogger(Ftp.class);
    private static final Pattern STRICT_CODE = Pattern.compile("[1-5][0-9]{2}([ -].*)?", Pattern.DOTALL);
    private static final Set<String> ABOR_REPLIES = Set.of("426", "225", "226");

    private final WireLog log = new WireLog();
    private final Charset encoding;
    private volatile ControlChannel control;
    private String host = "";
    // the control connection goes through a proxy: its socket's peer is the proxy, not the server
    private boolean viaProxy;
    private int port = Ftp.FTP_PORT;
    private boolean strictReplyCodes;
    private int maxline = Ftp.MAXLINE;
    private String welcome;
    private String lastResp;
    private String lastCommand = "";
    private String user = "";
    private String outOfStep;
    // a data connection was opened and its final reply (226, 426, ...) is still unread
    private boolean transferReplyDue;
    // the transfer command of an open RetrieveStream/StoreStream: no other command may read its final reply
    private String openTransfer;
    // its data connection, which cancel() closes from another thread
    private volatile DataConnection openData;
    // why a data connection may have been refused (FtpTls: its TLS session was not resumed), for 425/426/522
    private String dataFailureHint;
    // the last SIZE answer, applied to the next transfer if it is a RETR of exactly that path (as curl does)
    private String sizedPath;
    private long sizedBytes;

    Conversation(Charset encoding) {
        this.encoding = encoding;
    }

    // ---------------------------------------------------------------- the connection

    /**
     * Starts a conversation on a connected socket: reads the welcome with {@link #getResp()}. On failure the
     * socket is closed.
     */
    String start(Socket socket) throws IOException {
        try {
            control = new ControlChannel(socket, encoding, log);
            outOfStep = null;
            openTransfer = null;
            sizedPath = null;
            lastCommand = "the connection (welcome)";
            welcome = getResp();
            return welcome;
        } catch (SocketTimeoutException e) {
            SocketTimeoutException said = noGreeting(socket, e);
            disconnect();
            throw said;
        } catch (IOException | RuntimeException e) {
            if (control == null) {
                socket.close();
            }
            disconnect();
            throw e;
        }
    }

    /**
     * Names a welcome that never came: the socket's own "Read timed out" says neither what was awaited nor for how
     * long. The server accepted the connection, so something listens there that is not talking FTP (yet): an
     * overloaded server, a port of another protocol, or an implicit FTPS port reached in plain text.
     */
    private SocketTimeoutException noGreeting(Socket socket, SocketTimeoutException e) {
        String within;
        try {
            within = socket.getSoTimeout() + " ms";
        } catch (IOException closed) {
            e.addSuppressed(closed);
            within = "the timeout";
        }
        SocketTimeoutException said = new SocketTimeoutException("no 220 greeting from " + where() + " within "
                + within + " (the connection was accepted; check that this port serves FTP, and whether it expects"
                + " implicit TLS)");
        said.initCause(e);
        return said;
    }

    /** Closes the control connection without a word; idempotent, never throws (logged at DEBUG). */
    void disconnect() {
        ControlChannel current = control;
        control = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.debug("closing the control connection to {} failed", where(), e);
            }
        }
    }

    boolean isConnected() {
        return control != null;
    }

    /** The control channel, e.g. for {@link FtpTls} to layer TLS on it; null when not connected. */
    ControlChannel control() {
        return control;
    }

    Socket socket() {
        return control == null ? null : control.socket();
    }

    /**
     * Tells whether a reply has started to arrive, without reading it: while waiting for an active-mode data
     * connection, a refusal (425, 421) can only come this way.
     */
    boolean replyArriving() throws IOException {
        return control != null && control.replyPending();
    }

    /**
     * The address family of the server: its peer address's, or through a proxy (whose address the socket
     * shows) INET6 for an IPv6 literal host and INET otherwise, so that PASV is used.
     */
    StandardProtocolFamily addressFamily() {
        if (control == null) {
            throw new IllegalStateException("not connected: call connect() first");
        }
        boolean ipv4 = viaProxy ? host.indexOf(':') < 0 : DataConnector.isIpv4(control.socket().getInetAddress());
        return ipv4 ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
    }

    /**
     * The host passive data connections go to when the PASV address is not trusted: the control connection's
     * peer, or through a proxy (the socket's peer) the FTP host as named, for the proxy to connect to.
     */
    String serverHost() {
        return viaProxy ? host : DataConnector.hostAddress(socket().getInetAddress());
    }

    boolean isViaProxy() {
        return viaProxy;
    }

    /** Notes whether the next {@link #start} runs through a proxy. */
    void setViaProxy(boolean viaProxy) {
        this.viaProxy = viaProxy;
    }

    // ---------------------------------------------------------------- commands and replies

    void putCmd(String line) throws IOException {
        FtpLine.check(line);
        requireInStep();
        requireNoOpenTransfer();
        log.cmd(line);
        lastCommand = describe(line);
        try {
            control.putLine(line);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            markOutOfStep("sending " + lastCommand + " failed: " + e);
            throw e;
        }
    }

    String sendCmd(String cmd) throws IOException {
        putCmd(cmd);
        return getResp();
    }

    String voidCmd(String cmd) throws IOException {
        putCmd(cmd);
        return voidResp();
    }

    /** ftplib's {@code getresp}: 1-3xx returned, 4xx, 5xx and anything else thrown as their kind. */
    String getResp() throws IOException {
        String resp = readReply();
        noteReply(resp);
        return judge(resp);
    }

    /** The mapping of {@link #getResp()}: 1-3xx returned, 4xx, 5xx and anything else thrown as their kind. */
    private String judge(String resp) throws FtpException {
        char c = resp.isEmpty() ? ' ' : resp.charAt(0);
        if (strictReplyCodes && !STRICT_CODE.matcher(resp).matches()) {
            throw new FtpProtoException(resp, context(resp), null);
        }
        if (c == '1' || c == '2' || c == '3') {
            return resp;
        }
        if (c == '4') {
            throw new FtpTempException(resp, context(resp), null);
        }
        if (c == '5') {
            throw new FtpPermException(resp, context(resp), null);
        }
        throw new FtpProtoException(resp, context(resp), null);
    }

    String voidResp() throws IOException {
        return requireCompletion(getResp());
    }

    /**
     * Judges a reply read already as {@link #voidResp()} judges the one it reads: only 2xx passes.
     *
     * @throws FtpException of the reply's kind otherwise
     */
    String requireCompletion(String resp) throws FtpException {
        judge(resp);
        if (resp.charAt(0) != '2') {
            throw new FtpReplyException(resp, context(resp), null);
        }
        return resp;
    }

    private void noteReply(String resp) {
        log.resp(resp);
        lastResp = resp.length() > 3 ? resp.substring(0, 3) : resp;
    }

    private String readReply() throws IOException {
        requireInStep();
        try {
            String reply = control.getMultiline(maxline);
            transferReplyDue = false;
            return reply;
        } catch (IOException | RuntimeException e) {
            markOutOfStep("reading the reply to " + lastCommand + " failed: " + e.getMessage());
            throw e;
        }
    }

    void requireInStep() throws FtpProtoException {
        if (control == null) {
            throw new IllegalStateException("not connected: call connect() first");
        }
        if (outOfStep != null) {
            throw new FtpProtoException(outOfStep, "the control connection is out of sync; reconnect", null);
        }
    }

    /** Marks the conversation out of step: a reply may still be on its way, so no later command may read it. */
    void markOutOfStep(String reason) {
        if (outOfStep == null) {
            outOfStep = reason;
            LOG.debug("connection to {} is out of sync: {}", where(), reason);
        }
    }

    boolean isOutOfStep() {
        return outOfStep != null;
    }

    /**
     * ftplib's {@code login}: {@code USER}; on a 3xx reply {@code PASS}; on a 3xx reply {@code ACCT}. Null
     * arguments count as empty; see {@link Ftp#login(String, String, String)}.
     */
    String login(String user, String passwd, String acct) throws IOException {
        String u = user == null || user.isEmpty() ? "anonymous" : user;
        String p = passwd == null ? "" : passwd;
        String a = acct == null ? "" : acct;
        if (u.equals("anonymous") && (p.isEmpty() || p.equals("-"))) {
            // ftplib: "-" keeps anonymous servers quiet about the password, "anonymous@" is the convention
            p = p + "anonymous@";
        }
        this.user = u;
        String resp = sendCmd("USER " + u);
        if (resp.charAt(0) == '3') {
            resp = sendCmd("PASS " + p);
        }
        if (resp.charAt(0) == '3') {
            resp = sendCmd("ACCT " + a);
        }
        if (resp.charAt(0) != '2') {
            throw new FtpReplyException(resp, context(resp), null);
        }
        return resp;
    }

    // ---------------------------------------------------------------- transfers in flight

    /**
     * Sends a {@code NOOP} while a transfer is open, without awaiting its reply: the transfer's
     * {@link ControlKeepAlive} counts it and reads the reply with the final one. The command being answered stays the
     * transfer command, so messages name it.
     */
    void putKeepAlive() throws IOException {
        requireInStep();
        log.cmd("NOOP");
        try {
            control.putLine("NOOP");
        } catch (IOException | RuntimeException e) {
            markOutOfStep("sending a keepalive NOOP during " + lastCommand + " failed: " + e);
            throw e;
        }
    }

    /**
     * Reads one reply without judging it: a keepalive NOOP's or a transfer's, told apart by the caller.
     *
     * @param timeout how long to wait, or null for the socket's own timeout
     */
    String readUnjudged(Duration timeout) throws IOException {
        String resp = timeout == null ? readReply() : readWithin(timeout);
        noteReply(resp);
        return resp;
    }

    /**
     * Waits for the next reply without reading it, calling {@code idle} each {@code interval} without one (it sends
     * a keepalive NOOP), for at most the socket's own timeout in all.
     *
     * @throws java.net.SocketTimeoutException when no reply came within the socket's timeout
     */
    void awaitReply(Duration interval, OpenTransfer.DataAction idle) throws IOException {
        requireInStep();
        Socket socket = control.socket();
        int previous = socket.getSoTimeout();
        long deadline = previous == 0 ? Long.MAX_VALUE : System.nanoTime() + previous * 1_000_000L;
        try {
            while (!control.hasBufferedBytes()) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                socket.setSoTimeout((int) Math.max(1, Math.min(left, DataConnector.millis(interval))));
                try {
                    control.awaitReply();
                    return;
                } catch (SocketTimeoutException e) {
                    if (System.nanoTime() - deadline >= 0) {
                        markOutOfStep("no reply to " + lastCommand + " within the timeout: " + e.getMessage());
                        throw e;
                    }
                    idle.run();
                } catch (IOException e) {
                    markOutOfStep("waiting for the reply to " + lastCommand + " failed: " + e);
                    throw e;
                }
            }
        } finally {
            if (control != null) {
                socket.setSoTimeout(previous);
            }
        }
    }

    /** Notes that a data connection is open: its final reply is due. */
    void transferStarted() {
        transferReplyDue = true;
    }

    void transferOpened(String cmd, DataConnection data) {
        openTransfer = cmd;
        openData = data;
    }

    void transferClosed() {
        openTransfer = null;
        openData = null;
    }

    /**
     * Closes the control connection and the data connection of an open transfer, from any thread, touching no
     * other state: the thread driving the conversation fails its blocked read or write at once and marks the
     * conversation out of step itself, as after any failed I/O.
     */
    void cancel() {
        ControlChannel current = control;
        DataConnection data = openData;
        try {
            if (data != null) {
                data.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the data connection to {} failed", where(), e);
        }
        try {
            if (current != null) {
                current.socket().close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the control connection to {} failed", where(), e);
        }
    }

    private void requireNoOpenTransfer() {
        if (openTransfer != null) {
            throw new IllegalStateException("the transfer " + describe(openTransfer) + " is still open on " + where()
                    + "; read its stream to the end, close or abort it before the next command");
        }
    }

    /**
     * Reads the reply a transfer still owes after its data connection was closed early, waiting at most the
     * timeout (5 seconds without one). Never throws: when no reply comes, the conversation is out of step.
     *
     * @return the reply, or {@code null} when none could be read
     */
    String readOwedReply(String cmd, Duration timeout) {
        if (control == null || outOfStep != null) {
            return null;
        }
        try {
            String resp = readWithin(timeout);
            noteReply(resp);
            return resp;
        } catch (IOException e) {
            markOutOfStep("no final reply to " + describe(cmd) + " after it was aborted: " + e);
            return null;
        }
    }

    /** Reads one reply with the socket's timeout bounded to {@code timeout}, 5 seconds without one. */
    private String readWithin(Duration timeout) throws IOException {
        Socket socket = control.socket();
        int previous = socket.getSoTimeout();
        socket.setSoTimeout(timeout == null ? 5000 : DataConnector.millis(timeout));
        try {
            return readReply();
        } finally {
            if (control != null) {
                socket.setSoTimeout(previous);
            }
        }
    }

    /**
     * ftplib's {@code abort}: sends {@code ABOR\r\n}, with the last byte as TCP urgent data when {@code urgent}
     * (TLS sockets have none), then reads the replies; see {@link Ftp#abort()}.
     */
    String abort(boolean urgent, Duration timeout) throws IOException {
        requireInStep();
        requireNoOpenTransfer();
        log.putUrgent("ABOR" + Ftp.CRLF);
        lastCommand = "ABOR";
        boolean transferWasDue = transferReplyDue;
        try {
            control.putRaw((urgent ? "ABOR\r" : "ABOR\r\n").getBytes(StandardCharsets.US_ASCII));
            if (urgent) {
                control.socket().sendUrgentData('\n');
            }
        } catch (IOException e) {
            markOutOfStep("sending ABOR failed: " + e);
            throw e;
        }
        String resp = readReply();
        if (!ABOR_REPLIES.contains(resp.length() >= 3 ? resp.substring(0, 3) : resp)) {
            throw new FtpProtoException(resp, context(resp), null);
        }
        // a 226 can be the transfer's own final reply when it finished before ABOR arrived: ABOR's reply follows
        if (resp.startsWith("426") || transferWasDue) {
            try {
                LOG.debug("second reply to ABOR after {}: {}", resp, readWithin(timeout));
            } catch (SocketTimeoutException e) {
                // the conversation stays out of step: a server that dropped the urgent byte still holds "ABOR\r"
                // and would merge it with the next command
                LOG.debug("no second reply to ABOR after {} within the timeout", resp);
            }
        }
        return resp;
    }

    // ---------------------------------------------------------------- remembered SIZE answer

    void rememberSize(String path, long bytes) {
        sizedPath = path;
        sizedBytes = bytes;
    }

    void forgetSize() {
        sizedPath = null;
    }

    /**
     * The size a download should deliver: the caller's, else the last SIZE answer when this is a RETR of exactly
     * that path. The remembered answer is used up by the next transfer either way.
     */
    ExpectedSize expectationFor(String cmd, ExpectedSize given) {
        String path = sizedPath;
        sizedPath = null;
        if (given.isKnown() || path == null || !cmd.equals("RETR " + path)) {
            return given;
        }
        return ExpectedSize.of(sizedBytes, "the SIZE reply");
    }

    // ---------------------------------------------------------------- naming what happened

    /** A command as messages show it: the password of PASS/ACCT replaced by the user, long lines cut. */
    String describe(String line) {
        String upper = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
        if (upper.equals("PASS")) {
            return "PASS for user \"" + user + "\"";
        }
        if (upper.equals("ACCT")) {
            return "ACCT for user \"" + user + "\"";
        }
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** What a reply answered, where, and what to do, for exception messages. */
    String context(String resp) {
        String where = "reply to " + lastCommand + " at " + where();
        String code = resp.length() >= 3 ? resp.substring(0, 3) : resp;
        switch (code) {
            case "530":
                return where + "; check the user name and password (or the .netrc entry)";
            case "421":
                return where + "; the server is closing the connection, reconnect later";
            case "425":
            case "426":
            case "522":
                String hint = dataFailureHint == null ? "" : "; " + dataFailureHint;
                return code.equals("522") ? where + hint
                        : where + "; the data connection failed, check passive/active mode and firewalls" + hint;
            default:
                return where;
        }
    }

    String where() {
        return host + ":" + port;
    }

    // ---------------------------------------------------------------- state

    WireLog log() {
        return log;
    }

    Charset encoding() {
        return encoding;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** Sets the server of the next {@link #start}; an empty host or a port of 0 or less keeps the current one. */
    void setServer(String newHost, int newPort) {
        if (newHost != null && !newHost.isEmpty()) {
            host = newHost;
        }
        if (newPort > 0) {
            port = newPort;
        }
    }

    String welcome() {
        return welcome;
    }

    String lastResp() {
        return lastResp;
    }

    boolean isStrictReplyCodes() {
        return strictReplyCodes;
    }

    void setStrictReplyCodes(boolean strict) {
        strictReplyCodes = strict;
    }

    int maxline() {
        return maxline;
    }

    void setMaxline(int maxline) {
        this.maxline = maxline;
    }

    void setDataFailureHint(String hint) {
        dataFailureHint = hint;
    }
}

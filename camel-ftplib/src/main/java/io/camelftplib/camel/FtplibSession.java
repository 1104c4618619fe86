package io.camelftplib.camel;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLHandshakeException;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpException;
import io.camelftplib.ftplib.FtpPermException;
import io.camelftplib.ftplib.Netrc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One control connection of an endpoint's consumer or producer: connects, logs in (options, {@code .netrc}),
 * negotiates features once (FEAT, {@code OPTS UTF8 ON}, TYPE, SITE), and reconnects when the connection died or
 * fell out of sync after a failed transfer.
 *
 * <p>{@link #client()} is the only way to the engine client. While a streamed download is open, the engine itself
 * refuses other commands, so none can overtake the transfer's final reply. Not thread-safe: one consumer or
 * producer thread drives it, as one control connection carries one conversation.
 */
final class FtplibSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FtplibSession.class);
    /** How long closing waits for the reply to QUIT: stopping a route must not wait a whole soTimeout. */
    private static final int QUIT_REPLY_MILLIS = 5000;

    private final FtplibConfiguration config;
    private final FtpClientFactory factory;
    // volatile for cancel(), the one method another thread calls
    private volatile Ftp ftp;
    private ServerFeatures features = ServerFeatures.NONE;
    private String systemType;
    private char type;
    private String home = "";
    private String cwd = "";
    private int connections;

    FtplibSession(FtplibConfiguration config, FtpClientFactory factory) {
        this.config = config;
        this.factory = factory;
    }

    /**
     * Returns the connected client, connecting or reconnecting first when there is no usable connection.
     *
     * @return the client, logged in and in sync
     * @throws IOException when connecting fails after all attempts
     */
    Ftp client() throws IOException {
        if (!isUsable()) {
            connect();
        }
        return ftp;
    }

    /**
     * Tells whether a logged-in connection is open and in sync (no I/O).
     *
     * @return true when commands can be sent
     */
    boolean isUsable() {
        return ftp != null && ftp.isConnected() && !ftp.isOutOfSync();
    }

    /**
     * Sends NOOP when the option asks for it, dropping a connection that does not answer so the next
     * {@link #client()} reconnects (a dead connection is found before a poll or upload, not in the middle).
     */
    void checkAlive() {
        if (isUsable() && config.isSendNoop()) {
            try {
                ftp.voidCmd("NOOP");
            } catch (IOException e) {
                LOG.debug("NOOP to {} failed, reconnecting: {}", config.remoteServerInformation(), e.toString());
                drop();
            }
        }
    }

    /**
     * Logs out when the connection could not open its next data connection (FTPS on TLS 1.3 with the session
     * tickets of this login spent, see {@link FtpClientFactory#needsNewConnection}), so the next {@link #client()}
     * logs in again. Called before an operation starts, never between its commands, so no directory change is lost.
     */
    void renewIfSpent() {
        if (isUsable() && factory.needsNewConnection(ftp)) {
            LOG.debug("The TLS sessions of the connection to {} are spent; logging in again",
                    config.remoteServerInformation());
            close();
        }
    }

    /**
     * Connects and logs in, retrying up to {@code maximumReconnectAttempts} times with {@code reconnectDelay}
     * between attempts. A permanent failure (a 5xx reply such as a rejected login, or a certificate the client
     * does not accept) is not retried.
     *
     * @throws IOException the last failure, with the earlier ones suppressed
     */
    void connect() throws IOException {
        IOException failure = null;
        int attempts = 1 + Math.max(0, config.getMaximumReconnectAttempts());
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                connectOnce();
                return;
            } catch (IOException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
                if (isPermanent(e) || attempt == attempts) {
                    throw afterAttempts(e, attempt);
                }
                LOG.debug("Connect attempt {} of {} to {} failed: {}", attempt, attempts,
                        config.remoteServerInformation(), e.toString());
                pause();
            }
        }
        throw failure;
    }

    /**
     * Connects and logs in once, without retrying: what a health probe needs.
     *
     * @throws IOException why the attempt failed, reworded by the client factory (TLS advice); the connection is
     *                     closed then
     */
    void connectOnce() throws IOException {
        drop();
        try {
            open();
        } catch (IOException e) {
            drop();
            throw factory.explain(e);
        }
    }

    /**
     * Says how many attempts a failure ends, so that a wait of several timeouts is not taken for one: four attempts
     * at a silent server take four connect timeouts and three reconnect delays. A reply from the server (an
     * {@link FtpException}) keeps its type and message, as its reply code is what callers act on.
     */
    private IOException afterAttempts(IOException last, int attempts) {
        if (attempts == 1 || last instanceof FtpException) {
            return last;
        }
        String message = last.getMessage() + " (after " + attempts + " connect attempts, " + config.getReconnectDelay()
                + " ms apart; maximumReconnectAttempts sets how many)";
        IOException said;
        if (last instanceof SocketTimeoutException) {
            said = new SocketTimeoutException(message);
        } else if (last instanceof ConnectException) {
            said = new ConnectException(message);
        } else if (last instanceof UnknownHostException) {
            said = new UnknownHostException(message);
        } else if (last instanceof SSLHandshakeException) {
            said = new SSLHandshakeException(message);
        } else {
            said = new IOException(message);
        }
        said.initCause(last);
        return said;
    }

    /**
     * Tells whether trying again cannot help: a 5xx reply (RFC 959 section 4.2: permanent negative completion,
     * e.g. 530 for the login or a refused AUTH TLS) or a certificate the client does not accept.
     */
    private static boolean isPermanent(IOException e) {
        if (e instanceof FtpPermException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    private void pause() throws IOException {
        try {
            Thread.sleep(config.getReconnectDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to reconnect to "
                    + config.remoteServerInformation());
        }
    }

    private void open() throws IOException {
        Ftp client = factory.create(config.encodingCharset());
        ftp = client;
        connections++;
        type = 0;
        systemType = null;
        client.setPasv(config.isPassiveMode());
        client.setProxy(config.proxy());
        if (config.activePorts() != null) {
            client.setActivePortRange(config.activePorts().min(), config.activePorts().max());
        }
        NetworkOptions.beforeConnect(config, client);
        client.connect(config.getHost(), config.getPort(), millis(config.getConnectTimeout()), null);
        if (config.getSoTimeout() > 0) {
            client.getSocket().setSoTimeout(config.getSoTimeout());
        }
        client.setTimeout(millis(config.getTimeout()));
        client.setListingTimeout(millis(config.getListingTimeout()));
        factory.beforeLogin(client);
        login(client);
        factory.afterLogin(client);
        features = readFeatures(client);
        NetworkOptions.afterFeatures(config, client, features);
        if (features.hasUtf8() && StandardCharsets.UTF_8.equals(config.encodingCharset())) {
            enableUtf8(client);
        }
        if (config.getSiteCommand() != null) {
            for (String site : config.getSiteCommand().split("\n")) {
                if (!site.isBlank()) {
                    client.voidCmd("SITE " + site.strip());
                }
            }
        }
        home = config.isStepwise() ? client.pwd() : "";
        cwd = "";
        LOG.debug("Connected to {} ({}), features {}", config.remoteServerInformation(), factory, features.keywords());
    }

    /**
     * Sends {@code OPTS UTF8 ON}. A refusal does not fail the connection: Pure-FTPd built without RFC 2640 support
     * lists UTF8 in FEAT yet answers 504, and a server that offers UTF8 treats names as UTF-8 anyway.
     */
    private void enableUtf8(Ftp client) throws IOException {
        try {
            client.sendCmd("OPTS UTF8 ON");
        } catch (FtpPermException e) {
            LOG.debug("{} listed UTF8 in FEAT but refused OPTS UTF8 ON ({}); names are sent as UTF-8 regardless",
                    config.remoteServerInformation(), e.reply());
        }
    }

    private void login(Ftp client) throws IOException {
        String user = config.getUsername();
        String password = config.getPassword();
        String account = config.getAccount();
        if (user == null && config.isUseNetrc()) {
            Optional<Netrc.Entry> entry = netrc().authenticators(config.getHost());
            if (entry.isPresent()) {
                user = entry.get().login();
                password = entry.get().password();
                account = account != null ? account : entry.get().account();
            }
        }
        client.login(user, password, account);
    }

    private Netrc netrc() throws IOException {
        return config.getNetrcFile() != null ? Netrc.load(Path.of(config.getNetrcFile())) : Netrc.loadDefault();
    }

    private static ServerFeatures readFeatures(Ftp client) throws IOException {
        try {
            return ServerFeatures.parse(client.sendCmd("FEAT"));
        } catch (FtpPermException e) {
            // RFC 2389 section 3.2: a server without FEAT answers 500/502; it then offers no extensions
            LOG.debug("FEAT refused ({}); assuming an RFC 959 server", e.reply());
            return ServerFeatures.NONE;
        }
    }

    private static Duration millis(long millis) {
        return millis > 0 ? Duration.ofMillis(millis) : null;
    }

    /**
     * Returns what the server's FEAT offered on the current connection.
     *
     * @return the features, {@link ServerFeatures#NONE} before the first connection
     */
    ServerFeatures features() {
        return features;
    }

    /**
     * Returns the server's {@code SYST} reply, asked once per connection and only when first needed (LIST parsing
     * in the auto dialect), so servers listed with MLSD pay no extra round trip.
     *
     * @return the reply, e.g. {@code 215 UNIX Type: L8}; empty when the server refused SYST
     * @throws IOException when the connection fails
     */
    String systemType() throws IOException {
        Ftp client = client();
        if (systemType == null) {
            try {
                systemType = client.sendCmd("SYST");
            } catch (FtpPermException e) {
                // RFC 959 makes SYST optional: the dialect is then detected from the lines alone
                LOG.debug("SYST refused by {} ({}); detecting the LIST dialect from the lines",
                        config.remoteServerInformation(), e.reply());
                systemType = "";
            }
        }
        return systemType;
    }

    /**
     * Counts the connections opened so far, so what was learnt on one connection (directories that exist) can be
     * forgotten when a new one replaces it: the server may have lost them in between.
     *
     * @return the number of connections opened, 0 before the first
     */
    int connections() {
        return connections;
    }

    /**
     * Returns the login directory when stepwise is on.
     *
     * @return the PWD after login, or empty
     */
    String home() {
        return home;
    }

    /**
     * Prepares a command on a path: with {@code stepwise}, changes into the path's parent one directory at a time
     * (from the login or root directory) and returns the last segment; otherwise returns the path unchanged.
     *
     * @param path a path relative to the login directory, or absolute
     * @return what to send as the command's argument
     * @throws IOException when a CWD fails
     */
    String enterParent(String path) throws IOException {
        if (!config.isStepwise()) {
            return path;
        }
        enter(RemoteNames.parent(path));
        return RemoteNames.name(path);
    }

    /**
     * Returns a path usable from any current directory: with {@code stepwise}, relative paths are prefixed with the
     * login directory (for RNTO, whose argument is not relative to RNFR's directory).
     *
     * @param path a path relative to the login directory, or absolute
     * @return the path to send
     */
    String fromAnywhere(String path) {
        if (!config.isStepwise() || RemoteNames.isAbsolute(path)) {
            return path;
        }
        return RemoteNames.join(home, path);
    }

    /**
     * Changes into a directory one segment at a time ({@code stepwise}); does nothing when already there.
     *
     * @param directory relative to the login directory, or absolute; empty for the login directory
     * @throws IOException when a CWD fails
     */
    void enter(String directory) throws IOException {
        if (directory.equals(cwd) && isUsable()) {
            return;
        }
        Ftp client = client();
        cwd = null;
        client.cwd(RemoteNames.isAbsolute(directory) ? "/" : home);
        for (String segment : directory.split("/")) {
            if (!segment.isEmpty()) {
                client.cwd(segment);
            }
        }
        cwd = directory;
    }

    /**
     * Tells whether a directory can be entered, without moving: {@code PWD}, {@code CWD path}, then {@code CWD}
     * back. vsftpd lists a missing directory as an empty one, and NLST names directories like files; CWD is the one
     * command every server answers for directories only.
     *
     * @param path the directory, relative to the current one or absolute
     * @return null when it can be entered, else the refusal (a 550 as a rule)
     * @throws IOException when another command fails
     */
    FtpPermException cwdRefusal(String path) throws IOException {
        Ftp client = client();
        String back = client.pwd();
        try {
            client.cwd(path);
        } catch (FtpPermException e) {
            return e;
        }
        String entered = cwd;
        cwd = null;
        client.cwd(back);
        cwd = entered;
        return null;
    }

    /**
     * Sends {@code TYPE I} or {@code TYPE A} for the next transfer when the connection is in the other type.
     *
     * @param binary true for TYPE I
     * @throws IOException when the command fails
     */
    void transferType(boolean binary) throws IOException {
        char wanted = binary ? 'I' : 'A';
        if (type != wanted) {
            client().voidCmd("TYPE " + wanted);
            type = wanted;
        }
    }

    /** Records that the engine sent TYPE A for a listing (its retrLines does), so the next upload sends TYPE I. */
    void listingSentTypeA() {
        type = 'A';
    }

    /**
     * Records the TYPE the engine sent for a stream transfer (it sends TYPE itself), so {@link #transferType}
     * knows the connection's type.
     *
     * @param binary true for TYPE I
     */
    void typeSent(boolean binary) {
        type = binary ? 'I' : 'A';
    }

    /** Closes the connection without QUIT (it is dead or out of sync); the next {@link #client()} reconnects. */
    void drop() {
        cwd = null;
        if (ftp != null) {
            ftp.disconnect();
            ftp = null;
        }
        type = 0;
    }

    /**
     * Closes the connection's sockets at once, from any thread: the thread using this session fails its blocked
     * read or write (a listing the server trickles, a reply that never comes) and reconnects on its next
     * operation. For a stopping consumer, whose poll would otherwise hold the stop.
     */
    void cancel() {
        Ftp current = ftp;
        if (current != null) {
            current.cancel();
        }
    }

    /**
     * Sends QUIT when the connection is usable, then closes it, waiting at most a few seconds for QUIT's reply
     * (a server busy with a transfer answers only after it). A failure of QUIT is logged at DEBUG: the connection
     * is closed either way.
     */
    @Override
    public void close() {
        Ftp current = ftp;
        ftp = null;
        type = 0;
        if (current != null) {
            try {
                boundQuitReply(current);
                current.close();
            } catch (FtpException e) {
                LOG.debug("QUIT to {} was answered {}; closed anyway", config.remoteServerInformation(), e.reply());
            }
        }
    }

    private void boundQuitReply(Ftp client) {
        try {
            if (client.getSocket() != null) {
                client.getSocket().setSoTimeout(Math.min(config.getSoTimeout(), QUIT_REPLY_MILLIS));
            }
        } catch (IOException e) {
            LOG.debug("Cannot bound the wait for QUIT's reply from {}: {}", config.remoteServerInformation(),
                    e.toString());
        }
    }

    /**
     * Returns the configuration the session connects with.
     *
     * @return the configuration
     */
    FtplibConfiguration config() {
        return config;
    }
}

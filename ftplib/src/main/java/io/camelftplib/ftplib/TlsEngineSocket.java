package io.camelftplib.ftplib;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link SSLSocket} made of a connected plain socket and an {@link SSLEngine} ({@link TlsRecordLayer} does
 * the record work). It exists for TLS session reuse: JSSE's client session cache is keyed by the engine's peer
 * host and port, and an engine can be created with any key, so a data connection's engine keyed by the
 * <em>control</em> connection's host and port resumes the control session (see {@link FtpTls}). A layered
 * {@code SSLSocketFactory.createSocket(socket, host, port, true)} is keyed by the data socket's own port and
 * never resumes it.
 *
 * <p>Addresses, timeouts and socket options are the plain socket's ({@link LayeredSocket}). {@link #close()}
 * sends close_notify, and when nothing was read (an upload) it waits for the server to end the connection
 * (bounded by the timeout, or {@link #CLOSE_WAIT_MILLIS} without one): closing a socket with an unread record (a
 * TLS 1.3 session ticket) in its receive queue sends a TCP reset, which can make the server drop uploaded data it
 * has not read yet, and the ticket is needed for the next data connection. {@link #unwrap} ends TLS and hands
 * back the plain socket (CCC). Owns the plain socket. Thread-safe for one reader and one writer.
 */
final class TlsEngineSocket extends LayeredSocket {

    /** How long {@link #close()} waits for the server to end an upload's connection when no timeout is set. */
    static final int CLOSE_WAIT_MILLIS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(TlsEngineSocket.class);

    private final SSLEngine engine;
    private final TlsRecordLayer layer;
    private final InputStream in = new TlsInputStream();
    private final OutputStream out = new TlsOutputStream();
    private final List<HandshakeCompletedListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean handshakeStarted = new AtomicBoolean();

    /**
     * Layers TLS over a connected socket; call {@link #startHandshake()} next.
     *
     * @param role names the connection in messages, e.g. {@code control connection to 127.0.0.1:21}
     */
    TlsEngineSocket(Socket plain, SSLEngine engine, String role) throws IOException {
        super(plain);
        this.engine = engine;
        this.layer = new TlsRecordLayer(engine, plain.getInputStream(), plain.getOutputStream(), role);
    }

    /** Runs the handshake once; later calls do nothing (no renegotiation). */
    @Override
    public void startHandshake() throws IOException {
        if (!handshakeStarted.compareAndSet(false, true)) {
            return;
        }
        layer.handshake();
        SSLSession session = engine.getSession();
        LOG.debug("{}: {} {}, session created {}", layer.role(), session.getProtocol(), session.getCipherSuite(),
                session.getCreationTime());
        for (HandshakeCompletedListener listener : listeners) {
            listener.handshakeCompleted(new HandshakeCompletedEvent(this, session));
        }
    }

    /**
     * Ends TLS and returns the plain socket, which stays open (RFC 4217 section 12.3, {@code CCC}): sends
     * close_notify and reads up to the server's.
     *
     * @param waitMillis how long to wait for the server's close_notify
     * @return the plain socket, with its timeout as before
     * @throws SSLException      when the server ended the connection instead
     * @throws FtpProtoException when plain text came with the close_notify, before any command was sent
     */
    Socket unwrap(int waitMillis) throws IOException {
        int previous = plain.getSoTimeout();
        plain.setSoTimeout(waitMillis);
        layer.closeOutbound();
        if (!layer.awaitCloseNotify()) {
            throw new SSLException(layer.role() + ": the server closed the connection instead of ending TLS");
        }
        if (layer.hasBufferedNetBytes()) {
            throw new FtpProtoException("data after close_notify", layer.role() + ": the server sent plain text"
                    + " before any command; refusing it as an injection (contract H19)", null);
        }
        plain.setSoTimeout(previous);
        closed.set(true);
        return plain;
    }

    /**
     * Closes after a failed handshake: sends the alert the engine has pending, if it can, then closes the plain
     * socket. Failures are added to {@code failure} as suppressed.
     */
    void abandon(Exception failure) {
        closed.set(true);
        try {
            layer.closeOutbound();
        } catch (IOException | RuntimeException e) {
            if (e != failure && e != failure.getCause()) {
                failure.addSuppressed(e);
            }
        }
        try {
            plain.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Sends close_notify and closes the plain socket; idempotent. A failure to send close_notify after the
     * server sent its own is dropped (logged at DEBUG): the server ended the session first, so nothing is lost.
     *
     * @throws IOException when close_notify cannot be sent while the server had not ended the session
     */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            layer.closeOutbound();
            if (!layer.hasReadApplicationData() && !layer.isInboundDone()) {
                awaitServerClose();
            }
        } catch (IOException e) {
            if (!layer.isInboundDone()) {
                throw e;
            }
            LOG.debug("{}: ending TLS failed after the server's close_notify", layer.role(), e);
        } finally {
            plain.close();
        }
    }

    private void awaitServerClose() throws IOException {
        plain.shutdownOutput();
        if (plain.getSoTimeout() == 0) {
            plain.setSoTimeout(CLOSE_WAIT_MILLIS);
        }
        try {
            layer.drainToEndOfStream();
        } catch (SocketTimeoutException e) {
            // the server keeps the connection open: its final reply on the control connection tells the outcome
            LOG.debug("{}: the server did not close the connection after close_notify", layer.role(), e);
        }
    }

    /** Adds a sentence to the message of later read and write failures. */
    void setFailureHint(String hint) {
        layer.setFailureHint(hint);
    }

    @Override
    public boolean isClosed() {
        return closed.get() || plain.isClosed();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        checkOpen();
        return in;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        checkOpen();
        return out;
    }

    private void checkOpen() throws SocketException {
        if (isClosed()) {
            throw new SocketException("Socket is closed");
        }
    }

    @Override
    public String toString() {
        return "TlsEngineSocket[" + layer.role() + ", " + engine.getSession().getProtocol() + ", " + plain + "]";
    }

    // ---------------------------------------------------------------- SSLSocket, delegated to the engine

    @Override
    public SSLSession getSession() {
        return engine.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return engine.getHandshakeSession();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return engine.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        engine.setSSLParameters(params);
    }

    @Override
    public String getApplicationProtocol() {
        return engine.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return engine.getHandshakeApplicationProtocol();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return engine.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return engine.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        engine.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return engine.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return engine.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        engine.setEnabledProtocols(protocols);
    }

    @Override
    public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
        if (!listeners.remove(listener)) {
            throw new IllegalArgumentException("listener not registered");
        }
    }

    @Override
    public void setUseClientMode(boolean mode) {
        engine.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return engine.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        engine.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return engine.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        engine.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return engine.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        engine.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return engine.getEnableSessionCreation();
    }

    // ---------------------------------------------------------------- streams

    private final class TlsInputStream extends InputStream {
        private final byte[] single = new byte[1];

        @Override
        public int read() throws IOException {
            synchronized (single) {
                return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            return layer.read(b, off, len);
        }

        @Override
        public int available() {
            return layer.available();
        }

        @Override
        public void close() throws IOException {
            TlsEngineSocket.this.close();
        }
    }

    private final class TlsOutputStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            layer.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            TlsEngineSocket.this.close();
        }
    }
}

package io.camelftplib.ftplib;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
 * <p>Addresses, timeouts and socket options are the plain socket's: nothing here opens a second socket. TLS
 * settings are the engine's. {@link #close()} sends close_notify, and when nothing was read (an upload) it waits for
 * the server to end the connection (bounded by the timeout, or {@link #CLOSE_WAIT_MILLIS} without one): closing a
 * socket with an unread record (a TLS 1.3 session ticket) in its receive queue sends a TCP reset, which can make the
 * server drop uploaded data it has not read yet, and the ticket is needed for the next data connection.
 * {@link #unwrap} ends TLS and hands back the plain socket (CCC). Owns the plain socket. Thread-safe for one reader
 * and one writer; another thread may close it while they are blocked (without close_notify when a write is under
 * way).
 */
final class TlsEngineSocket extends SSLSocket {

    /** How long {@link #close()} waits for the server to end an upload's connection when no timeout is set. */
    static final int CLOSE_WAIT_MILLIS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(TlsEngineSocket.class);

    /** The connected socket TLS runs over; {@link FtpTls} carries on over it after {@code CCC}. */
    final Socket plain;

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
        this.plain = plain;
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
     * Ends TLS and leaves the plain socket open (RFC 4217 section 12.3, {@code CCC}): sends close_notify and reads
     * up to the peer's. The plain socket ({@link #plain}) carries the conversation on.
     *
     * @param waitMillis how long to wait for the peer's close_notify
     * @return the plain-text bytes that arrived right behind the peer's close_notify, usually none
     * @throws SSLException when the peer ended the connection instead
     */
    byte[] unwrap(int waitMillis) throws IOException {
        int previous = plain.getSoTimeout();
        plain.setSoTimeout(waitMillis);
        layer.closeOutbound();
        if (!layer.awaitCloseNotify()) {
            throw new SSLException(layer.role() + ": the peer closed the connection instead of ending TLS");
        }
        plain.setSoTimeout(previous);
        closed.set(true);
        return layer.takeBufferedNetBytes();
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
     * Sends close_notify and closes the plain socket; idempotent. A close_notify that cannot be sent fails only a
     * connection that was written and never read (an upload: the server may be missing data). After reading, it
     * loses nothing: a complete download ended with the server's close_notify, and an abandoned one (abort) has
     * failed already; that failure is logged at DEBUG.
     *
     * @throws IOException when close_notify cannot be sent after an upload
     */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!layer.tryCloseOutbound()) {
                // a write blocked in another thread holds the write side: closing the socket ends it
                LOG.debug("{}: another thread is writing, closing without close_notify", layer.role());
            } else if (!layer.hasReadApplicationData() && !layer.isInboundDone()) {
                awaitServerClose();
            }
        } catch (IOException e) {
            if (!layer.hasReadApplicationData() && !layer.isInboundDone()) {
                throw e;
            }
            LOG.debug("{}: ending TLS failed after reading", layer.role(), e);
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

    // ---------------------------------------------------------------- Socket, delegated to the plain socket

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        throw new SocketException("already connected");
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        throw new SocketException("already bound");
    }

    @Override
    public InetAddress getInetAddress() {
        return plain.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return plain.getLocalAddress();
    }

    @Override
    public int getPort() {
        return plain.getPort();
    }

    @Override
    public int getLocalPort() {
        return plain.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return plain.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return plain.getLocalSocketAddress();
    }

    @Override
    public boolean isConnected() {
        return plain.isConnected();
    }

    @Override
    public boolean isBound() {
        return plain.isBound();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        plain.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return plain.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        plain.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return plain.getTcpNoDelay();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        plain.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return plain.getKeepAlive();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        plain.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return plain.getSoLinger();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        plain.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return plain.getReceiveBufferSize();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        plain.setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return plain.getSendBufferSize();
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
        plain.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return plain.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return plain.supportedOptions();
    }

    /** TLS has no urgent data; the message is the JDK's own for SSL sockets. */
    @Override
    public void sendUrgentData(int data) throws IOException {
        throw new SocketException("This method is not supported by SSLSockets");
    }

    @Override
    public void shutdownInput() throws IOException {
        throw new UnsupportedOperationException("shutdownInput() is not supported on a TLS socket");
    }

    @Override
    public void shutdownOutput() throws IOException {
        throw new UnsupportedOperationException("shutdownOutput() is not supported on a TLS socket; close() it");
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

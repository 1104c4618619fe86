package io.camelftplib.ftplib;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * The TLS record layer of one connection: drives an {@link SSLEngine} over the streams of a plain socket for the
 * handshake, for reading (unwrap) and writing (wrap) application data, and for the close_notify exchange.
 *
 * <p>Buffers are allocated once per connection and grow only when the engine asks for more: received records
 * ({@code inNet}, room for several records so one socket read fetches many), decrypted bytes ({@code inApp}, one
 * record's plaintext) and records to send ({@code outNet}, several records, so a large write goes out in one
 * socket write). A read of at least one record's plaintext decrypts straight into the caller's array, and a write
 * encrypts straight from it: no copy and no allocation per record.
 *
 * <p>A connection the server drops without close_notify is an error: a truncated TLS stream is
 * not the end of a file. Does not own the plain socket. Thread-safe for one reader and one writer at a time, as
 * {@link SSLEngine} allows wrap and unwrap to run at once; the read lock may take the write lock (to answer a
 * post-handshake message), never the other way round. {@link #available()}, {@link #hasReadApplicationData()} and
 * {@link #tryCloseOutbound()} never wait for a reader or writer blocked on the socket.
 */
final class TlsRecordLayer {

    private static final int RECORDS_PER_NET_BUFFER = 4;

    private final SSLEngine engine;
    private final InputStream netIn;
    private final OutputStream netOut;
    private final String role;
    private final Object readLock = new Object();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ByteBuffer empty = ByteBuffer.allocate(0);
    /** Read mode: received bytes not yet unwrapped. */
    private ByteBuffer inNet;
    /** Read mode: decrypted bytes not yet delivered. */
    private ByteBuffer inApp;
    /** Write mode: records not yet sent. */
    private ByteBuffer outNet;
    private volatile boolean applicationDataRead;
    /** Decrypted bytes not yet delivered, readable without the read lock (a reader may hold it, blocked). */
    private volatile int appAvailable;
    private boolean endOfStream;
    private volatile String failureHint;
    // while true, handshake records are sent a whole flight per write, just before the next socket read
    private volatile boolean handshaking;

    /**
     * Creates the layer.
     *
     * @param role names the connection in messages, e.g. {@code control connection to 127.0.0.1:21}
     */
    TlsRecordLayer(SSLEngine engine, InputStream netIn, OutputStream netOut, String role) {
        this.engine = engine;
        this.netIn = netIn;
        this.netOut = netOut;
        this.role = role;
        int packet = engine.getSession().getPacketBufferSize();
        this.inNet = ByteBuffer.allocate(packet * RECORDS_PER_NET_BUFFER).flip();
        this.inApp = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
        this.outNet = ByteBuffer.allocate(packet * RECORDS_PER_NET_BUFFER);
    }

    String role() {
        return role;
    }

    /**
     * Sets a sentence added to the message of a later read or write failure, e.g. why the server may have
     * dropped the connection.
     */
    void setFailureHint(String hint) {
        this.failureHint = hint;
    }

    /**
     * Runs the whole handshake. Application data that arrives with the last handshake records is kept for
     * {@link #read}.
     *
     * @throws SSLHandshakeException when the server closed the connection during the handshake, or as the engine
     *                               throws (certificate, host name, protocol failures)
     */
    void handshake() throws IOException {
        // One write per flight, not per record: TLS 1.3 sends change_cipher_spec as soon as the ServerHello is read
        // and Finished after the rest, and that second small write waits under Nagle's algorithm for the server's
        // delayed ACK (about 40 ms on Linux) on every connection. So records are sent before the next read instead.
        handshaking = true;
        try {
            runHandshake();
        } finally {
            handshaking = false;
        }
        flushPending();
    }

    private void runHandshake() throws IOException {
        engine.beginHandshake();
        HandshakeStatus status = engine.getHandshakeStatus();
        while (status != HandshakeStatus.FINISHED && status != HandshakeStatus.NOT_HANDSHAKING) {
            SSLEngineResult result = null;
            if (status == HandshakeStatus.NEED_WRAP) {
                writeLock.lock();
                try {
                    result = wrap(empty);
                } finally {
                    writeLock.unlock();
                }
            } else if (status == HandshakeStatus.NEED_TASK) {
                runTasks();
            } else {
                synchronized (readLock) {
                    result = unwrapIntoBuffer();
                }
                if (result == null) {
                    throw new SSLHandshakeException(role + ": the server closed the connection during the TLS"
                            + " handshake");
                }
            }
            if (result != null && result.getStatus() == Status.CLOSED) {
                throw new SSLHandshakeException(role + ": the server ended TLS during the handshake");
            }
            status = engine.getHandshakeStatus();
        }
    }

    /**
     * Reads decrypted bytes, as {@link InputStream#read(byte[], int, int)}.
     *
     * @return the number of bytes, or -1 after the server's close_notify
     * @throws SSLException when the connection ended without close_notify (a possible truncation)
     */
    int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        synchronized (readLock) {
            applicationDataRead = true;
            while (!inApp.hasRemaining()) {
                if (engine.isInboundDone()) {
                    return -1;
                }
                boolean direct = len >= inApp.capacity();
                SSLEngineResult result = direct ? unwrapDirect(ByteBuffer.wrap(b, off, len)) : unwrapIntoBuffer();
                if (result == null) {
                    throw truncated();
                }
                if (direct && result.bytesProduced() > 0) {
                    return result.bytesProduced();
                }
            }
            int n = Math.min(len, inApp.remaining());
            inApp.get(b, off, n);
            appAvailable = inApp.remaining();
            return n;
        }
    }

    /**
     * Tells how many decrypted bytes can be read without blocking.
     *
     * @return the bytes in the decrypted buffer
     */
    int available() {
        return appAvailable;
    }

    /**
     * Encrypts and sends bytes; they are on the wire when this returns.
     *
     * @throws SocketException when the TLS connection was closed
     */
    void write(byte[] b, int off, int len) throws IOException {
        writeLock.lock();
        try {
            ByteBuffer src = ByteBuffer.wrap(b, off, len);
            while (src.hasRemaining()) {
                SSLEngineResult result = wrap(src);
                if (result.getStatus() == Status.CLOSED) {
                    throw new SocketException(role + ": the TLS connection is closed");
                }
                if (result.bytesConsumed() == 0 && result.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
                    throw new SSLException(role + ": the server started a TLS renegotiation, which this client"
                            + " does not support");
                }
            }
            flush();
        } finally {
            writeLock.unlock();
        }
    }

    /** Sends close_notify; idempotent. */
    void closeOutbound() throws IOException {
        writeLock.lock();
        closeOutboundLocked();
    }

    /**
     * Sends close_notify unless another thread is writing (it would block until that write ends).
     *
     * @return false when another thread holds the write side, and nothing was sent
     */
    boolean tryCloseOutbound() throws IOException {
        if (!writeLock.tryLock()) {
            return false;
        }
        closeOutboundLocked();
        return true;
    }

    /** Sends close_notify and releases the write lock, which the caller took. */
    private void closeOutboundLocked() throws IOException {
        try {
            engine.closeOutbound();
            while (!engine.isOutboundDone()) {
                if (wrap(empty).bytesProduced() == 0) {
                    break;
                }
            }
            flush();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Reads until the server's close_notify, discarding application data.
     *
     * @return true when close_notify came, false when the stream ended first
     */
    boolean awaitCloseNotify() throws IOException {
        synchronized (readLock) {
            while (!engine.isInboundDone()) {
                inApp.clear().flip();
                if (unwrapIntoBuffer() == null) {
                    return false;
                }
            }
            inApp.clear().flip();
            appAvailable = 0;
            return true;
        }
    }

    /**
     * Reads and drops whatever the server still sends, decrypted while the engine is open, raw after its
     * close_notify, until the end of the stream.
     */
    void drainToEndOfStream() throws IOException {
        if (awaitCloseNotify()) {
            synchronized (readLock) {
                inNet.clear().flip();
                byte[] scratch = inNet.array();
                while (readSocket(scratch, 0, scratch.length) >= 0) {
                    inNet.clear().flip();
                }
            }
        }
    }

    boolean hasReadApplicationData() {
        return applicationDataRead;
    }

    boolean isInboundDone() {
        return engine.isInboundDone();
    }

    /**
     * Removes and returns the bytes received after the last record the engine consumed: plain text behind the
     * peer's close_notify.
     */
    byte[] takeBufferedNetBytes() {
        synchronized (readLock) {
            byte[] rest = new byte[inNet.remaining()];
            inNet.get(rest);
            return rest;
        }
    }

    // ---------------------------------------------------------------- engine steps

    /** Unwraps one record into the decrypted buffer; null at the end of the stream. */
    private SSLEngineResult unwrapIntoBuffer() throws IOException {
        while (true) {
            inApp.compact();
            SSLEngineResult result;
            try {
                result = unwrap(inApp);
            } finally {
                inApp.flip();
                appAvailable = inApp.remaining();
            }
            if (result == null || result.getStatus() != Status.BUFFER_OVERFLOW) {
                return result;
            }
            inApp = grow(inApp, engine.getSession().getApplicationBufferSize());
        }
    }

    /** Unwraps one record into the caller's array; on overflow, grows the buffer for the next attempt. */
    private SSLEngineResult unwrapDirect(ByteBuffer dst) throws IOException {
        SSLEngineResult result = unwrap(dst);
        if (result != null && result.getStatus() == Status.BUFFER_OVERFLOW) {
            inApp = grow(inApp, Math.max(dst.remaining() + 1, engine.getSession().getApplicationBufferSize()));
        }
        return result;
    }

    /**
     * One unwrap, reading from the socket first as long as no whole record is buffered; answers what the engine
     * asks afterwards (delegated tasks, a record to send back).
     *
     * @return the result, never {@code BUFFER_UNDERFLOW}; null when the stream ended first
     */
    private SSLEngineResult unwrap(ByteBuffer dst) throws IOException {
        while (true) {
            SSLEngineResult result = engine.unwrap(inNet, dst);
            if (result.getStatus() != Status.BUFFER_UNDERFLOW) {
                followUp(result.getHandshakeStatus());
                return result;
            }
            if (handshaking) {
                flushPending();
            }
            if (!readNet()) {
                return null;
            }
        }
    }

    private void followUp(HandshakeStatus status) throws IOException {
        if (status == HandshakeStatus.NEED_TASK) {
            runTasks();
        }
        if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP && !engine.isOutboundDone()
                && !engine.isInboundDone()) {
            // the next handshake flight, or a TLS 1.3 KeyUpdate to answer; a close_notify is answered by close()
            writeLock.lock();
            try {
                wrap(empty);
                if (!handshaking) {
                    flush();
                }
            } finally {
                writeLock.unlock();
            }
        }
    }

    /** Sends the records wrapped but not yet sent, if any. */
    private void flushPending() throws IOException {
        writeLock.lock();
        try {
            if (outNet.position() > 0) {
                flush();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Reads more bytes from the socket; false at the end of the stream. */
    private boolean readNet() throws IOException {
        if (endOfStream) {
            return false;
        }
        inNet.compact();
        try {
            if (!inNet.hasRemaining()) {
                inNet.flip();
                inNet = grow(inNet, engine.getSession().getPacketBufferSize()).compact();
            }
            int n = readSocket(inNet.array(), inNet.arrayOffset() + inNet.position(), inNet.remaining());
            if (n < 0) {
                endOfStream = true;
                return false;
            }
            inNet.position(inNet.position() + n);
            return true;
        } finally {
            inNet.flip();
        }
    }

    /** One wrap into the send buffer, sending it first when full. Call with the write lock held. */
    private SSLEngineResult wrap(ByteBuffer src) throws IOException {
        while (true) {
            SSLEngineResult result = engine.wrap(src, outNet);
            if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                runTasks();
            }
            if (result.getStatus() != Status.BUFFER_OVERFLOW) {
                if (outNet.remaining() < engine.getSession().getPacketBufferSize()) {
                    flush();
                }
                return result;
            }
            if (outNet.position() > 0) {
                flush();
            } else {
                outNet = grow(outNet.flip(), engine.getSession().getPacketBufferSize()).compact();
            }
        }
    }

    private void flush() throws IOException {
        outNet.flip();
        try {
            if (outNet.hasRemaining()) {
                netOut.write(outNet.array(), outNet.arrayOffset() + outNet.position(), outNet.remaining());
                netOut.flush();
            }
        } catch (IOException e) {
            throw withHint(e);
        } finally {
            outNet.clear();
        }
    }

    private int readSocket(byte[] b, int off, int len) throws IOException {
        try {
            return netIn.read(b, off, len);
        } catch (IOException e) {
            throw withHint(e);
        }
    }

    private IOException withHint(IOException e) {
        String hint = failureHint;
        return hint == null || e instanceof java.net.SocketTimeoutException ? e
                : new SSLException(role + ": " + e.getMessage() + "; " + hint, e);
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** A copy of a read-mode buffer with at least {@code extra} more capacity, in read mode. */
    private static ByteBuffer grow(ByteBuffer buffer, int extra) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.capacity() + extra));
        bigger.put(buffer);
        return bigger.flip();
    }

    private SSLException truncated() {
        String hint = failureHint;
        return new SSLException(role + ": the server closed the connection without a TLS close_notify, so the"
                + " data may be truncated (an attacker can cut a TLS stream, not forge its close_notify)"
                + (hint == null ? "" : "; " + hint));
    }
}

package io.camelftplib.ftplib;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * The entry of one conversation (one control connection and its data connections) in JSSE's client session cache.
 *
 * <p>JSSE keeps client sessions by the host and port an {@link javax.net.ssl.SSLEngine} was created with, one
 * session per key, and uses a TLS 1.3 session ticket once. Keyed by the server's host and port, two conversations
 * sharing an {@link SSLContext} (two routes, a connection pool, one SSL bundle) take each other's tickets: while one
 * conversation's data connection holds the only cached ticket, the other's finds none and makes a full handshake,
 * which servers requiring session reuse refuse (vsftpd: {@code 522}). So each conversation gets its own key: the
 * server's host (still the name verified and sent as SNI) with a random number outside the TCP port range in place
 * of the port, which JSSE uses for nothing but the cache key.
 *
 * <p>It also tells which tickets arrived during a data connection: JSSE files each ticket as a new cached session,
 * and a TLS 1.3 data connection can resume only while the conversation holds a ticket it has not used yet.
 *
 * <p>Immutable; thread-safe as the cache is.
 *
 * @param context the context whose client cache holds the sessions
 * @param key     the host and the made-up port engines of this conversation are created with
 */
record ConversationSessions(SSLContext context, HostPort key) {

    /** Above every TCP port, so no key of a connection keyed by a real port is ever taken. */
    private static final int FIRST_KEY = 0x10000;

    /**
     * Makes a key no other conversation of the context uses (a collision needs the same random number among
     * two billion while both conversations are open).
     *
     * @param context the context
     * @param host    the server's host as the user named it
     * @return the conversation's entry
     */
    static ConversationSessions open(SSLContext context, String host) {
        int port = ThreadLocalRandom.current().nextInt(FIRST_KEY, Integer.MAX_VALUE);
        return new ConversationSessions(context, new HostPort(host, port));
    }

    /**
     * Returns the ids of the sessions cached for this conversation: the control session, and on TLS 1.3 one per
     * ticket received and not yet used.
     *
     * @return the ids, as buffers so they compare by content
     */
    Set<ByteBuffer> ids() {
        SSLSessionContext cache = context.getClientSessionContext();
        Set<ByteBuffer> ids = new HashSet<>();
        for (byte[] id : Collections.list(cache.getIds())) {
            SSLSession session = cache.getSession(id);
            if (session != null && session.getPeerPort() == key.port()
                    && key.host().equalsIgnoreCase(session.getPeerHost())) {
                ids.add(ByteBuffer.wrap(id));
            }
        }
        return ids;
    }

    /**
     * Tells whether a session arrived after a snapshot of {@link #ids()}: on TLS 1.3, a ticket received since.
     *
     * @param before the ids taken earlier
     * @return true when a session not in {@code before} is cached now
     */
    boolean hasNewSince(Set<ByteBuffer> before) {
        for (ByteBuffer id : ids()) {
            if (!before.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** Drops the conversation's sessions from the cache once it has ended: nobody can resume them any more. */
    void forget() {
        SSLSessionContext cache = context.getClientSessionContext();
        for (ByteBuffer id : ids()) {
            SSLSession session = cache.getSession(id.array());
            if (session != null) {
                session.invalidate();
            }
        }
    }
}

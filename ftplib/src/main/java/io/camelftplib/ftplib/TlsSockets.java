package io.camelftplib.ftplib;

import java.io.IOException;
import java.net.Socket;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * How {@link FtpTls} puts TLS on a socket: one client {@link SSLEngine} per connection, created with the
 * conversation's session-cache key ({@link ConversationSessions}) so that every connection of one conversation
 * shares a JSSE session-cache entry, and no other conversation does (session reuse), with host name verification ({@code HTTPS} endpoint
 * identification) and SNI on control and data alike, and a handshake failure explained in terms of
 * what to change.
 *
 * <p>Immutable; {@link FtpTls} replaces it when a setting changes.
 *
 * @param context        where engines come from (trust, keys, session cache)
 * @param verifyHostname whether the certificate must name the host
 * @param protocols      the TLS versions to offer, empty for the context's default
 */
record TlsSockets(SSLContext context, boolean verifyHostname, List<String> protocols) {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    TlsSockets {
        protocols = List.copyOf(protocols);
    }

    TlsSockets withVerifyHostname(boolean verify) {
        return new TlsSockets(context, verify, protocols);
    }

    TlsSockets withProtocols(List<String> versions) {
        return new TlsSockets(context, verifyHostname, versions);
    }

    /**
     * Runs a client handshake over a connected socket. On failure the socket is closed.
     *
     * @param plain  the connected socket
     * @param server the control connection's host (as the user named it), the name checked against the certificate
     *               and sent as SNI, and the conversation's made-up port: with the host, the session-cache key
     *               ({@link ConversationSessions})
     * @param role   names the connection in messages
     * @return the TLS socket
     * @throws SSLException when the handshake fails; the message says what to change
     */
    TlsEngineSocket handshake(Socket plain, HostPort server, String role) throws IOException {
        TlsEngineSocket socket;
        try {
            socket = new TlsEngineSocket(plain, newEngine(server), role);
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(plain, e);
            throw e;
        }
        try {
            socket.startHandshake();
            return socket;
        } catch (SSLException e) {
            SSLException explained = explain(e, server.host(), role);
            socket.abandon(explained);
            throw explained;
        } catch (IOException | RuntimeException e) {
            socket.abandon(e);
            throw e;
        }
    }

    private SSLEngine newEngine(HostPort server) {
        SSLEngine engine = context.createSSLEngine(server.host(), server.port());
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm(verifyHostname ? "HTTPS" : null);
        if (!IP_LITERAL.matcher(server.host()).matches()) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(server.host())));
            } catch (IllegalArgumentException e) {
                // a name SNI cannot carry (e.g. with '_'): sent without SNI, as JSSE itself does
                parameters.setServerNames(List.of());
            }
        }
        if (!protocols.isEmpty()) {
            parameters.setProtocols(protocols.toArray(String[]::new));
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    /**
     * Tells whether a data session resumed the control session: the same session id on TLS 1.2 and below; on
     * TLS 1.3, which has no session ids, the same creation time, which JSSE copies into a resumed session.
     */
    static boolean resumes(SSLSession control, SSLSession data) {
        if (!control.getProtocol().equals(data.getProtocol())) {
            return false;
        }
        if (data.getProtocol().equals("TLSv1.3")) {
            return data.getCreationTime() == control.getCreationTime();
        }
        byte[] id = control.getId();
        return id.length > 0 && Arrays.equals(id, data.getId());
    }

    /** What a refused TLS 1.2 data connection advises unless {@link FtpTls#setReuseAdvice} says otherwise. */
    static final String DEFAULT_TLS12_REUSE_ADVICE = "offer TLS 1.3 too (FtpTls.setEnabledProtocols with"
            + " \"TLSv1.3\", or the context's default), or start the JVM with"
            + " -Djdk.tls.client.enableSessionTicketExtension=false so that the server gives session ids";

    /**
     * Why a data connection that did not resume the control session may be refused, and what to do.
     *
     * @param protocol the data session's TLS version
     * @param advice   what to change on TLS 1.2
     */
    static String reuseHint(String protocol, String advice) {
        String why = protocol.equals("TLSv1.3")
                ? "JSSE uses each TLS 1.3 session ticket once, and the server sent no new one on the previous data"
                        + " connection (ProFTPD sends none on uploads); log in again on a new connection, whose"
                        + " handshake brings new tickets, before the next transfer (FtpTls.hasResumableSession()"
                        + " tells when)"
                : "the server gave the control session no session id, only a TLS 1.2 session ticket valid for more"
                        + " than 7 days, which JSSE drops (vsftpd 3.0.3 does so), so nothing can be resumed; "
                        + advice;
        return "the data connection did not resume the control connection's " + protocol + " session, which servers"
                + " requiring session reuse refuse: " + why;
    }

    private static void closeAfterFailure(Socket plain, Exception failure) {
        try {
            plain.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Rewords a handshake failure to say which connection failed and what to change. */
    static SSLException explain(SSLException e, String host, String role) {
        String advice;
        if (hasCause(e, CertificateException.class, "No subject alternative", "No name matching")) {
            advice = "the server certificate does not name the host \"" + host + "\"; connect with a name the"
                    + " certificate carries, or, if you trust this server by other means, turn host name"
                    + " verification off with FtpTls.setHostnameVerification(false)";
        } else if (hasCause(e, CertPathBuilderException.class) || hasCause(e, CertPathValidatorException.class)) {
            advice = "the server certificate is not trusted; pass new FtpTls(sslContext) a context whose trust"
                    + " store holds the server's certificate or its CA";
        } else {
            advice = "check that the server offers TLS here and shares a protocol version with this client";
        }
        String message = role + ": TLS handshake failed: " + e.getMessage() + " (" + advice + ")";
        SSLException explained = e instanceof SSLHandshakeException
                ? new SSLHandshakeException(message) : new SSLException(message);
        explained.initCause(e);
        return explained;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type, String... messagePrefixes) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            boolean messageMatches = messagePrefixes.length == 0 || startsWithAny(t.getMessage(), messagePrefixes);
            if (type.isInstance(t) && messageMatches) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String text, String... prefixes) {
        if (text == null) {
            return false;
        }
        for (String prefix : prefixes) {
            if (text.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

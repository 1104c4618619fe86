package io.camelftplib.ftplib;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Negotiates the data connections of one conversation: the bodies of ftplib's {@code sendport},
 * {@code sendeprt}, {@code makeport}, {@code makepasv} and {@code ntransfercmd}. It sends PASV/EPSV or PORT/EPRT,
 * then {@code REST} and the transfer command, and expects the 1xx; {@link DataConnector} does the socket work and
 * its checks. The steps a subclass of {@link Ftp} may override come in as {@link Hooks}.
 *
 * <p>The caller owns the {@link DataConnection} it returns; a listening socket is closed before it returns. Not
 * thread-safe: it shares one conversation.
 */
final class DataChannel {

    /**
     * The steps of opening a data connection that a subclass of {@link Ftp} may override, as ftplib's
     * {@code FTP_TLS} overrides {@code ntransfercmd}: this class and {@link Transfers} call them through this
     * interface, never {@link Ftp} itself, so an override (TLS on the data connection) applies to every transfer.
     */
    interface Hooks {

        /** ftplib's {@code makepasv}: the address to connect to. */
        HostPort makePasv() throws IOException;

        /** ftplib's {@code makeport}: a listening socket, announced to the server. */
        ServerSocket makePort() throws IOException;

        /** ftplib's {@code ntransfercmd}: the open data connection after the 1xx reply. */
        DataConnection ntransferCmd(String cmd, String rest) throws IOException;
    }

    /** How long one wait for an active-mode connection lasts before the control connection is looked at. */
    private static final int ACCEPT_SLICE_MILLIS = 100;

    // RFC 959 section 4.2: the replies to a command a server does not implement
    private static final Set<String> UNKNOWN_COMMAND = Set.of("500", "502", "504");

    private final Conversation conversation;
    private final DataSettings settings;

    DataChannel(Conversation conversation, DataSettings settings) {
        this.conversation = conversation;
        this.settings = settings;
    }

    /** {@link Ftp#sendPort(String, int)}: {@code PORT h1,h2,h3,h4,p1,p2}. */
    String sendPort(String host, int port) throws IOException {
        return conversation.voidCmd("PORT " + host.replace('.', ',') + "," + (port / 256) + "," + (port % 256));
    }

    /** {@link Ftp#sendEprt(String, int)}: {@code EPRT |af|host|port|} (RFC 2428). */
    String sendEprt(String host, int port) throws IOException {
        int af = conversation.addressFamily() == StandardProtocolFamily.INET ? 1 : 2;
        return conversation.voidCmd("EPRT |" + af + "|" + host + "|" + port + "|");
    }

    /**
     * {@link Ftp#makePort()}: listens on the control connection's local address only, and advertises it, or the
     * external address a client behind NAT is reached at.
     */
    ServerSocket makePort() throws IOException {
        conversation.requireInStep();
        if (conversation.isViaProxy()) {
            // the server would connect to this host's address, which a proxied client hides or cannot be reached on
            throw new IllegalStateException("active mode cannot work through a proxy: the server cannot connect"
                    + " back through it; use passive mode (setPasv(true))");
        }
        InetAddress local = conversation.socket().getLocalAddress();
        ServerSocket server = DataConnector.listen(local, settings.timeout(), settings.activePorts());
        try {
            InetAddress external = settings.activeExternalAddress();
            InetAddress advertised = external == null ? local : external;
            String address = DataConnector.hostAddress(advertised);
            if (DataConnector.isIpv4(advertised) && DataConnector.isIpv4(local)) {
                sendPort(address, server.getLocalPort());
            } else {
                // RFC 2428 section 2: EPRT names the address family of the address it carries
                int af = DataConnector.isIpv4(advertised) ? 1 : 2;
                conversation.voidCmd("EPRT |" + af + "|" + address + "|" + server.getLocalPort() + "|");
            }
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * {@link Ftp#makePasv()}: PASV on IPv4, its host replaced by the peer unless trusted; EPSV on IPv6, and on IPv4
     * when asked (falling back to PASV when the server does not know EPSV).
     */
    HostPort makePasv() throws IOException {
        conversation.requireInStep();
        String peer = conversation.serverHost();
        boolean trusted = settings.isTrustServerPasvIpv4Address();
        boolean ipv4 = conversation.addressFamily() == StandardProtocolFamily.INET;
        if (ipv4 && settings.isUseEpsvWithIpv4()) {
            try {
                String resp = conversation.sendCmd("EPSV");
                return DataConnector.checkPassiveAddress(FtpReplies.parse229(resp, peer), resp, false);
            } catch (FtpPermException e) {
                // RFC 2428 section 3 leaves EPSV optional on IPv4: a server without it answers as to any unknown
                // command, and PASV still works there
                if (!UNKNOWN_COMMAND.contains(e.replyCode())) {
                    throw e;
                }
            }
        }
        if (ipv4) {
            String resp = conversation.sendCmd("PASV");
            HostPort advertised = FtpReplies.parse227(resp);
            DataConnector.checkOctets(advertised.host(), resp);
            DataConnector.checkPassiveAddress(advertised, resp, trusted);
            return trusted ? advertised : new HostPort(peer, advertised.port());
        }
        String resp = conversation.sendCmd("EPSV");
        return DataConnector.checkPassiveAddress(FtpReplies.parse229(resp, peer), resp, false);
    }

    /** {@link Ftp#ntransferCmd(String, String)}: passive connects before the command, active accepts after. */
    DataConnection open(Hooks hooks, String cmd, String rest) throws IOException {
        // a remembered SIZE answer is for the next transfer only, whether it is the RETR it describes or not
        conversation.forgetSize();
        Socket socket;
        String resp;
        if (settings.isPassive()) {
            if (settings.isUsePret()) {
                // PRET (a DrFTPD extension): a distributed server picks the node that holds the file before PASV
                conversation.voidCmd("PRET " + cmd);
            }
            HostPort target = hooks.makePasv();
            socket = DataConnector.connect(target, settings.timeout(), settings.sourceAddress(), settings.proxy());
            try {
                resp = sendTransferCommand(cmd, rest);
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        } else {
            try (ServerSocket server = hooks.makePort()) {
                resp = sendTransferCommand(cmd, rest);
                socket = acceptActive(server, cmd);
            }
        }
        conversation.transferStarted();
        OptionalLong size = resp.startsWith("150") ? FtpReplies.parse150(resp) : OptionalLong.empty();
        return new DataConnection(socket, size);
    }

    /**
     * Waits for the server's active-mode data connection, in short slices between which it looks at the control
     * connection: a server that cannot connect says so there (150, then 425 or 421) and never connects, so waiting
     * only on {@code accept()} would sit out the whole timeout with the refusal already read.
     */
    private Socket acceptActive(ServerSocket server, String cmd) throws IOException {
        long timeoutMillis = DataConnector.millis(settings.timeout());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (settings.timeout() != null && left <= 0) {
                    throw new SocketTimeoutException("the server did not open the active-mode data connection for "
                            + conversation.describe(cmd) + " within " + timeoutMillis + " ms");
                }
                int slice = settings.timeout() == null ? ACCEPT_SLICE_MILLIS
                        : (int) Math.max(1, Math.min(ACCEPT_SLICE_MILLIS, left));
                server.setSoTimeout(slice);
                try {
                    return DataConnector.accept(server, conversation.socket().getInetAddress(), settings.timeout());
                } catch (SocketTimeoutException e) {
                    if (conversation.replyArriving()) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            // the server answered 1xx, so a final reply is still to come
            conversation.markOutOfStep("the active data connection for " + cmd + " failed: " + e.getMessage());
            throw e;
        }
        throw refusedInstead(cmd);
    }

    /**
     * Reads the reply that came instead of the data connection. A 4xx or 5xx is thrown as its kind by
     * {@link Conversation#getResp()}; it ends the transfer, so the conversation stays in step.
     */
    private FtpException refusedInstead(String cmd) throws IOException {
        String resp = conversation.getResp();
        return new FtpProtoException(resp, conversation.context(resp) + "; it came before the server opened the "
                + "active-mode data connection for " + conversation.describe(cmd), null);
    }

    private String sendTransferCommand(String cmd, String rest) throws IOException {
        if (rest != null) {
            String restResp = conversation.sendCmd("REST " + rest);
            if (!restResp.startsWith("350")) {
                // a server that ignores REST would send the file from byte 0, which the caller would append
                throw new FtpReplyException(restResp,
                        conversation.context(restResp) + "; the server does not support resuming", null);
            }
        }
        String resp = conversation.sendCmd(cmd);
        // some servers send a 200 before the 150 to LIST or STOR (ftplib's comment): skip exactly one
        if (resp.charAt(0) == '2') {
            resp = conversation.getResp();
        }
        if (resp.charAt(0) != '1') {
            throw new FtpReplyException(resp, conversation.context(resp), null);
        }
        return resp;
    }
}

package io.camelftplib.ftplib;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.util.OptionalLong;

/**
 * Negotiates the data connections of one {@link Ftp} on its control connection: the bodies of ftplib's
 * {@code makeport}, {@code makepasv} and {@code ntransfercmd}. It sends PASV/EPSV or PORT/EPRT, then {@code REST}
 * and the transfer command, and expects the 1xx; {@link DataConnector} does the socket work and its checks.
 *
 * <p>Calls back the overridable {@link Ftp#makePasv()} and {@link Ftp#makePort()}. The caller owns the
 * {@link DataConnection} it returns; a listening socket is closed before it returns. Not thread-safe: it shares
 * its {@link Ftp}'s one conversation.
 */
final class DataChannel {

    private final Ftp ftp;

    DataChannel(Ftp ftp) {
        this.ftp = ftp;
    }

    /** {@link Ftp#makePort()}: listens on the control connection's local address only. */
    ServerSocket makePort() throws IOException {
        ftp.requireInSync();
        InetAddress local = ftp.control.socket().getLocalAddress();
        ServerSocket server = DataConnector.listen(local, ftp.timeout(), ftp.activePorts());
        try {
            String address = DataConnector.hostAddress(local);
            if (DataConnector.isIpv4(local)) {
                ftp.sendPort(address, server.getLocalPort());
            } else {
                ftp.sendEprt(address, server.getLocalPort());
            }
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** {@link Ftp#makePasv()}: PASV on IPv4, its host replaced by the peer unless trusted; EPSV on IPv6. */
    HostPort makePasv() throws IOException {
        ftp.requireInSync();
        String peer = DataConnector.hostAddress(ftp.control.socket().getInetAddress());
        boolean trusted = ftp.isTrustServerPasvIpv4Address();
        if (ftp.getAddressFamily() == StandardProtocolFamily.INET) {
            String resp = ftp.sendCmd("PASV");
            HostPort advertised = FtpReplies.parse227(resp);
            DataConnector.checkOctets(advertised.host(), resp);
            DataConnector.checkPassiveAddress(advertised, resp, trusted);
            return trusted ? advertised : new HostPort(peer, advertised.port());
        }
        String resp = ftp.sendCmd("EPSV");
        return DataConnector.checkPassiveAddress(FtpReplies.parse229(resp, peer), resp, false);
    }

    /** {@link Ftp#ntransferCmd(String, String)}: passive connects before the command, active accepts after. */
    DataConnection open(String cmd, String rest) throws IOException {
        Socket socket;
        String resp;
        if (ftp.isPassive()) {
            HostPort target = ftp.makePasv();
            socket = DataConnector.connect(target, ftp.timeout(), ftp.getSourceAddress());
            try {
                resp = sendTransferCommand(cmd, rest);
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        } else {
            try (ServerSocket server = ftp.makePort()) {
                resp = sendTransferCommand(cmd, rest);
                socket = acceptActive(server, cmd);
            }
        }
        OptionalLong size = resp.startsWith("150") ? FtpReplies.parse150(resp) : OptionalLong.empty();
        return new DataConnection(socket, size);
    }

    private Socket acceptActive(ServerSocket server, String cmd) throws IOException {
        try {
            return DataConnector.accept(server, ftp.control.socket().getInetAddress(), ftp.timeout());
        } catch (IOException e) {
            // the server answered 1xx, so a final reply is still to come
            ftp.markOutOfSync("the active data connection for " + cmd + " failed: " + e.getMessage());
            throw e;
        }
    }

    private String sendTransferCommand(String cmd, String rest) throws IOException {
        if (rest != null) {
            String restResp = ftp.sendCmd("REST " + rest);
            if (!restResp.startsWith("350")) {
                // a server that ignores REST would send the file from byte 0 (contract H12)
                throw new FtpReplyException(restResp,
                        ftp.context(restResp) + "; the server does not support resuming", null);
            }
        }
        String resp = ftp.sendCmd(cmd);
        // some servers send a 200 before the 150 to LIST or STOR (ftplib's comment): skip exactly one
        if (resp.charAt(0) == '2') {
            resp = ftp.getResp();
        }
        if (resp.charAt(0) != '1') {
            throw new FtpReplyException(resp, ftp.context(resp), null);
        }
        return resp;
    }
}

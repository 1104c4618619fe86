package io.camelftplib.ftplib;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP {@code CONNECT} handshake (RFC 9110, section "CONNECT"), with Basic authentication (RFC 7617) when the
 * proxy has a login. Reads the answer a byte at a time so that nothing after its blank line (the FTP server's
 * welcome may follow at once) is taken from the socket, and bounds it: a line at most {@value #MAX_LINE} bytes,
 * the whole head at most {@value #MAX_HEAD} bytes. Any 2xx opens the tunnel; anything else raises
 * {@link FtpProxyException} with the status line and what to check. Stateless.
 */
final class HttpConnect {

    static final int MAX_LINE = 8192;
    static final int MAX_HEAD = 65536;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] ([0-9]{3})(?: .*)?");

    private HttpConnect() {
    }

    static void handshake(Socket socket, FtpProxy proxy, HostPort target) throws IOException {
        ProxyTunnel.checkTargetHost(target.host());
        String authority = ProxyTunnel.authority(target);
        StringBuilder request = new StringBuilder()
                .append("CONNECT ").append(authority).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n");
        if (proxy.hasCredentials()) {
            byte[] login = (proxy.username() + ":" + proxy.password()).getBytes(StandardCharsets.UTF_8);
            request.append("Proxy-Authorization: Basic ").append(Base64.getEncoder().encodeToString(login))
                    .append("\r\n");
        }
        request.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        readAnswer(socket.getInputStream(), proxy, authority);
    }

    private static void readAnswer(InputStream in, FtpProxy proxy, String authority) throws IOException {
        int[] budget = {MAX_HEAD};
        String statusLine = readLine(in, budget, proxy, authority);
        Matcher status = STATUS_LINE.matcher(statusLine);
        if (!status.matches()) {
            throw new FtpProxyException(proxy.where(), statusLine, "the " + proxy + " answered CONNECT " + authority
                    + " with \"" + statusLine + "\", which is not an HTTP status line (check that it is an HTTP"
                    + " proxy, not a SOCKS proxy or the FTP server itself)", null);
        }
        while (!readLine(in, budget, proxy, authority).isEmpty()) {
            // headers: the status line alone decides, and the tunnel starts after the blank line
        }
        int code = Integer.parseInt(status.group(1));
        if (code / 100 != 2) {
            throw new FtpProxyException(proxy.where(), statusLine, "the " + proxy + " refused CONNECT " + authority
                    + ": " + statusLine + " (" + advice(code, proxy, authority) + ")", null);
        }
    }

    private static String advice(int code, FtpProxy proxy, String authority) {
        switch (code) {
            case 401:
            case 407:
                // tinyproxy answers a CONNECT with a wrong login 401, most proxies 407
                return proxy.hasCredentials() ? "check the proxy username and password"
                        : "the proxy requires a login: set a proxy username and password";
            case 403:
                return "the proxy does not let CONNECT reach " + authority + ": its rules must allow the FTP"
                        + " control port and the server's passive ports (tinyproxy: ConnectPort; Squid: the"
                        + " CONNECT and SSL_ports ACLs)";
            case 502:
            case 503:
            case 504:
                return "the proxy could not reach " + authority + ": check the FTP host and port, which the proxy"
                        + " resolves and connects to itself";
            default:
                return "check the proxy's settings and that it allows CONNECT to " + authority;
        }
    }

    /** One line without its CR LF, ISO-8859-1, control bytes shown as '?'; counted against the head's budget. */
    private static String readLine(InputStream in, int[] budget, FtpProxy proxy, String authority)
            throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("end of stream in the proxy's answer");
            }
            if (--budget[0] < 0 || line.length() > MAX_LINE) {
                throw new FtpProxyException(proxy.where(), null, "the " + proxy + " answered CONNECT " + authority
                        + " with a line over " + MAX_LINE + " bytes or a head over " + MAX_HEAD + " bytes (check"
                        + " that it is an HTTP proxy)", null);
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append(b < ' ' && b != '\r' || b == 0x7f ? '?' : (char) b);
        }
    }
}

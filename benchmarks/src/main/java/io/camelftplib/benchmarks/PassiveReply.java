package io.camelftplib.benchmarks;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's passive-mode reply on the control connection, as the {@link LatencyProxy} reads it: {@code 227
 * Entering Passive Mode (h1,h2,h3,h4,p1,p2)} (RFC 959) or {@code 229 Entering Extended Passive Mode (|||port|)}
 * (RFC 2428). {@link #parse} finds the port; {@link #pointingAt} writes the same reply with the proxy's address in
 * place of the server's. The host in a 227 is not kept: the proxy connects to the control connection's server,
 * as ftplib does unless told to trust the PASV address (CVE-2021-4189). Immutable.
 *
 * @param line the reply line as received, without CR LF
 * @param port the server's data port
 */
record PassiveReply(String line, int port) {

    // the numbers anywhere in the line, as ftplib's parse227 finds them (servers vary the text around them)
    private static final Pattern PASV = Pattern.compile("(\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)");
    private static final Pattern EPSV = Pattern.compile("\\((.)\\1\\1(\\d+)\\1\\)");

    /**
     * Reads a reply line.
     *
     * @param line one control line from the server, without CR LF
     * @return the passive reply, or empty for any other line (also a 227/229 the proxy cannot read: it passes)
     */
    static Optional<PassiveReply> parse(String line) {
        Matcher m;
        if (line.startsWith("227 ") && (m = PASV.matcher(line)).find()) {
            int port = Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6));
            return Optional.of(new PassiveReply(line, port));
        }
        if (line.startsWith("229 ") && (m = EPSV.matcher(line)).find()) {
            return Optional.of(new PassiveReply(line, Integer.parseInt(m.group(2))));
        }
        return Optional.empty();
    }

    /**
     * The same reply, naming another address: the proxy's data listener.
     *
     * @param ipv4 the listener's address, dotted (a 229 carries no address, so it is ignored there)
     * @param newPort the listener's port
     * @return the line, without CR LF
     */
    String pointingAt(String ipv4, int newPort) {
        if (line.startsWith("229 ")) {
            Matcher m = EPSV.matcher(line);
            m.find();
            String d = m.group(1);
            return line.substring(0, m.start()) + "(" + d + d + d + newPort + d + ")" + line.substring(m.end());
        }
        Matcher m = PASV.matcher(line);
        m.find();
        String numbers = String.format(Locale.ROOT, "%s,%d,%d", ipv4.replace('.', ','), newPort >> 8, newPort & 0xFF);
        return line.substring(0, m.start()) + numbers + line.substring(m.end());
    }
}

package io.camelftplib.camel;

import java.net.URI;
import java.util.regex.Pattern;

import org.apache.camel.util.URISupport;

/**
 * The server part of an endpoint URI, {@code [user[:password]@]host[:port]}, read from the raw authority rather
 * than from {@link URI#getHost()}: {@code java.net.URI} answers "no host" both for a bad port ({@code host:abc})
 * and for host names it does not accept, such as the {@code ftp_server} of a Docker Compose service, so its answer
 * could only produce a misleading message.
 *
 * @param userInfo the raw (still percent-encoded) user information, null when there is none
 * @param host     the host name or address, without the brackets of an IPv6 literal; empty when there is none
 * @param port     the port, -1 when the URI names none
 */
record EndpointAddress(String userInfo, String host, int port) {

    // letters, digits, '-', '.', '_' (used by container names): a name a resolver can be asked for
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    /**
     * Reads the server part of a URI.
     *
     * @param uri the endpoint URI without its query
     * @return the address
     * @throws IllegalArgumentException saying what is wrong with the host or the port, and what is allowed
     */
    static EndpointAddress of(URI uri) {
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return new EndpointAddress(null, "", -1);
        }
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        // Camel percent-encodes the brackets of an IPv6 literal when it normalises the endpoint URI
        String hostPort = authority.substring(at + 1).replaceAll("(?i)%5B", "[").replaceAll("(?i)%5D", "]");
        String host;
        String port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0 || !IPV6.matcher(hostPort.substring(1, close)).matches()) {
                throw invalid(uri, "the IPv6 address " + hostPort + " is not written [address]");
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw invalid(uri, "the IPv6 address " + hostPort + " is followed by '" + after + "' instead of :port");
            }
            port = after.isEmpty() ? null : after.substring(1);
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? null : hostPort.substring(colon + 1);
            if (!host.isEmpty() && !HOST_NAME.matcher(host).matches()) {
                throw invalid(uri, "the host '" + host + "' is not a host name or IPv4 "
                        + "address (letters, digits, '-', '.' and '_'; write an IPv6 address in brackets)");
            }
        }
        return new EndpointAddress(userInfo, host, port == null ? -1 : port(uri, port));
    }

    private static int port(URI uri, String text) {
        if (!DIGITS.matcher(text).matches()) {
            throw invalid(uri, "the port '" + text + "' is not a number: use 1 to 65535, or leave it out for 21");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw invalid(uri, "the port " + port + " is out of range: use 1 to 65535, or leave it out for 21");
        }
        return port;
    }

    private static IllegalArgumentException invalid(URI uri, String problem) {
        return new IllegalArgumentException("The endpoint " + URISupport.sanitizeUri(uri.toString()) + " is not "
                + "usable: " + problem);
    }
}

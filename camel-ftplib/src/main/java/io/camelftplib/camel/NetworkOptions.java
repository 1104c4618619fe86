package io.camelftplib.camel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Pattern;

import io.camelftplib.ftplib.Ftp;

/**
 * The endpoint options for the networks between client and server (NAT, firewalls, connections dropped when idle),
 * checked when set and applied to each new engine client: the address active mode advertises, EPSV on IPv4, PRET
 * when the server's FEAT offers it, trusting the PASV address, and the control keepalive during transfers.
 *
 * <p>Stateless.
 */
final class NetworkOptions {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d"
            + "|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private NetworkOptions() {
    }

    /**
     * Sets the options that apply from the first command on.
     *
     * @param config the endpoint's options
     * @param client the new, unconnected client
     */
    static void beforeConnect(FtplibConfiguration config, Ftp client) {
        client.setActiveExternalAddress(config.activeExternalInetAddress());
        client.setUseEpsvWithIpv4(config.isUseEpsvWithIpv4());
        client.setTrustServerPasvIpv4Address(config.isTrustPasvAddress());
        client.setControlKeepAliveTimeout(Duration.ofMillis(config.getControlKeepAliveTimeout()));
        client.setControlKeepAliveReplyTimeout(Duration.ofMillis(config.getControlKeepAliveReplyTimeout()));
    }

    /**
     * Sets the options that depend on what the server offers: PRET only when FEAT lists it, as servers that do not
     * know PRET refuse it.
     *
     * @param config   the endpoint's options
     * @param client   the logged-in client
     * @param features what the server's FEAT offered
     */
    static void afterFeatures(FtplibConfiguration config, Ftp client, ServerFeatures features) {
        client.setUsePret(config.isUsePret() && features.has("PRET"));
    }

    /**
     * Parses an IP address option without asking DNS, which a bad value would otherwise reach at every connection.
     *
     * @param option the option's name, for the message
     * @param value  an IPv4 or IPv6 address, or null
     * @return the address, or null for null
     * @throws IllegalArgumentException naming the option and the value when it is no IP address
     */
    static InetAddress parseAddress(String option, String value) {
        if (value == null) {
            return null;
        }
        String literal = value.strip();
        if (IPV4.matcher(literal).matches() || IPV6.matcher(literal).matches()) {
            try {
                // a literal: getByName parses it and asks no DNS
                return InetAddress.getByName(literal);
            } catch (UnknownHostException e) {
                throw badAddress(option, value, e);
            }
        }
        throw badAddress(option, value, null);
    }

    private static IllegalArgumentException badAddress(String option, String value, Exception cause) {
        return new IllegalArgumentException(option + " must be an IPv4 or IPv6 address such as 203.0.113.7 (the "
                + "public address of the router in front of the client), was '" + value + "'", cause);
    }

    /**
     * Checks a duration option in milliseconds against its range.
     *
     * @param option the option's name, for the message
     * @param millis the value
     * @param min    the least allowed value
     * @return the value, as an int
     * @throws IllegalArgumentException naming the option, the value and the range when outside it
     */
    static int checkMillis(String option, long millis, int min) {
        if (millis < min || millis > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + Integer.MAX_VALUE
                    + " milliseconds, was " + millis);
        }
        return (int) millis;
    }
}

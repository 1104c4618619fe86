package io.camelftplib.camel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code ftplib:} does with the options of Camel's {@code ftp:} and {@code ftps:} that it does not take as
 * they are: the Commons Net settings ({@code ftpClient.*}, {@code ftpClientConfig.*}) that have an equivalent
 * become that option, and those that cannot apply fail endpoint creation with a message naming the option and what
 * to use instead, rather than Camel's generic "parameters that couldn't be set". Every other option of those
 * catalogs is an option of {@code ftplib:} itself; {@code FtpCatalogParityTest} keeps that true.
 *
 * <p>One rule is one line of {@link #RULES}: a setting that becomes an option is {@link Rule#rename}, one that
 * cannot apply is {@link Rule#refuse}, one that ftplib: honours in one value only is {@link Rule#onlyValue}.
 *
 * <p>Immutable; thread-safe.
 */
final class CamelFtpOptions {

    /** How an ftp: option is handled by ftplib:; the fields not used by its kind are null. */
    record Rule(String name, String target, Function<String, String> convert, String onlyValue, String refusal,
                String replacement) {

        /** The value as given. */
        static final Function<String, String> SAME = Function.identity();

        /**
         * A setting that is an ftplib: option under another name.
         *
         * @param name   the ftp: name, e.g. {@code ftpClient.dataTimeout}
         * @param target the ftplib: option
         * @return the rule
         */
        static Rule rename(String name, String target) {
            return new Rule(name, target, SAME, null, null, target);
        }

        /**
         * A setting that cannot apply.
         *
         * @param name        the ftp: name
         * @param why         why, as a clause ("ftplib: has no ...")
         * @param replacement what to use instead (an option, or "remove it")
         * @return the rule
         */
        static Rule refuse(String name, String why, String replacement) {
            return new Rule(name, null, null, null, why, replacement);
        }

        /**
         * An option ftplib: honours in one value, its own behaviour; any other value is refused.
         *
         * @param name        the ftp: name
         * @param value       the value accepted (and then dropped: it is what ftplib: does anyway)
         * @param why         why other values cannot apply
         * @param replacement what to use instead
         * @return the rule
         */
        static Rule onlyValue(String name, String value, String why, String replacement) {
            return new Rule(name, null, null, value, why, replacement);
        }

        String message(String scheme, Object value) {
            return "The option " + name + (value == null ? "" : "=" + value) + " of Camel's ftp: cannot be used with "
                    + scheme + ": endpoints: " + refusal + "; instead: " + replacement;
        }
    }

    private static final String NO_FTP_CLIENT = "ftplib: has no Commons Net FTPClient";
    private static final String NO_CLIENT_CONFIG = "ftplib: has no Commons Net FTPClientConfig";

    /** The rules, by the ftp: name. */
    static final Map<String, Rule> RULES = rules(
            // whole objects of Commons Net
            Rule.refuse("ftpClient", NO_FTP_CLIENT + " to take a custom instance", "set its settings with the "
                    + "endpoint's options (timeout, connectTimeout, soTimeout, encoding, passiveMode, activePortRange, "
                    + "bufferSize) or the ftpClient.* names that map onto them"),
            Rule.refuse("ftpClientConfig", NO_CLIENT_CONFIG + " to take a custom instance", "the listing options "
                    + "(listing, listingDialect, serverLanguageCode, defaultDateFormat, recentDateFormat, "
                    + "serverTimeZoneId)"),
            // ftpClient.*: FTPClient setters with an ftplib: option
            Rule.rename("ftpClient.dataTimeout", "timeout"),
            Rule.rename("ftpClient.connectTimeout", "connectTimeout"),
            Rule.rename("ftpClient.defaultTimeout", "soTimeout"),
            Rule.rename("ftpClient.controlEncoding", "encoding"),
            Rule.rename("ftpClient.bufferSize", "bufferSize"),
            // ftpClient.*: Commons Net counts the keepalive in seconds, ftplib: in milliseconds like every timeout
            new Rule("ftpClient.controlKeepAliveTimeout", "controlKeepAliveTimeout", CamelFtpOptions::secondsToMillis,
                    null, null, "controlKeepAliveTimeout"),
            Rule.rename("ftpClient.controlKeepAliveReplyTimeout", "controlKeepAliveReplyTimeout"),
            Rule.rename("ftpClient.activeExternalIPAddress", "activeExternalAddress"),
            Rule.rename("ftpClient.useEPSVwithIPv4", "useEpsvWithIpv4"),
            Rule.refuse("ftpClient.passiveNatWorkaroundStrategy", NO_FTP_CLIENT + "; the PASV address is "
                    + "replaced by the control connection's peer unless trusted", "trustPasvAddress"),
            Rule.refuse("ftpClient.remoteVerificationEnabled", NO_FTP_CLIENT + "; data connections are always "
                    + "checked to come from the control connection's peer", "remove it"),
            Rule.refuse("ftpClient.copyStreamListener", NO_FTP_CLIENT, "transferLoggingLevel and "
                    + "transferLoggingIntervalSeconds for progress"),
            Rule.refuse("ftpClient.hostnameVerifier", NO_FTP_CLIENT + "; ftplibs: verifies the host name itself",
                    "verifyHostname"),
            Rule.refuse("ftpClient.trustManager", NO_FTP_CLIENT, "sslContextParameters or ftpClient.trustStore.*"),
            // ftpClientConfig.*: FTPClientConfig settings, read by the LIST parser
            Rule.rename("ftpClientConfig.serverLanguageCode", "serverLanguageCode"),
            Rule.rename("ftpClientConfig.serverTimeZoneId", "serverTimeZoneId"),
            Rule.rename("ftpClientConfig.defaultDateFormatStr", "defaultDateFormat"),
            Rule.rename("ftpClientConfig.recentDateFormatStr", "recentDateFormat"),
            new Rule("ftpClientConfig.systemKey", "listingDialect", CamelFtpOptions::systemKeyToDialect, null, null,
                    "listingDialect"),
            // camel-file read lock options of ftp: whose marker files ftplib: never writes
            Rule.onlyValue("readLockMarkerFile", "false", "ftplib: writes no marker files: readLock=changed "
                    + "checks size and time, readLock=idempotent keeps several nodes apart through the "
                    + "idempotentRepository", "readLockMarkerFile=false, or remove it"),
            Rule.onlyValue("readLockDeleteOrphanLockFiles", "false", "ftplib: writes no lock files, so none are "
                    + "left to delete", "readLockDeleteOrphanLockFiles=false, or remove it"));

    /** The prefixes of Commons Net settings in a URI; a setting under them without a rule is refused. */
    private static final Map<String, String> PREFIXES = Map.of(
            "ftpClient.", NO_FTP_CLIENT, "ftpClientConfig.", NO_CLIENT_CONFIG);

    private CamelFtpOptions() {
    }

    private static Map<String, Rule> rules(Rule... rules) {
        Map<String, Rule> byName = new LinkedHashMap<>();
        for (Rule rule : rules) {
            byName.put(rule.name(), rule);
        }
        return Map.copyOf(byName);
    }

    /**
     * Rewrites an endpoint's parameters before Camel sets them: renamed settings become their ftplib: option (a
     * value given both ways must agree), accepted values are dropped, and the first setting that cannot apply
     * fails. Call after the scheme took its own prefixed options ({@code ftpClient.keyStore.*}).
     *
     * @param scheme     {@code ftplib} or {@code ftplibs}, for messages
     * @param parameters the endpoint's parameters, changed in place
     * @throws IllegalArgumentException naming the option and what to use instead
     */
    static void translate(String scheme, Map<String, Object> parameters) {
        for (String name : new ArrayList<>(parameters.keySet())) {
            Rule rule = RULES.get(name);
            if (rule == null) {
                refuseUnmapped(scheme, name);
                continue;
            }
            Object value = parameters.remove(name);
            if (rule.target() != null) {
                Object converted = value instanceof String text ? rule.convert().apply(text) : value;
                Object given = parameters.putIfAbsent(rule.target(), converted);
                if (given != null && !given.equals(converted)) {
                    throw new IllegalArgumentException(name + "=" + value + " and " + rule.target() + "=" + given
                            + " disagree: " + name + " is the ftp: name of " + rule.target() + "; keep only "
                            + rule.target());
                }
            } else if (rule.onlyValue() == null || !rule.onlyValue().equals(String.valueOf(value))) {
                throw new IllegalArgumentException(rule.message(scheme, value));
            }
        }
    }

    private static void refuseUnmapped(String scheme, String name) {
        for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
            if (name.startsWith(prefix.getKey())) {
                String mapped = RULES.values().stream().filter(r -> r.target() != null)
                        .filter(r -> r.name().startsWith(prefix.getKey()))
                        .map(r -> r.name() + " (" + r.target() + ")").sorted().collect(Collectors.joining(", "));
                throw new IllegalArgumentException(Rule.refuse(name, prefix.getValue() + " to set "
                        + name.substring(prefix.getKey().length()) + " on", "an option of " + scheme + ": (see its "
                        + "component page)" + (mapped.isEmpty() ? "" : "; the " + prefix.getKey() + "* settings "
                        + "it maps are " + mapped)).message(scheme, null));
            }
        }
    }

    /**
     * Returns what to use instead of an ftp: option that ftplib: refuses, for documentation and tests.
     *
     * @param name the ftp: name
     * @return the replacement, or null when the name has no rule
     */
    static String replacementOf(String name) {
        Rule rule = RULES.get(name);
        return rule == null ? null : rule.replacement();
    }

    /**
     * Returns the rules in a stable order, for documentation and tests.
     *
     * @return the rules by name
     */
    static List<Rule> sorted() {
        return RULES.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /** Commons Net's keepalive is in seconds; ftplib:'s, like every timeout of the component, in milliseconds. */
    private static String secondsToMillis(String seconds) {
        try {
            return Long.toString(Math.multiplyExact(Long.parseLong(seconds.strip()), 1000L));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("The option ftpClient.controlKeepAliveTimeout=" + seconds + " is not a "
                    + "whole number of seconds: use controlKeepAliveTimeout in milliseconds, or whole seconds here");
        }
    }

    /**
     * Commons Net's system keys ({@code UNIX}, {@code UNIX_LTRIM}, {@code WINDOWS}, {@code VMS}, {@code OS/400},
     * {@code MVS}) as listing dialects.
     */
    private static String systemKeyToDialect(String key) {
        String dialect = key.strip().toUpperCase(java.util.Locale.ROOT).replace("/", "");
        return dialect.startsWith("UNIX") ? "UNIX" : dialect;
    }
}

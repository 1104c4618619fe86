package io.camelftplib.camel;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

import org.apache.camel.util.TimeUtils;
import org.apache.camel.util.URISupport;

/**
 * Checks the numeric endpoint options when the endpoint is created. Camel's own conversion turns a value it cannot
 * read ({@code timeout=abc}, {@code timeout=1.5}) into 0 and passes negative numbers through, and for a socket both
 * mean "wait forever": a typo would hang a route instead of failing its start. The raw text is checked before
 * Camel converts it, the converted values after (they may also come from Java or Spring configuration).
 *
 * <p>Stateless; thread-safe.
 */
final class OptionValues {

    private static final Pattern MILLIS = Pattern.compile("-?\\d{1,19}");
    // Camel's duration syntax: 30s, 5m, 1h30m, 500ms, 2d
    private static final Pattern DURATION = Pattern.compile("(?:\\d{1,9}(?:ms|d|h|m|s))+", Pattern.CASE_INSENSITIVE);
    private static final String FOREVER = "0 or less would wait forever";

    /** How an option is written and what it may be. */
    private enum Kind { DURATION, COUNT }

    /** One checked option: its name, kind, allowed range, why the range is what it is, and its current value. */
    private record Rule(String option, Kind kind, long min, long max, String why,
                        ToLongFunction<FtplibConfiguration> value) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("port", Kind.COUNT, 1, 65535, "TCP ports are 1 to 65535", FtplibConfiguration::getPort),
            new Rule("connectTimeout", Kind.DURATION, 1, Integer.MAX_VALUE, FOREVER,
                    FtplibConfiguration::getConnectTimeout),
            new Rule("soTimeout", Kind.DURATION, 1, Integer.MAX_VALUE, FOREVER, FtplibConfiguration::getSoTimeout),
            new Rule("timeout", Kind.DURATION, 1, Integer.MAX_VALUE, FOREVER, FtplibConfiguration::getTimeout),
            new Rule("listingTimeout", Kind.DURATION, 1, Integer.MAX_VALUE, FOREVER,
                    FtplibConfiguration::getListingTimeout),
            new Rule("reconnectDelay", Kind.DURATION, 0, Integer.MAX_VALUE, "it is a pause",
                    FtplibConfiguration::getReconnectDelay),
            new Rule("maximumReconnectAttempts", Kind.COUNT, 0, Integer.MAX_VALUE, "0 turns retries off",
                    FtplibConfiguration::getMaximumReconnectAttempts),
            new Rule("maxConnections", Kind.COUNT, 1, Integer.MAX_VALUE, "a consumer or producer needs one",
                    FtplibConfiguration::getMaxConnections));

    private OptionValues() {
    }

    /**
     * Checks the options as written in the endpoint URI, before Camel converts them.
     *
     * @param endpoint   the endpoint URI, for the message
     * @param parameters the URI's options
     * @throws IllegalArgumentException naming the option, the value and the allowed range
     */
    static void checkWritten(String endpoint, Map<String, Object> parameters) {
        for (Rule rule : RULES) {
            Object written = parameters.get(rule.option());
            if (written instanceof String text) {
                checkRange(endpoint, rule, text, parse(endpoint, rule, text.strip()));
            }
        }
    }

    /**
     * Checks the options as set, whichever way they were set.
     *
     * @param endpoint the endpoint URI, for the message
     * @param config   the endpoint's configuration
     * @throws IllegalArgumentException naming the option, the value and the allowed range
     */
    static void checkSet(String endpoint, FtplibConfiguration config) {
        for (Rule rule : RULES) {
            long value = rule.value().applyAsLong(config);
            checkRange(endpoint, rule, Long.toString(value), value);
        }
    }

    private static long parse(String endpoint, Rule rule, String text) {
        if (MILLIS.matcher(text).matches()) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw invalid(endpoint, rule, text, "is too large");
            }
        }
        if (rule.kind() == Kind.DURATION && DURATION.matcher(text).matches()) {
            return TimeUtils.toMilliSeconds(text.toLowerCase(Locale.ROOT));
        }
        throw invalid(endpoint, rule, text, rule.kind() == Kind.DURATION
                ? "is not a whole number of milliseconds nor a duration such as 30s, 5m or 1h30m"
                : "is not a whole number");
    }

    private static void checkRange(String endpoint, Rule rule, String text, long value) {
        if (value < rule.min() || value > rule.max()) {
            throw invalid(endpoint, rule, text, "is out of range (" + rule.why() + ")");
        }
    }

    private static IllegalArgumentException invalid(String endpoint, Rule rule, String text, String problem) {
        String unit = rule.kind() == Kind.DURATION ? " milliseconds, or a duration such as 30s" : "";
        return new IllegalArgumentException("The option " + rule.option() + "=" + text + " of "
                + URISupport.sanitizeUri(endpoint) + " "
                + problem + ": use " + rule.min() + " to " + rule.max() + unit);
    }
}

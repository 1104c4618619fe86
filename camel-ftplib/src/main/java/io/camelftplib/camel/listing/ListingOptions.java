package io.camelftplib.camel.listing;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * How {@code LIST} lines are read: the endpoint options {@code listingDialect}, {@code serverLanguageCode},
 * {@code defaultDateFormat}, {@code recentDateFormat} and {@code serverTimeZoneId}, checked once.
 *
 * <p>Immutable.
 *
 * @param dialect           the dialect tried first
 * @param languageCode      the language of month names (a code of {@link #LANGUAGES}), or null for all known ones
 * @param defaultDateFormat a {@link DateTimeFormatter} pattern of dates with a year, or null for the built-in forms
 * @param recentDateFormat  a pattern of dates without a year, or null for the built-in forms
 * @param zone              the zone of the server's clock, in which LIST times are read
 */
public record ListingOptions(ListingDialect dialect, String languageCode, String defaultDateFormat,
                             String recentDateFormat, ZoneId zone) {

    /** The language codes {@code serverLanguageCode} accepts, comma-separated, for messages and docs. */
    public static final String LANGUAGES = String.join(", ", MonthNames.LANGUAGES);

    /** Auto-detected dialect, every known language, the built-in date forms, UTC. */
    public static final ListingOptions DEFAULT = new ListingOptions(ListingDialect.AUTO, null, null, null,
            ZoneOffset.UTC);

    /**
     * Checks the options.
     *
     * @param dialect           the dialect
     * @param languageCode      the language code or null
     * @param defaultDateFormat the pattern or null
     * @param recentDateFormat  the pattern or null
     * @param zone              the zone
     * @throws NullPointerException     when dialect or zone is null
     * @throws IllegalArgumentException when a language, pattern is not valid (see the check methods)
     */
    public ListingOptions {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(zone, "zone");
        languageCode = checkLanguage(languageCode);
        checkPattern("defaultDateFormat", defaultDateFormat);
        checkPattern("recentDateFormat", recentDateFormat);
    }

    /**
     * Checks a {@code serverLanguageCode}.
     *
     * @param code the code, any case; null or blank for all known languages
     * @return the code in lower case, or null
     * @throws IllegalArgumentException when the code is not one of {@link #LANGUAGES}
     */
    public static String checkLanguage(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String lower = code.strip().toLowerCase(Locale.ROOT);
        if (!MonthNames.LANGUAGES.contains(lower)) {
            throw new IllegalArgumentException("serverLanguageCode=" + code + " is not supported: use one of "
                    + LANGUAGES + ", or leave it unset to read the month names of all of them");
        }
        return lower;
    }

    /**
     * Checks a date pattern option.
     *
     * @param option  the option name, for the message
     * @param pattern the pattern, or null
     * @return the formatter, or null when the pattern is null or blank
     * @throws IllegalArgumentException when the pattern is not a {@link DateTimeFormatter} pattern
     */
    public static DateTimeFormatter checkPattern(String option, String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return null;
        }
        try {
            return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + "=" + pattern + " is not a date pattern (" + e.getMessage()
                    + "): use a java.time.format.DateTimeFormatter pattern such as "
                    + (option.startsWith("recent") ? "'d MMM HH:mm'" : "'d MMM yyyy'"), e);
        }
    }

    /**
     * Checks a {@code serverTimeZoneId}.
     *
     * @param id the zone ID, null or blank for UTC
     * @return the zone
     * @throws IllegalArgumentException when the JVM does not know the zone
     */
    public static ZoneId checkZone(String id) {
        if (id == null || id.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("serverTimeZoneId=" + id + " is not a time zone (" + e.getMessage()
                    + "): use a region ID such as Europe/Berlin, UTC, or an offset such as +01:00", e);
        }
    }
}

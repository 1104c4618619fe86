package io.camelftplib.camel.listing;

import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Reads the date of a Unix-like line from whitespace-separated tokens: the configured patterns first
 * ({@code defaultDateFormat}, {@code recentDateFormat}), then the forms {@code ls} prints: {@code Mär 17 12:54},
 * {@code Apr  8  1994}, {@code 26. Juli, 20:10}, {@code 2. Okt. 2003}, {@code 2023-01-31 12:34},
 * {@code Oct 08, 2002 09:47}, {@code 6月 3日 2003年}.
 *
 * <p>Immutable; thread-safe.
 */
final class DateTokens {

    private static final String[] ENGLISH = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private final MonthNames months;
    private final ListingCalendar calendar;
    private final DateTimeFormatter defaultFormat;
    private final DateTimeFormatter recentFormat;
    private final int defaultTokens;
    private final boolean twoDigitYear;
    private final int recentTokens;

    DateTokens(ListingOptions options, ListingCalendar calendar) {
        this.months = MonthNames.of(options.languageCode());
        this.calendar = calendar;
        this.defaultFormat = formatter(options.defaultDateFormat());
        this.recentFormat = formatter(options.recentDateFormat());
        this.defaultTokens = tokens(options.defaultDateFormat());
        this.twoDigitYear = ListingCalendar.hasTwoDigitYear(options.defaultDateFormat());
        this.recentTokens = tokens(options.recentDateFormat());
    }

    /** The month names this reader knows, for the other dialects' month fields. */
    MonthNames months() {
        return months;
    }

    /**
     * Reads a date starting at token {@code first}.
     *
     * @param tokens the tokens of the line
     * @param count  how many tokens are filled
     * @param first  the index of the first date token
     * @return the time and how many tokens it took, or null
     */
    Match read(String[] tokens, int count, int first) {
        Match custom = custom(tokens, count, first);
        if (custom != null) {
            return custom;
        }
        if (first + 1 < count && isIsoDate(tokens[first]) && isTime(tokens[first + 1])) {
            String d = tokens[first];
            return ok(calendar.at(num(d.substring(0, 4)), num(d.substring(5, 7)), num(d.substring(8, 10)),
                    hour(tokens[first + 1]), minute(tokens[first + 1])), 2);
        }
        if (first + 2 >= count) {
            return null;
        }
        int month = months.month(tokens[first]);
        if (month > 0) {
            int day = day(tokens[first + 1]);
            if (day > 0 && tokens[first + 1].endsWith(",") && first + 3 < count && year(tokens[first + 2]) > 0
                    && isTime(tokens[first + 3])) {
                return ok(calendar.at(year(tokens[first + 2]), month, day, hour(tokens[first + 3]),
                        minute(tokens[first + 3])), 4);
            }
            return day > 0 ? yearOrTime(month, day, tokens[first + 2]) : null;
        }
        int day = day(tokens[first]);
        month = months.month(tokens[first + 1]);
        return day > 0 && month > 0 ? yearOrTime(month, day, tokens[first + 2]) : null;
    }

    private Match yearOrTime(int month, int day, String token) {
        if (isTime(token)) {
            return ok(calendar.recent(month, day, hour(token), minute(token)), 3);
        }
        int year = year(token);
        return year > 0 ? ok(calendar.at(year, month, day, 0, 0), 3) : null;
    }

    private Match custom(String[] tokens, int count, int first) {
        Match dated = parse(defaultFormat, defaultTokens, tokens, count, first);
        return dated != null ? dated : parse(recentFormat, recentTokens, tokens, count, first);
    }

    private Match parse(DateTimeFormatter format, int width, String[] tokens, int count, int first) {
        if (format == null || first + width > count) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int i = first; i < first + width; i++) {
            String token = tokens[i];
            int month = months.month(token);
            // month names of any language are read through their English name, so the pattern needs no locale
            text.append(i > first ? " " : "").append(month > 0 && hasLetter(token) ? ENGLISH[month - 1] : token);
        }
        try {
            TemporalAccessor t = format.parse(text);
            int month = t.get(ChronoField.MONTH_OF_YEAR);
            int day = t.get(ChronoField.DAY_OF_MONTH);
            int hour = t.isSupported(ChronoField.HOUR_OF_DAY) ? t.get(ChronoField.HOUR_OF_DAY) : 0;
            int minute = t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0;
            if (!t.isSupported(ChronoField.YEAR)) {
                return ok(calendar.recent(month, day, hour, minute), width);
            }
            int year = calendar.fromPattern(t.get(ChronoField.YEAR), twoDigitYear);
            return ok(calendar.at(year, month, day, hour, minute), width);
        } catch (DateTimeException | ArithmeticException e) {
            // not this pattern: the built-in forms are tried next
            return null;
        }
    }

    private static Match ok(long time, int width) {
        return time == ListingCalendar.INVALID ? null : new Match(time, width);
    }

    private static DateTimeFormatter formatter(String pattern) {
        return pattern == null ? null : new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }

    private static int tokens(String pattern) {
        return pattern == null ? 0 : pattern.strip().split("\\s+").length;
    }

    private static boolean hasLetter(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetter(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean isTime(String token) {
        int colon = token.indexOf(':');
        return (colon == 1 || colon == 2) && token.length() == colon + 3 && hour(token) >= 0 && hour(token) < 24
                && minute(token) >= 0 && minute(token) < 60;
    }

    private static boolean isIsoDate(String token) {
        return token.length() == 10 && token.charAt(4) == '-' && token.charAt(7) == '-'
                && num(token.substring(0, 4)) >= 0 && num(token.substring(5, 7)) >= 0 && num(token.substring(8)) >= 0;
    }

    static int hour(String time) {
        return num(time.substring(0, time.indexOf(':')));
    }

    static int minute(String time) {
        return num(time.substring(time.indexOf(':') + 1));
    }

    private static int day(String token) {
        String t = strip(token, ".,日일");
        int day = num(t);
        return day >= 1 && day <= 31 ? day : -1;
    }

    private static int year(String token) {
        String t = strip(token, "年년,");
        return t.length() == 4 ? num(t) : -1;
    }

    private static String strip(String token, String suffixes) {
        String t = token;
        while (!t.isEmpty() && suffixes.indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static int num(String digits) {
        return ListNumbers.parse(digits, 4);
    }

    /**
     * A date read from tokens.
     *
     * @param time   UTC milliseconds
     * @param tokens how many tokens the date took
     */
    record Match(long time, int tokens) {
    }
}

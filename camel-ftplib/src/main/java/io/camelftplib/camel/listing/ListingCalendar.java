package io.camelftplib.camel.listing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Turns the date parts of a listing line into UTC milliseconds: in the server's zone, to the minute, placing
 * year-less dates and two-digit years relative to the server's today.
 *
 * <p>Immutable; thread-safe.
 */
final class ListingCalendar {

    /** What the methods return for fields that name no valid date or time (any time before 1970 is valid). */
    static final long INVALID = Long.MIN_VALUE;

    private final LocalDate today;
    private final ZoneId zone;

    ListingCalendar(LocalDate today, ZoneId zone) {
        this.today = today;
        this.zone = zone;
    }

    /**
     * Returns a time with a year.
     *
     * @return UTC milliseconds, or {@link #INVALID} when the fields name no valid date or time
     */
    long at(int year, int month, int day, int hour, int minute) {
        try {
            return LocalDateTime.of(year, month, day, hour, minute).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    /**
     * Returns a time without a year, as {@code ls} prints files of the last six months: in this year, unless that is
     * more than a day ahead of today (a file from December listed in January), then in the last year. The day of
     * slack covers servers whose clock runs ahead of the client's, as Commons Net and FileZilla allow.
     *
     * @return UTC milliseconds, or {@link #INVALID} when the fields name no valid date or time
     */
    long recent(int month, int day, int hour, int minute) {
        int year = today.getYear();
        LocalDate date = date(year, month, day);
        if (date == null || date.isAfter(today.plusDays(1))) {
            // also 29 February when this year has none: the file is from the last year
            year--;
        }
        return at(year, month, day, hour, minute);
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Widens a two-digit year as {@code java.text.SimpleDateFormat} does, and so Commons Net: into the century that
     * starts 80 years before today ({@code 99} is 1999, {@code 00} is 2000).
     *
     * @param year a year below 100, or a full year (returned as is)
     * @return the full year
     */
    int fullYear(int year) {
        if (year >= 100) {
            return year;
        }
        int start = today.getYear() - 80;
        int candidate = start - Math.floorMod(start, 100) + year;
        return candidate < start ? candidate + 100 : candidate;
    }

    /**
     * Tells whether a date pattern prints the year with two digits ({@code yy}), which java.time reads as 20xx.
     *
     * @param pattern the pattern, or null
     * @return true for {@code yy} without {@code yyy}
     */
    static boolean hasTwoDigitYear(String pattern) {
        return pattern != null && (pattern.contains("yy") && !pattern.contains("yyy")
                || pattern.contains("uu") && !pattern.contains("uuu"));
    }

    /**
     * Widens the year a two-digit pattern gave (java.time reads {@code 99} as 2099) as {@link #fullYear} does.
     *
     * @param year         the parsed year
     * @param twoDigitYear whether the pattern has a two-digit year
     * @return the full year
     */
    int fromPattern(int year, boolean twoDigitYear) {
        return twoDigitYear ? fullYear(Math.floorMod(year, 100)) : year;
    }
}

package io.camelftplib.camel.listing;

import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads IBM i (OS/400) lines: {@code QSYS  77824 02/23/00 15:09:55 *DIR  dir/}, and members without size or date
 * ({@code QPGMR  *MEM  RPGUNITC1.FILE/RUCALLTST.MBR}). {@code *DIR} and {@code *LIB} objects and names ending in
 * {@code /} are directories; stream files ({@code *STMF}), files ({@code *FILE}), members ({@code *MEM}) and
 * documents are files; the name is the last segment of the path.
 *
 * <p>The date's field order is not fixed on these servers: {@code defaultDateFormat} (with the time, e.g.
 * {@code MM/dd/yy HH:mm:ss}) settles it. Without it the first valid reading of year/month/day, month/day/year,
 * day/month/year is taken (Commons Net's default is the first), and dotted dates read day.month.year.
 *
 * <p>Immutable; thread-safe.
 */
final class Os400LineParser implements LineParser {

    private static final Pattern LINE = Pattern.compile("(?s)(\\S++) ++(\\d{1,18}+)"
            + " ++((\\d{2})([/.-])(\\d{2})\\5(\\d{2}) ++(\\d{2}):(\\d{2}):\\d{2}) ++(\\*[A-Z]++) ++(.+)");
    private static final Pattern MEMBER = Pattern.compile("(?s)(\\S++) ++\\*MEM ++(.+)");

    private final ListingCalendar calendar;
    private final DateTimeFormatter custom;
    private final boolean twoDigitYear;

    Os400LineParser(ListingCalendar calendar, ListingOptions options) {
        this.calendar = calendar;
        this.custom = ListingOptions.checkPattern("defaultDateFormat", options.defaultDateFormat());
        this.twoDigitYear = ListingCalendar.hasTwoDigitYear(options.defaultDateFormat());
    }

    @Override
    public ListEntry parse(String line) {
        Matcher member = MEMBER.matcher(line);
        if (member.matches()) {
            return entry(member.group(2), "*MEM", -1, -1);
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        long time = custom != null ? customTime(m.group(3)) : time(m);
        long size = ListNumbers.parseLong(m.group(2), 18);
        return time == ListingCalendar.INVALID ? null : entry(m.group(11), m.group(10), size, time);
    }

    private long time(Matcher m) {
        int a = num(m.group(4));
        int b = num(m.group(6));
        int c = num(m.group(7));
        int hour = num(m.group(8));
        int minute = num(m.group(9));
        if (m.group(5).equals(".")) {
            return calendar.at(calendar.fullYear(c), b, a, hour, minute);
        }
        long time = calendar.at(calendar.fullYear(a), b, c, hour, minute);
        if (time == ListingCalendar.INVALID) {
            time = calendar.at(calendar.fullYear(c), a, b, hour, minute);
        }
        return time != ListingCalendar.INVALID ? time : calendar.at(calendar.fullYear(c), b, a, hour, minute);
    }

    private long customTime(String text) {
        try {
            TemporalAccessor t = custom.parse(text);
            return calendar.at(calendar.fromPattern(t.get(ChronoField.YEAR), twoDigitYear),
                    t.get(ChronoField.MONTH_OF_YEAR), t.get(ChronoField.DAY_OF_MONTH), t.get(ChronoField.HOUR_OF_DAY),
                    t.get(ChronoField.MINUTE_OF_HOUR));
        } catch (DateTimeException e) {
            // the configured pattern does not fit this line: the line is unknown
            return ListingCalendar.INVALID;
        }
    }

    private static ListEntry entry(String path, String kind, long size, long time) {
        boolean directory = kind.equals("*DIR") || kind.equals("*LIB") || path.endsWith("/");
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        if (name.isEmpty()) {
            return null;
        }
        return new ListEntry(name, directory ? ListEntry.Type.DIRECTORY : ListEntry.Type.FILE,
                directory ? -1 : size, time, 0);
    }

    private static int num(String digits) {
        return ListNumbers.parse(digits, 2);
    }
}

package io.camelftplib.camel.listing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Windows/IIS (DOS-style) lines: {@code 04-27-00  12:09PM  <DIR>  name}, {@code 09-13-10  20:08  69 name}
 * (24-hour clock, as IIS and Windows CE print by default), four-digit years ({@code 05-26-1995}), ISO dates
 * ({@code 2002-09-02  18:48}) and sizes with thousands separators ({@code 9,730}). A two-digit year is widened as
 * Commons Net does: {@code 99} is 1999.
 *
 * <p>Immutable; thread-safe.
 */
final class WindowsLineParser implements LineParser {

    private static final Pattern LINE = Pattern.compile("(?s)(?:(\\d{1,2})-(\\d{1,2})-(\\d{2}|\\d{4})"
            + "|(\\d{4})-(\\d{1,2})-(\\d{1,2})) ++(\\d{1,2}):(\\d{2})(?: *+([AaPp])[Mm])?"
            + " ++(<DIR>|[\\d,]{1,24}+) ++(.+)");

    private final ListingCalendar calendar;

    WindowsLineParser(ListingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public ListEntry parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        boolean usOrder = m.group(1) != null;
        int year = usOrder ? calendar.fullYear(num(m.group(3))) : num(m.group(4));
        int month = num(usOrder ? m.group(1) : m.group(5));
        int day = num(usOrder ? m.group(2) : m.group(6));
        int hour = hour(num(m.group(7)), m.group(9));
        long time = hour < 0 ? ListingCalendar.INVALID : calendar.at(year, month, day, hour, num(m.group(8)));
        if (time == ListingCalendar.INVALID) {
            return null;
        }
        boolean directory = m.group(10).equals("<DIR>");
        long size = directory ? -1 : ListNumbers.parseSize(m.group(10));
        if (!directory && size < 0) {
            return null;
        }
        return new ListEntry(m.group(11), directory ? ListEntry.Type.DIRECTORY : ListEntry.Type.FILE, size, time, 0);
    }

    /** The hour of day: 12-hour times run 12, 1 ... 11 (12AM is midnight); -1 when out of range. */
    private static int hour(int hour, String amPm) {
        if (amPm == null) {
            return hour < 24 ? hour : -1;
        }
        if (hour < 1 || hour > 12) {
            return -1;
        }
        return hour % 12 + (amPm.equalsIgnoreCase("p") ? 12 : 0);
    }

    private static int num(String digits) {
        return ListNumbers.parse(digits, 4);
    }
}

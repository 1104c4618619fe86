package io.camelftplib.camel.listing;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OpenVMS lines: {@code 1-JUN.LIS;1  9/9  2-JUN-1998 07:32:04  [GROUP,OWNER]  (RWED,RWED,RWED,RE)}.
 *
 * <p>The name is given without its version ({@code ;1}); {@link ListParser#latestVersions} keeps the highest
 * version of each name. {@code NAME.DIR;1} is a directory, named {@code NAME.DIR} as Commons Net names it (VMS
 * servers accept it in {@code CWD}). The size column counts 512-byte blocks, used/allocated: the byte size lies
 * anywhere within the last block, so the size is unknown (-1) rather than Commons Net's blocks times 512, which
 * would make every download's byte count check fail. A long name pushes the rest onto a second line; that line is
 * joined to the name line before it.
 *
 * <p>Not thread-safe: keeps a wrapped name until its second line arrives.
 */
final class VmsLineParser implements LineParser {

    private static final Pattern NAME_ONLY = Pattern.compile("([^\\s;]++);(\\d{1,5})\\s*+");
    private static final Pattern LINE = Pattern.compile("(?s)([^\\s;]++);(\\d{1,5}) ++(?:\\d++(?:/\\d++)?|\\d++[KMG]B)"
            + " ++(\\d{1,2})-([A-Za-z]{3})-(\\d{4})(?: ++(\\d{1,2}):(\\d{2})(?::\\d{2}(?:\\.\\d++)?)?)?(?:\\s.*)?");

    private final ListingCalendar calendar;
    private final MonthNames months;
    private String wrapped;

    VmsLineParser(ListingCalendar calendar, MonthNames months) {
        this.calendar = calendar;
        this.months = months;
    }

    @Override
    public ListEntry parse(String line) {
        String name = wrapped;
        wrapped = null;
        Matcher m = name == null ? null : LINE.matcher(name + " " + line.strip());
        if (m == null || !m.matches()) {
            if (NAME_ONLY.matcher(line).matches()) {
                wrapped = line.strip();
                return null;
            }
            m = LINE.matcher(line);
            if (!m.matches()) {
                return null;
            }
        }
        int month = months.month(m.group(4));
        int hour = m.group(6) == null ? 0 : ListNumbers.parse(m.group(6), 2);
        int minute = m.group(7) == null ? 0 : ListNumbers.parse(m.group(7), 2);
        long time = month == 0 ? ListingCalendar.INVALID
                : calendar.at(ListNumbers.parse(m.group(5), 4), month, ListNumbers.parse(m.group(3), 2), hour, minute);
        if (time == ListingCalendar.INVALID) {
            return null;
        }
        name = m.group(1);
        boolean directory = name.toUpperCase(Locale.ROOT).endsWith(".DIR");
        return new ListEntry(name, directory ? ListEntry.Type.DIRECTORY : ListEntry.Type.FILE, -1, time,
                ListNumbers.parse(m.group(2), 5));
    }
}

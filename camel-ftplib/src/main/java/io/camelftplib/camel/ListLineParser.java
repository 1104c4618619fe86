package io.camelftplib.camel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one line of a {@code LIST} reply in the two formats servers use: Unix {@code ls -l} and the DOS/IIS
 * format. LIST times are in the server's time zone, which FTP does not tell; they are read as UTC, to the minute
 * (use MLSD for exact times).
 *
 * <p>Stateless; thread-safe.
 */
final class ListLineParser {

    // -rw-r--r--   1 owner group     1234 Jan  1 12:34 name   |   ... Jan  1  2023 name
    /** Where the sizes of parsed lines come from, for messages. */
    private static final String LISTING = "the LIST listing";
    private static final Pattern UNIX = Pattern.compile(
            "([bcdlps-])[rwxsStTL-]{9}[+@.]?\\s+\\d+\\s+\\S+\\s+(?:\\S+\\s+)?(\\d+)\\s+"
            + "([A-Za-z]{3})\\s+(\\d{1,2})\\s+(\\d{1,2}:\\d{2}|\\d{4})\\s(.*)");
    // 01-31-23  09:15AM       <DIR>          name   |   01-31-23  09:15AM  1234 name
    private static final Pattern DOS = Pattern.compile(
            "(\\d{2}-\\d{2}-\\d{2,4})\\s+(\\d{2}:\\d{2}[AP]M)\\s+(<DIR>|\\d+)\\s+(.*)");
    private static final DateTimeFormatter UNIX_DATE = DateTimeFormatter.ofPattern("MMM d yyyy H:mm", Locale.ROOT);
    private static final DateTimeFormatter DOS_DATE2 = DateTimeFormatter.ofPattern("MM-dd-yy hh:mma", Locale.ROOT);
    private static final DateTimeFormatter DOS_DATE4 = DateTimeFormatter.ofPattern("MM-dd-yyyy hh:mma", Locale.ROOT);

    private ListLineParser() {
    }

    /**
     * Parses a line.
     *
     * @param line  the line without its terminator
     * @param today the current date (UTC), to place year-less Unix dates
     * @return the entry, or null for lines that describe no entry ({@code total 12}, blank, unknown formats)
     */
    static FtplibFile parse(String line, LocalDate today) {
        Matcher unix = UNIX.matcher(line);
        if (unix.matches()) {
            return unix(unix, today);
        }
        Matcher dos = DOS.matcher(line);
        if (dos.matches()) {
            boolean dir = dos.group(3).equals("<DIR>");
            long time = dosTime(dos.group(1), dos.group(2));
            return new FtplibFile(dos.group(4), dir ? FtplibFile.Kind.DIRECTORY : FtplibFile.Kind.FILE,
                    dir ? -1 : Long.parseLong(dos.group(3)), time, dir ? "" : LISTING);
        }
        return null;
    }

    private static FtplibFile unix(Matcher m, LocalDate today) {
        char typeChar = m.group(1).charAt(0);
        FtplibFile.Kind kind = typeChar == '-' ? FtplibFile.Kind.FILE
                : typeChar == 'd' ? FtplibFile.Kind.DIRECTORY : FtplibFile.Kind.OTHER;
        String name = m.group(6);
        if (typeChar == 'l') {
            int arrow = name.indexOf(" -> ");
            name = arrow < 0 ? name : name.substring(0, arrow);
        }
        long size = Long.parseLong(m.group(2));
        return new FtplibFile(name, kind, size, unixTime(m.group(3), m.group(4), m.group(5), today), LISTING);
    }

    private static long unixTime(String month, String day, String yearOrTime, LocalDate today) {
        try {
            String monthName = month.substring(0, 1).toUpperCase(Locale.ROOT)
                    + month.substring(1).toLowerCase(Locale.ROOT);
            if (yearOrTime.contains(":")) {
                LocalDateTime t = LocalDateTime.parse(monthName + " " + day + " " + today.getYear() + " " + yearOrTime,
                        UNIX_DATE);
                // ls shows the time instead of the year for the last six months: a date "ahead" is last year's
                if (t.toLocalDate().isAfter(today.plusDays(1))) {
                    t = t.minusYears(1);
                }
                return t.toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            return LocalDateTime.parse(monthName + " " + day + " " + yearOrTime + " 0:00", UNIX_DATE)
                    .toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    private static long dosTime(String date, String time) {
        DateTimeFormatter format = date.length() > 8 ? DOS_DATE4 : DOS_DATE2;
        try {
            return LocalDateTime.parse(date + " " + time, format).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}

package io.camelftplib.camel.listing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads z/OS (MVS) listings. Data set lines ({@code Volume Unit Referred Ext Used Recfm Lrecl BlkSz Dsorg Dsname}):
 * a partitioned data set ({@code PO}, {@code PO-E}) is a directory, any other a file; the date is when the data set
 * was last referred to, not changed, so no time is given; sizes are in tracks, so none is given. Migrated and
 * off-line data sets ({@code Migrated  NAME}) are files. Member lines of a partitioned data set
 * ({@code Name VV.MM Created Changed Size Init Mod Id}) are files with the changed time; their size counts records.
 * A member without statistics is a bare name: read only when the dialect is known to be MVS, as any one-word line
 * would match.
 *
 * <p>Immutable; thread-safe.
 */
final class MvsLineParser implements LineParser {

    private static final Pattern DATA_SET = Pattern.compile("\\S++ ++\\S++ ++(?:\\d{4}/\\d{2}/\\d{2}|\\*\\*NONE\\*\\*)"
            + " ++\\d++(?: ++\\d++)? ++\\S++ ++\\d++ ++\\d++ ++(\\S++) ++(\\S++) *+");
    private static final Pattern OFFLINE = Pattern.compile("(?:Migrated|\\S++ ++Not Direct Access Device|\\S++ ++Tape)"
            + "\\s++(\\S++) *+");
    private static final Pattern MEMBER = Pattern.compile("(\\S++) ++\\d{2}\\.\\d{2} ++\\d{4}/\\d{2}/\\d{2}"
            + " ++(\\d{4})/(\\d{2})/(\\d{2}) ++(\\d{2}):(\\d{2})(?: .*+)?");
    private static final Pattern BARE = Pattern.compile("([A-Z#$@][A-Z0-9#$@]{0,7}) *+");

    private final ListingCalendar calendar;
    private final boolean members;

    MvsLineParser(ListingCalendar calendar, boolean members) {
        this.calendar = calendar;
        this.members = members;
    }

    @Override
    public ListEntry parse(String line) {
        Matcher m = DATA_SET.matcher(line);
        if (m.matches()) {
            boolean partitioned = m.group(1).startsWith("PO");
            return new ListEntry(m.group(2), partitioned ? ListEntry.Type.DIRECTORY : ListEntry.Type.FILE, -1, -1, 0);
        }
        m = OFFLINE.matcher(line);
        if (m.matches()) {
            return new ListEntry(m.group(1), ListEntry.Type.FILE, -1, -1, 0);
        }
        if (!members) {
            return null;
        }
        m = MEMBER.matcher(line);
        if (m.matches()) {
            long time = calendar.at(num(m.group(2)), num(m.group(3)), num(m.group(4)), num(m.group(5)),
                    num(m.group(6)));
            return time == ListingCalendar.INVALID ? null : new ListEntry(m.group(1), ListEntry.Type.FILE, -1, time, 0);
        }
        m = BARE.matcher(line);
        return m.matches() ? new ListEntry(m.group(1), ListEntry.Type.FILE, -1, -1, 0) : null;
    }

    private static int num(String digits) {
        return ListNumbers.parse(digits, 4);
    }
}

package io.camelftplib.camel.listing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the lines of one {@code LIST} reply, whatever dialect the server speaks: Unix {@code ls -l} (also
 * NetWare and EPLF), Windows/IIS, OpenVMS, IBM i (OS/400) and z/OS (MVS). Create one per listing with
 * {@link #create}, then call {@link #parse} per line.
 *
 * <p>Each line is tried with the dialect that read the previous line first (at the start: the {@code listingDialect}
 * option, else the one the {@code SYST} reply names), then with the others, so a line costs one match in the usual
 * case. Parsing never throws: a line no dialect reads gives null. Times are read in the server's zone
 * ({@code serverTimeZoneId}) to the minute; dates without a year are placed with the recent-date rule against the
 * server's today.
 *
 * <p>Not thread-safe: one listing, one thread (it remembers the last dialect and wrapped VMS names).
 */
public final class ListParser {

    /** Lines longer than this are no entry: no listing format needs them, and matching stays cheap. */
    public static final int MAX_LINE = 16 * 1024;

    private final List<LineParser> parsers;
    private LineParser last;

    private ListParser(List<LineParser> parsers) {
        this.parsers = parsers;
        this.last = parsers.get(0);
    }

    /**
     * Creates the parser of one listing.
     *
     * @param options    the listing options of the endpoint
     * @param systReply  the server's {@code SYST} reply, or null when it was not asked or refused
     * @param today      the server's current date, for dates without a year and two-digit years
     * @return the parser
     */
    public static ListParser create(ListingOptions options, String systReply, LocalDate today) {
        ListingCalendar calendar = new ListingCalendar(today, options.zone());
        DateTokens dates = new DateTokens(options, calendar);
        UnixFields fields = new UnixFields(dates);
        ListingDialect first = options.dialect() != ListingDialect.AUTO ? options.dialect()
                : ListingDialect.fromSyst(systReply);
        Map<ListingDialect, LineParser> byDialect = new HashMap<>();
        byDialect.put(ListingDialect.UNIX, new UnixLineParser(fields));
        byDialect.put(ListingDialect.WINDOWS, new WindowsLineParser(calendar));
        byDialect.put(ListingDialect.VMS, new VmsLineParser(calendar, dates.months()));
        byDialect.put(ListingDialect.OS400, new Os400LineParser(calendar, options));
        byDialect.put(ListingDialect.MVS, new MvsLineParser(calendar, first == ListingDialect.MVS));
        List<LineParser> parsers = new ArrayList<>();
        if (first != ListingDialect.AUTO) {
            parsers.add(byDialect.remove(first));
        }
        for (ListingDialect dialect : ListingDialect.values()) {
            if (byDialect.containsKey(dialect)) {
                parsers.add(byDialect.get(dialect));
            }
        }
        parsers.add(new NetwareLineParser(fields));
        parsers.add(new EplfLineParser());
        return new ListParser(List.copyOf(parsers));
    }

    /**
     * Reads one line of the listing.
     *
     * @param line the line without its terminator
     * @return the entry, or null for lines that describe no entry: blank, {@code total 12}, headers, {@code .} and
     *         {@code ..}, the first half of a wrapped VMS entry, lines over {@link #MAX_LINE} characters and lines
     *         of no known dialect
     */
    public ListEntry parse(String line) {
        if (line == null || line.isBlank() || line.length() > MAX_LINE) {
            return null;
        }
        ListEntry entry = last.parse(line);
        if (entry != null) {
            return entry;
        }
        for (LineParser parser : parsers) {
            if (parser != last) {
                entry = parser.parse(line);
                if (entry != null) {
                    last = parser;
                    return entry;
                }
            }
        }
        return null;
    }

    /**
     * Keeps, of the VMS entries listed in several versions ({@code A.TXT;1}, {@code A.TXT;2}), the highest version
     * only, as a user of the directory sees it; other entries are kept as they are, in their order.
     *
     * @param entries the entries this parser read, in listing order
     * @return the entries without superseded versions
     */
    public static List<ListEntry> latestVersions(List<ListEntry> entries) {
        Map<String, Integer> highest = new HashMap<>();
        for (ListEntry entry : entries) {
            if (entry.version() > 0) {
                highest.merge(entry.name(), entry.version(), Math::max);
            }
        }
        if (highest.isEmpty()) {
            return entries;
        }
        List<ListEntry> latest = new ArrayList<>(entries.size());
        for (ListEntry entry : entries) {
            Integer top = highest.get(entry.name());
            if (entry.version() == 0 || top != null && top == entry.version()) {
                latest.add(entry);
                highest.remove(entry.name());
            }
        }
        return latest;
    }
}

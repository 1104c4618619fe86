package io.camelftplib.camel.listing;

/**
 * Reads EPLF lines (Easily Parsed LIST Format, D. J. Bernstein): {@code +i8388621.48594,m825718503,r,s280,\tname},
 * comma-separated facts after a {@code +}, a tab, then the name. {@code /} marks a directory, {@code r} a file,
 * {@code s} the size, {@code m} the time in seconds since 1970 (UTC).
 *
 * <p>Immutable; thread-safe.
 */
final class EplfLineParser implements LineParser {

    @Override
    public ListEntry parse(String line) {
        int tab = line.indexOf('\t');
        if (!line.startsWith("+") || tab < 0 || tab + 1 >= line.length()) {
            return null;
        }
        boolean directory = false;
        boolean file = false;
        long size = -1;
        long time = -1;
        for (String fact : line.substring(1, tab).split(",", 64)) {
            if (fact.equals("/")) {
                directory = true;
            } else if (fact.equals("r")) {
                file = true;
            } else if (fact.startsWith("s")) {
                size = ListNumbers.parseLong(fact.substring(1), 18);
            } else if (fact.startsWith("m")) {
                long seconds = ListNumbers.parseLong(fact.substring(1), 12);
                // to the minute, as every LIST time
                time = seconds < 0 ? -1 : seconds / 60 * 60_000;
            }
        }
        ListEntry.Type type = directory ? ListEntry.Type.DIRECTORY
                : file ? ListEntry.Type.FILE : ListEntry.Type.OTHER;
        return new ListEntry(line.substring(tab + 1), type, directory ? -1 : size, time, 0);
    }
}

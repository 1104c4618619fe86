package io.camelftplib.camel.listing;

/**
 * Reads what follows the mode of a Unix-like line: optional link count, owner and group (numeric, absent, or with
 * spaces as Cygwin and Windows domains print them), the size (or {@code major, minor} of a device), the date and
 * the name. The date is found by position, not by counting columns: the first token run that reads as a date and
 * follows a number ends the owner columns, so lines without a link count or group read alike.
 *
 * <p>Linear in the line length: one pass splits the tokens, and each candidate position is tried once. Immutable;
 * thread-safe.
 */
final class UnixFields {

    /** The most tokens between the mode and the date (owner and group names with spaces included). */
    private static final int MAX_TOKENS = 24;

    private final DateTokens dates;

    UnixFields(DateTokens dates) {
        this.dates = dates;
    }

    /**
     * Reads the fields after the mode.
     *
     * @param line   the line
     * @param offset where the fields start (at the whitespace after the mode)
     * @param type   the entry type the mode gave
     * @param device true for block and character devices, which show {@code major, minor} instead of a size
     * @return the entry, or null when no size and date are found, or the name is {@code .} or {@code ..}
     */
    ListEntry read(String line, int offset, ListEntry.Type type, boolean device) {
        String[] tokens = new String[MAX_TOKENS + 4];
        int[] ends = new int[MAX_TOKENS + 4];
        int count = 0;
        int i = offset;
        int length = line.length();
        while (count < tokens.length) {
            while (i < length && isBlank(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < length && !isBlank(line.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            tokens[count] = line.substring(start, i);
            ends[count++] = i;
        }
        for (int first = 1; first < Math.min(count, MAX_TOKENS); first++) {
            long size = device ? deviceSize(tokens[first - 1]) : size(tokens[first - 1]);
            if (size == -2) {
                continue;
            }
            DateTokens.Match date = dates.read(tokens, count, first);
            if (date != null) {
                int nameStart = ends[first + date.tokens() - 1] + 1;
                return entry(line, nameStart, type, size, date.time());
            }
        }
        return null;
    }

    private static ListEntry entry(String line, int nameStart, ListEntry.Type type, long size, long time) {
        if (nameStart >= line.length()) {
            return null;
        }
        String name = line.substring(nameStart);
        if (type == ListEntry.Type.OTHER) {
            int arrow = name.indexOf(" -> ");
            name = arrow > 0 ? name.substring(0, arrow) : name;
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return null;
        }
        return new ListEntry(name, type, size, time, 0);
    }

    /** The size, or -2 when the token is not one; a size glued to a long group name keeps its trailing digits. */
    private static long size(String token) {
        int digits = token.length();
        while (digits > 0 && Character.isDigit(token.charAt(digits - 1)) && token.charAt(digits - 1) < 128) {
            digits--;
        }
        long size = ListNumbers.parseLong(token.substring(digits), 18);
        return size < 0 ? -2 : size;
    }

    /** A device's {@code minor} (or {@code major,minor}) field: -1 (no size), or -2 when the token is not one. */
    private static long deviceSize(String token) {
        return ListNumbers.parseSize(token.endsWith(",") ? token.substring(0, token.length() - 1) : token) < 0
                ? -2 : -1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}

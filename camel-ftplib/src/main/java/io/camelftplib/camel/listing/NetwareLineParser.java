package io.camelftplib.camel.listing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Novell NetWare lines: {@code d [R----F--] supervisor   512   Jan 16 18:53    name}, whose fields after the
 * rights are those of a Unix line without link count and group.
 *
 * <p>Immutable; thread-safe.
 */
final class NetwareLineParser implements LineParser {

    private static final Pattern RIGHTS = Pattern.compile("([-d]) \\[[-RWCEAFMS]{8}\\]");

    private final UnixFields fields;

    NetwareLineParser(UnixFields fields) {
        this.fields = fields;
    }

    @Override
    public ListEntry parse(String line) {
        Matcher rights = RIGHTS.matcher(line);
        if (!rights.lookingAt()) {
            return null;
        }
        ListEntry.Type type = line.charAt(0) == 'd' ? ListEntry.Type.DIRECTORY : ListEntry.Type.FILE;
        ListEntry entry = fields.read(line, rights.end(), type, false);
        // NetWare pads the name column with spaces; a name never starts with one there
        String name = entry == null ? "" : entry.name().stripLeading();
        return name.isEmpty() ? null : new ListEntry(name, type, entry.size(), entry.lastModified(), 0);
    }
}

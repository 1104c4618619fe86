package io.camelftplib.camel.listing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Unix {@code ls -l} lines: {@code drwxr-xr-x  2 root other  512 Apr  8  1994 name}, with or without link
 * count and group, with an ACL ({@code +}), extended attribute ({@code @}) or SELinux ({@code .}) mark after the
 * mode, symbolic links ({@code name -> target}, read as the name, type other), block and character devices (type
 * other, no size) and localized dates.
 *
 * <p>Immutable; thread-safe.
 */
final class UnixLineParser implements LineParser {

    private static final Pattern MODE = Pattern.compile("[-bcdDflnps][-rwxsStTlL]{9}[+@.]?");

    private final UnixFields fields;

    UnixLineParser(UnixFields fields) {
        this.fields = fields;
    }

    @Override
    public ListEntry parse(String line) {
        Matcher mode = MODE.matcher(line);
        if (!mode.lookingAt() || mode.end() >= line.length() || line.charAt(mode.end()) != ' ') {
            return null;
        }
        char kind = line.charAt(0);
        ListEntry.Type type = kind == 'd' ? ListEntry.Type.DIRECTORY
                : kind == '-' || kind == 'f' ? ListEntry.Type.FILE : ListEntry.Type.OTHER;
        return fields.read(line, mode.end(), type, kind == 'b' || kind == 'c');
    }
}

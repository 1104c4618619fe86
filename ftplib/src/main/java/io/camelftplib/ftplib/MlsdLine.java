package io.camelftplib.ftplib;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one {@code MLSD} line exactly as ftplib's {@code mlsd()} does: the name is everything after the first
 * space; the facts before it lose their last character (the {@code ;} that should be there) and split at
 * {@code ;}, each at its first {@code =}; fact names are lower-cased and later duplicates win.
 *
 * <p>Stateless.
 */
final class MlsdLine {

    private MlsdLine() {
    }

    static MlsdEntry parse(String line) {
        String text = stripLineEnd(line);
        int space = text.indexOf(' ');
        String factsPart = space < 0 ? text : text.substring(0, space);
        String name = space < 0 ? "" : text.substring(space + 1);
        Map<String, String> facts = new LinkedHashMap<>();
        String body = factsPart.isEmpty() ? "" : factsPart.substring(0, factsPart.length() - 1);
        for (String fact : body.split(";", -1)) {
            int eq = fact.indexOf('=');
            String key = eq < 0 ? fact : fact.substring(0, eq);
            String value = eq < 0 ? "" : fact.substring(eq + 1);
            facts.put(key.toLowerCase(Locale.ROOT), value);
        }
        return new MlsdEntry(name, facts);
    }

    private static String stripLineEnd(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
            end--;
        }
        return line.substring(0, end);
    }
}

package io.camelftplib.camel;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns RFC 3659 facts ({@code type}, {@code size}, {@code modify}) into a {@link FtplibFile}, and parses the one
 * fact line of an {@code MLST} reply and the time value of {@code MDTM}.
 *
 * <p>Stateless; thread-safe.
 */
final class MlsxFacts {

    /** One or more {@code name=value;} facts (RFC 3659 section 7.2), as they precede the path of a fact line. */
    private static final Pattern FACTS = Pattern.compile("([^=;\\s]+=[^;]*;)+");
    private static final DateTimeFormatter TIME_VAL = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

    private MlsxFacts() {
    }

    /**
     * Builds an entry from facts.
     *
     * @param name   the entry name
     * @param facts  lower-case fact names to values
     * @param source the command that gave the facts, for messages: {@code the MLSD listing} or {@code the MLST reply}
     * @return the entry, or null for {@code cdir}/{@code pdir} (the directory itself and its parent)
     */
    static FtplibFile toFile(String name, Map<String, String> facts, String source) {
        String type = facts.getOrDefault("type", "file").toLowerCase(Locale.ROOT);
        if (type.equals("cdir") || type.equals("pdir")) {
            return null;
        }
        FtplibFile.Kind kind = type.equals("file") ? FtplibFile.Kind.FILE
                : type.equals("dir") ? FtplibFile.Kind.DIRECTORY : FtplibFile.Kind.OTHER;
        long size = number(facts.get("size"));
        return new FtplibFile(name, kind, size, time(facts.get("modify")), size >= 0 ? source : "");
    }

    /**
     * Parses the fact line of an {@code MLST} reply ({@code 250-...\n type=file;size=3; path\n250 End}).
     *
     * @param reply the whole reply
     * @return the facts, empty when the reply holds no fact line
     */
    static Map<String, String> parseMlst(String reply) {
        for (String line : reply.split("\n")) {
            // RFC 3659 section 7.2: the fact line starts with a single space; Apache FtpServer 1.2 sends it without
            // one, so a line is taken by its form (facts, a space, the path), which frame lines never have
            String text = line.startsWith(" ") ? line.substring(1) : line;
            int space = text.indexOf(' ');
            String factPart = space < 0 ? text : text.substring(0, space);
            Map<String, String> facts = parseFacts(factPart);
            if (facts != null) {
                return facts;
            }
        }
        return Map.of();
    }

    /**
     * Parses the facts of an {@code MLSD} line, the part before its first space.
     *
     * @param factPart e.g. {@code type=file;size=3;}
     * @return lower-case fact names to values, or null when the part is no list of facts (a malformed line, such as
     *         {@code hello world}, whose name cannot be trusted)
     */
    static Map<String, String> parseFacts(String factPart) {
        if (!FACTS.matcher(factPart).matches()) {
            return null;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        for (String fact : factPart.split(";")) {
            int eq = fact.indexOf('=');
            facts.put(fact.substring(0, eq).toLowerCase(Locale.ROOT), fact.substring(eq + 1));
        }
        return facts;
    }

    /**
     * Parses an RFC 3659 time-val ({@code YYYYMMDDHHMMSS[.sss]}, UTC).
     *
     * @param value the value, or null
     * @return UTC milliseconds, or -1 when absent or malformed
     */
    static long time(String value) {
        if (value == null || value.length() < 14) {
            return -1;
        }
        try {
            long millis = LocalDateTime.parse(value.substring(0, 14), TIME_VAL).toInstant(ZoneOffset.UTC)
                    .toEpochMilli();
            if (value.length() > 15 && value.charAt(14) == '.') {
                String fraction = (value.substring(15) + "000").substring(0, 3);
                millis += Long.parseLong(fraction);
            }
            return millis;
        } catch (DateTimeParseException | NumberFormatException e) {
            return -1;
        }
    }

    private static long number(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

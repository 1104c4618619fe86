package io.camelftplib.camel;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a server's {@code FEAT} reply (RFC 2389) offers, parsed once per connection.
 *
 * <p>Immutable.
 *
 * @param parameters each feature keyword in upper case ({@code MLST}, {@code UTF8}, {@code SIZE}) with the rest of
 *                   its line, e.g. {@code HASH} with {@code SHA-1;SHA-256*;MD5}, empty when the line has no more
 */
record ServerFeatures(Map<String, String> parameters) {

    /** A server that answered FEAT with an error: it offers nothing beyond RFC 959. */
    static final ServerFeatures NONE = new ServerFeatures(Map.of());

    ServerFeatures {
        parameters = Map.copyOf(parameters);
    }

    /**
     * Parses a FEAT reply: {@code 211-Features:\n MLST type*;size*;\n UTF8\n211 End}.
     *
     * @param reply the multi-line reply as the engine returns it, lines joined with {@code \n}
     * @return the features
     */
    static ServerFeatures parse(String reply) {
        Map<String, String> parameters = new TreeMap<>();
        String[] lines = reply.split("\n");
        // the first and last lines are the 211 frame; feature lines start with a space (RFC 2389 section 3.2)
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(" ")) {
                String feature = line.strip();
                int space = feature.indexOf(' ');
                String keyword = (space < 0 ? feature : feature.substring(0, space)).toUpperCase(Locale.ROOT);
                parameters.put(keyword, space < 0 ? "" : feature.substring(space + 1).strip());
            }
        }
        return new ServerFeatures(parameters);
    }

    /**
     * Returns the feature keywords.
     *
     * @return the keywords in upper case, sorted
     */
    Set<String> keywords() {
        return new TreeSet<>(parameters.keySet());
    }

    /**
     * Tells whether FEAT lists a keyword.
     *
     * @param keyword the keyword in upper case, e.g. {@code XSHA256}
     * @return true when offered
     */
    boolean has(String keyword) {
        return parameters.containsKey(keyword);
    }

    /**
     * Returns the rest of a feature's line, e.g. the algorithms after {@code HASH}.
     *
     * @param keyword the keyword in upper case
     * @return the parameters, empty when the feature has none or is not offered
     */
    String parametersOf(String keyword) {
        return parameters.getOrDefault(keyword, "");
    }

    /**
     * Tells whether MLSD/MLST are offered.
     *
     * @return true when FEAT lists MLST
     */
    boolean hasMlst() {
        return has("MLST");
    }

    /**
     * Tells whether UTF-8 paths are offered.
     *
     * @return true when FEAT lists UTF8
     */
    boolean hasUtf8() {
        return has("UTF8");
    }

    /**
     * Tells whether SIZE is offered.
     *
     * @return true when FEAT lists SIZE
     */
    boolean hasSize() {
        return has("SIZE");
    }

    /**
     * Tells whether MDTM is offered.
     *
     * @return true when FEAT lists MDTM
     */
    boolean hasMdtm() {
        return has("MDTM");
    }
}

package io.camelftplib.camel;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a server's {@code FEAT} reply (RFC 2389) offers, parsed once per connection.
 *
 * <p>Immutable.
 *
 * @param keywords the feature keywords in upper case, e.g. {@code MLST}, {@code UTF8}, {@code SIZE}
 */
record ServerFeatures(Set<String> keywords) {

    /** A server that answered FEAT with an error: it offers nothing beyond RFC 959. */
    static final ServerFeatures NONE = new ServerFeatures(Set.of());

    ServerFeatures {
        keywords = Set.copyOf(keywords);
    }

    /**
     * Parses a FEAT reply: {@code 211-Features:\n MLST type*;size*;\n UTF8\n211 End}.
     *
     * @param reply the multi-line reply as the engine returns it, lines joined with {@code \n}
     * @return the features
     */
    static ServerFeatures parse(String reply) {
        Set<String> keywords = new TreeSet<>();
        String[] lines = reply.split("\n");
        // the first and last lines are the 211 frame; feature lines start with a space (RFC 2389 section 3.2)
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(" ")) {
                String feature = line.strip();
                int space = feature.indexOf(' ');
                keywords.add((space < 0 ? feature : feature.substring(0, space)).toUpperCase(Locale.ROOT));
            }
        }
        return new ServerFeatures(keywords);
    }

    /**
     * Tells whether MLSD/MLST are offered.
     *
     * @return true when FEAT lists MLST
     */
    boolean hasMlst() {
        return keywords.contains("MLST");
    }

    /**
     * Tells whether UTF-8 paths are offered.
     *
     * @return true when FEAT lists UTF8
     */
    boolean hasUtf8() {
        return keywords.contains("UTF8");
    }

    /**
     * Tells whether SIZE is offered.
     *
     * @return true when FEAT lists SIZE
     */
    boolean hasSize() {
        return keywords.contains("SIZE");
    }

    /**
     * Tells whether MDTM is offered.
     *
     * @return true when FEAT lists MDTM
     */
    boolean hasMdtm() {
        return keywords.contains("MDTM");
    }
}

package io.camelftplib.camel;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the entries of one listing that are skipped, by reason, and reports them in one WARN when the listing
 * ends: a hostile directory of a million bad names costs one log line per poll, not a million, and the operator
 * still learns the directory, the reasons and an example of each.
 *
 * <p>Not thread-safe: one listing.
 */
final class SkippedEntries {

    /** How much of a skipped entry a message shows. */
    private static final int EXAMPLE_CHARS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(SkippedEntries.class);

    private final String directory;
    private final String server;
    private int controlCharacters;
    private int tooLong;
    private long longest;
    private int malformed;
    private String malformedExample;
    private int undecodable;
    private String undecodableExample;
    private int unsafe;
    private String unsafeExample;

    SkippedEntries(String directory, String server) {
        this.directory = directory;
        this.server = server;
    }

    /** A record holding CR, LF or NUL, which only a name can hold: that name would end or split an FTP command. */
    void controlCharacters() {
        controlCharacters++;
    }

    /** A record over {@link DirectoryLister#MAX_RECORD_BYTES}. */
    void tooLong(long bytes) {
        tooLong++;
        longest = Math.max(longest, bytes);
    }

    /** An MLSD line without facts, whose name cannot be told from the rest. */
    void malformed(String line) {
        if (malformed++ == 0) {
            malformedExample = line;
        }
    }

    /** A record that is not valid in the connection's encoding. */
    void undecodable(String text) {
        if (undecodable++ == 0) {
            undecodableExample = text;
        }
    }

    /** A name that could leave the directory ({@code ..}, a path). */
    void unsafe(String name, String reason) {
        if (unsafe++ == 0) {
            unsafeExample = example(name) + " (" + reason + ")";
        }
    }

    /** Logs the one WARN of the listing when anything was skipped. */
    void warnOnce() {
        List<String> reasons = new ArrayList<>();
        if (controlCharacters > 0) {
            reasons.add(controlCharacters + " whose name holds CR, LF or NUL, which would end or split an FTP command");
        }
        if (tooLong > 0) {
            reasons.add(tooLong + " longer than the " + DirectoryLister.MAX_RECORD_BYTES
                    + " bytes this client reads of one entry (the longest had " + longest + ")");
        }
        if (malformed > 0) {
            reasons.add(malformed + " malformed MLSD line(s) without facts, such as " + example(malformedExample));
        }
        if (undecodable > 0) {
            reasons.add(undecodable + " not valid in the connection's encoding, such as " + example(undecodableExample)
                    + " (set the charset the server uses)");
        }
        if (unsafe > 0) {
            reasons.add(unsafe + " whose name could point outside the directory, such as " + unsafeExample);
        }
        if (!reasons.isEmpty()) {
            int total = controlCharacters + tooLong + malformed + undecodable + unsafe;
            LOG.warn("Skipped {} entries listed in directory '{}' of {}: {}; they are never fetched, moved or deleted"
                    + " (rename them on the server to have them polled)", total, directory, server,
                    String.join("; ", reasons));
        }
    }

    private static String example(String text) {
        String shown = text.length() > EXAMPLE_CHARS ? text.substring(0, EXAMPLE_CHARS) + "..." : text;
        return "'" + shown.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0") + "'";
    }
}

package io.camelftplib.camel.listing;

/**
 * Reads the lines of one {@code LIST} dialect.
 *
 * <p>Implementations never throw: a line they do not recognise gives null. One instance serves one listing; some
 * keep state between lines (VMS names wrapped onto a second line), so they are not thread-safe.
 */
interface LineParser {

    /**
     * Reads one line.
     *
     * @param line the line without its terminator, at most {@link ListParser#MAX_LINE} characters
     * @return the entry, or null when the line is not of this dialect or describes no entry
     */
    ListEntry parse(String line);
}

package io.camelftplib.camel.listing;

import java.util.Locale;

/**
 * The format of a server's {@code LIST} lines (option {@code listingDialect}). Whatever the dialect, a line it cannot
 * read is tried with the others, because one server may mix formats (IIS sends Unix lines when so configured);
 * the dialect decides which is tried first and turns on the MVS member lines, which look like bare names.
 *
 * <p>Immutable; thread-safe.
 */
public enum ListingDialect {
    /** Detected: from the {@code SYST} reply first, then from each line (the dialect of the previous line first). */
    AUTO,
    /** Unix {@code ls -l} lines, also NetWare and EPLF. */
    UNIX,
    /** Windows/IIS (DOS) lines: {@code 01-31-23  09:15AM  <DIR>  name}. */
    WINDOWS,
    /** OpenVMS lines: {@code NAME.EXT;1  9/9  2-JUN-1998 07:32:04 [GROUP,OWNER] (RWED,RWED,RE,)}. */
    VMS,
    /** IBM i (OS/400) lines: {@code QSYS  77824 02/23/00 15:09:55 *DIR  dir/}. */
    OS400,
    /** z/OS (MVS) data set and partitioned data set member lines. */
    MVS;

    /**
     * Tells the dialect a {@code SYST} reply names (RFC 959 section 4.1.3: the first word is the system type).
     *
     * @param reply the reply, e.g. {@code 215 UNIX Type: L8}, {@code 215 Windows_NT}, {@code 215 OS/400 is the
     *              remote operating system.}; null or empty when SYST was not asked or refused
     * @return the dialect, or {@link #AUTO} when the reply names none of them
     */
    public static ListingDialect fromSyst(String reply) {
        if (reply == null || reply.length() < 4) {
            return AUTO;
        }
        String system = reply.substring(4).strip().toUpperCase(Locale.ROOT);
        if (system.startsWith("WINDOWS") || system.startsWith("MSDOS")) {
            return WINDOWS;
        }
        if (system.startsWith("VMS")) {
            return VMS;
        }
        if (system.startsWith("OS/400")) {
            return OS400;
        }
        if (system.startsWith("MVS")) {
            return MVS;
        }
        // NETWARE and UNIX; also "UNIX emulated by FileZilla", sent by servers whose lines are Unix-like
        return system.startsWith("UNIX") || system.startsWith("NETWARE") ? UNIX : AUTO;
    }
}

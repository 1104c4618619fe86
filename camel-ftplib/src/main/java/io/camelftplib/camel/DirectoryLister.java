package io.camelftplib.camel;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelftplib.camel.listing.ListEntry;
import io.camelftplib.camel.listing.ListParser;
import io.camelftplib.camel.listing.ListingDialect;
import io.camelftplib.camel.listing.ListingOptions;
import io.camelftplib.ftplib.FtpLine;
import io.camelftplib.ftplib.FtpPermException;
import io.camelftplib.ftplib.ListingRecords;
import io.camelftplib.ftplib.ListingRecords.ListingRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists one remote directory: {@code MLSD} when the server's FEAT offers it (types, sizes and UTC times in one
 * round trip), else {@code LIST} read in the server's dialect (types, sizes and minute times; see
 * {@link ListParser}), and {@code NLST} only when the
 * {@code listing} option asks for it (names, then {@code SIZE} and {@code MDTM} per name, so that sizes and times
 * are known and a directory is never taken for a file).
 *
 * <p>Entries stream from the data connection to the caller's sink, which may stop the listing early; what is held
 * per entry is one record of at most {@value #MAX_RECORD_BYTES} bytes. Records are read as the protocol frames
 * them, CRLF-terminated, so an entry whose name holds CR, LF or NUL, an over-long entry, a malformed MLSD line and a
 * name that could leave the directory are each skipped alone, counted in one WARN per listing. A listing of a
 * missing directory that the server answers with an empty 226 (vsftpd) is told from an empty directory by a
 * {@code CWD} and fails as a 550 would.
 *
 * <p>Not thread-safe: uses the session's connection.
 */
final class DirectoryLister {

    /** The most bytes kept of one listing record; a longer entry is skipped. */
    static final int MAX_RECORD_BYTES = 8192;
    /** The most bytes read of one listing (about fifteen million MLSD entries); beyond, the poll fails. */
    static final long MAX_LISTING_BYTES = 1L << 30;

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryLister.class);

    private final FtplibSession session;
    private final FileProbe probe;

    DirectoryLister(FtplibSession session) {
        this.session = session;
        this.probe = new FileProbe(session);
    }

    /** Receives the entries of a listing as they arrive. */
    @FunctionalInterface
    interface EntrySink {
        /**
         * Takes one entry.
         *
         * @param entry a safe entry (not {@code .}/{@code ..}, no path, no CR, LF or NUL)
         * @return false to end the listing here (the rest of its data is given up)
         */
        boolean accept(FtplibFile entry);
    }

    /** Handles one record of a listing's data connection. */
    @FunctionalInterface
    private interface RecordHandler {
        boolean handle(String text) throws IOException;
    }

    /**
     * Lists a directory into a list.
     *
     * @param directory the directory, empty for the current one
     * @return the safe entries, in the server's order
     * @throws IOException when the listing fails
     */
    List<FtplibFile> list(String directory) throws IOException {
        List<FtplibFile> entries = new ArrayList<>();
        list(directory, entries::add);
        return entries;
    }

    /**
     * Lists a directory, handing each safe entry to the sink as it arrives.
     *
     * @param directory the directory, empty for the current one
     * @param sink      receives the entries; returning false ends the listing
     * @throws IOException when the listing fails, or lists nothing for a directory that {@code CWD} cannot enter
     *                     (its 550 reply then)
     */
    void list(String directory, EntrySink sink) throws IOException {
        SkippedEntries skipped = new SkippedEntries(directory, session.config().remoteServerInformation());
        try {
            switch (method()) {
                case MLSD -> mlsd(directory, skipped, sink);
                case NLST -> nlst(directory, skipped, sink);
                default -> listLines(directory, skipped, sink);
            }
        } finally {
            skipped.warnOnce();
        }
    }

    private FtplibListing method() throws IOException {
        FtplibListing chosen = session.config().getListing();
        if (chosen != FtplibListing.AUTO) {
            return chosen;
        }
        session.client();
        // NLST cannot tell directories from files nor give sizes: LIST can, as ftp: lists
        return session.features().hasMlst() ? FtplibListing.MLSD : FtplibListing.LIST;
    }

    private void mlsd(String directory, SkippedEntries skipped, EntrySink sink) throws IOException {
        read(command("MLSD", directory), skipped, text -> {
            int space = text.indexOf(' ');
            Map<String, String> facts = space < 0 ? null : MlsxFacts.parseFacts(text.substring(0, space));
            if (facts == null) {
                skipped.malformed(text);
                return true;
            }
            FtplibFile entry = MlsxFacts.toFile(text.substring(space + 1), facts, "the MLSD listing");
            return entry == null || offer(entry, skipped, sink);
        });
    }

    private void listLines(String directory, SkippedEntries skipped, EntrySink sink) throws IOException {
        ListingOptions options = session.config().listingOptions();
        String syst = options.dialect() == ListingDialect.AUTO ? session.systemType() : null;
        ListParser parser = ListParser.create(options, syst, LocalDate.now(options.zone()));
        // VMS lists a file once per version: those entries wait for the end of the listing, when only the highest
        // version of each is kept; every other entry streams on at once
        List<ListEntry> versioned = new ArrayList<>();
        boolean[] stopped = {false};
        long records = read(command("LIST", directory), skipped, line -> {
            ListEntry entry = parser.parse(line);
            if (entry == null) {
                LOG.debug("Ignoring LIST line {}", line);
                return true;
            }
            if (entry.version() > 0) {
                versioned.add(entry);
                return true;
            }
            stopped[0] = !offer(toFile(entry), skipped, sink);
            return !stopped[0];
        });
        requireExisting(directory, records);
        if (stopped[0]) {
            return;
        }
        for (ListEntry entry : ListParser.latestVersions(versioned)) {
            if (!offer(toFile(entry), skipped, sink)) {
                return;
            }
        }
    }

    private static FtplibFile toFile(ListEntry entry) {
        FtplibFile.Kind kind = entry.type() == ListEntry.Type.FILE ? FtplibFile.Kind.FILE
                : entry.type() == ListEntry.Type.DIRECTORY ? FtplibFile.Kind.DIRECTORY : FtplibFile.Kind.OTHER;
        return new FtplibFile(entry.name(), kind, entry.size(), entry.lastModified(),
                entry.size() >= 0 ? "the LIST listing" : "");
    }

    private void nlst(String directory, SkippedEntries skipped, EntrySink sink) throws IOException {
        // the names come first, as SIZE cannot be sent while the listing's transfer is open
        List<String> names = new ArrayList<>();
        String prefix = RemoteNames.join(directory, "");
        long records = read(command("NLST", directory), skipped, listed -> {
            // many servers answer NLST dir with dir/name (RFC 959 leaves it open)
            String name = !prefix.isEmpty() && listed.startsWith(prefix) ? listed.substring(prefix.length()) : listed;
            String reason = RemoteNames.unsafeReason(name);
            if (name.isEmpty()) {
                LOG.debug("Ignoring an empty NLST line");
            } else if (reason != null) {
                skipped.unsafe(name, reason);
            } else {
                names.add(name);
            }
            return true;
        });
        requireExisting(directory, records);
        for (String name : names) {
            FtplibFile entry = probe.describeListed(RemoteNames.join(directory, name));
            if (entry != null && !sink.accept(entry)) {
                return;
            }
        }
    }

    /** Reads the records of a listing; returns how many came. A handler returning false ends the listing. */
    private long read(String command, SkippedEntries skipped, RecordHandler handler) throws IOException {
        long records = 0;
        try (ListingRecords listing = session.client().retrRecords(command, MAX_RECORD_BYTES, MAX_LISTING_BYTES)) {
            ListingRecord record;
            while ((record = listing.next()) != null) {
                records++;
                if (record.status() == ListingRecords.Status.TOO_LONG) {
                    skipped.tooLong(record.bytes());
                } else if (record.status() == ListingRecords.Status.UNDECODABLE) {
                    skipped.undecodable(record.text());
                } else if (!FtpLine.canCarry(record.text())) {
                    // only a name can hold these inside a CRLF-framed record
                    skipped.controlCharacters();
                } else if (!handler.handle(record.text())) {
                    LOG.debug("Ending the listing of {} early: the poll has all the files it may take", command);
                    break;
                }
            }
        } finally {
            session.listingSentTypeA();
        }
        return records;
    }

    private boolean offer(FtplibFile listed, SkippedEntries skipped, EntrySink sink) {
        // handleDirectoryParserAbsoluteResult: a server that lists paths means the files of this directory
        FtplibFile entry = session.config().isHandleDirectoryParserAbsoluteResult() ? lastSegment(listed) : listed;
        String reason = RemoteNames.unsafeReason(entry.name());
        if (reason != null) {
            skipped.unsafe(entry.name(), reason);
            return true;
        }
        return sink.accept(entry);
    }

    /**
     * vsftpd answers LIST and NLST of a missing directory with an empty listing and a 226 reply, as for an empty
     * directory; a poll of a wrong path would then see nothing, every time, without a word. CWD tells them apart.
     */
    private void requireExisting(String directory, long records) throws IOException {
        if (records > 0 || directory.isEmpty()) {
            return;
        }
        FtpPermException refused = session.cwdRefusal(directory);
        if (refused != null) {
            throw new FtpPermException(refused.reply(), "the server listed nothing for directory '" + directory
                    + "' and refused CWD " + directory + ": it does not exist or cannot be entered; create it, set "
                    + "autoCreate=true, or fix the path", refused);
        }
    }

    private static String command(String verb, String directory) {
        return directory.isEmpty() ? verb : verb + " " + directory;
    }

    private static FtplibFile lastSegment(FtplibFile entry) {
        String name = entry.name();
        int slash = name.lastIndexOf(RemoteNames.SEPARATOR, name.length() - 2);
        if (slash < 0) {
            return entry;
        }
        String last = name.substring(slash + 1);
        return new FtplibFile(last.endsWith("/") ? last.substring(0, last.length() - 1) : last, entry.kind(),
                entry.size(), entry.lastModified(), entry.sizeSource());
    }
}

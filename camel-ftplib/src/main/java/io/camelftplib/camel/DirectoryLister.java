package io.camelftplib.camel;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.camelftplib.camel.listing.ListEntry;
import io.camelftplib.camel.listing.ListParser;
import io.camelftplib.camel.listing.ListingDialect;
import io.camelftplib.camel.listing.ListingOptions;
import io.camelftplib.ftplib.Ftp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists one remote directory: {@code MLSD} when the server's FEAT offers it (types, sizes and UTC times in one
 * round trip), else {@code NLST} (names; {@code SIZE}/{@code MDTM} per file only when the caller needs them), else
 * {@code LIST} (lines of the server's dialect, see {@link ListParser}). Names that could leave the directory are
 * dropped with a WARN.
 *
 * <p>Not thread-safe: uses the session's connection.
 */
final class DirectoryLister {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryLister.class);

    private final FtplibSession session;
    private final FileProbe probe;

    DirectoryLister(FtplibSession session) {
        this.session = session;
        this.probe = new FileProbe(session);
    }

    /**
     * What a listing must tell about each entry.
     *
     * @param types whether directories must be told from files (recursive polls)
     * @param stat  whether sizes and times are needed (sorting, filters, headers used by the route)
     */
    record Needs(boolean types, boolean stat) {
    }

    /**
     * Lists a directory.
     *
     * @param directory the directory, empty for the current one
     * @param needs     what the caller needs to know per entry
     * @return the safe entries, in the server's order
     * @throws IOException when the listing fails
     */
    List<FtplibFile> list(String directory, Needs needs) throws IOException {
        List<FtplibFile> entries = switch (method(needs)) {
            case MLSD -> mlsd(directory);
            case NLST -> nlst(directory, needs.stat());
            default -> list(directory);
        };
        List<FtplibFile> safe = new ArrayList<>(entries.size());
        for (FtplibFile entry : entries) {
            String reason = RemoteNames.unsafeReason(entry.name());
            if (reason == null) {
                safe.add(entry);
            } else {
                LOG.warn("Skipping the entry {} listed in directory '{}' of {}: {}; it is never fetched, moved or "
                        + "deleted", printable(entry.name()), directory, session.config().remoteServerInformation(),
                        reason);
            }
        }
        return safe;
    }

    private FtplibListing method(Needs needs) throws IOException {
        FtplibListing chosen = session.config().getListing();
        if (chosen != FtplibListing.AUTO) {
            return chosen;
        }
        session.client();
        if (session.features().hasMlst()) {
            return FtplibListing.MLSD;
        }
        // NLST cannot tell directories from files, so a recursive poll needs LIST
        return needs.types() ? FtplibListing.LIST : FtplibListing.NLST;
    }

    private List<FtplibFile> mlsd(String directory) throws IOException {
        List<FtplibFile> entries = new ArrayList<>();
        Ftp ftp = session.client();
        try {
            ftp.mlsd(directory, List.of(), e -> {
                FtplibFile file = MlsxFacts.toFile(e.name(), e.facts(), "the MLSD listing");
                if (file != null) {
                    entries.add(file);
                }
            });
        } finally {
            session.listingSentTypeA();
        }
        return entries;
    }

    private List<FtplibFile> nlst(String directory, boolean stat) throws IOException {
        List<String> names;
        try {
            names = directory.isEmpty() ? session.client().nlst() : session.client().nlst(directory);
        } finally {
            session.listingSentTypeA();
        }
        String prefix = RemoteNames.join(directory, "");
        List<FtplibFile> entries = new ArrayList<>(names.size());
        for (String listed : names) {
            // many servers answer NLST dir with dir/name (RFC 959 leaves it open)
            String name = !prefix.isEmpty() && listed.startsWith(prefix) ? listed.substring(prefix.length()) : listed;
            if (name.isEmpty()) {
                continue;
            }
            if (!stat || RemoteNames.unsafeReason(name) != null) {
                entries.add(FtplibFile.named(name, FtplibFile.Kind.FILE));
                continue;
            }
            Optional<FtplibFile> described = probe.stat(RemoteNames.join(directory, name), true);
            // SIZE answers 550 for directories: they are left out of a non-recursive poll
            described.ifPresent(entries::add);
        }
        return entries;
    }

    private List<FtplibFile> list(String directory) throws IOException {
        ListingOptions options = session.config().listingOptions();
        String syst = options.dialect() == ListingDialect.AUTO ? session.systemType() : null;
        ListParser parser = ListParser.create(options, syst, LocalDate.now(options.zone()));
        List<ListEntry> entries = new ArrayList<>();
        try {
            session.client().dir(line -> {
                ListEntry entry = parser.parse(line);
                if (entry != null) {
                    entries.add(entry);
                } else {
                    LOG.debug("Ignoring LIST line {}", line);
                }
            }, directory);
        } finally {
            session.listingSentTypeA();
        }
        List<FtplibFile> files = new ArrayList<>(entries.size());
        for (ListEntry entry : ListParser.latestVersions(entries)) {
            FtplibFile.Kind kind = entry.type() == ListEntry.Type.FILE ? FtplibFile.Kind.FILE
                    : entry.type() == ListEntry.Type.DIRECTORY ? FtplibFile.Kind.DIRECTORY : FtplibFile.Kind.OTHER;
            files.add(new FtplibFile(entry.name(), kind, entry.size(), entry.lastModified(),
                    entry.size() >= 0 ? "the LIST listing" : ""));
        }
        return files;
    }

    private static String printable(String name) {
        return "'" + name.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0") + "'";
    }
}

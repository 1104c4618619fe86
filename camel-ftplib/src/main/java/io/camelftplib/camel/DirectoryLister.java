package io.camelftplib.camel;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.camelftplib.ftplib.Ftp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists one remote directory: {@code MLSD} when the server's FEAT offers it (types, sizes and UTC times in one
 * round trip), else {@code NLST} (names; {@code SIZE}/{@code MDTM} per file only when the caller needs them), else
 * {@code LIST} (parsed Unix or DOS lines). Names that could leave the directory are dropped with a WARN.
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
        boolean reduce = session.config().isHandleDirectoryParserAbsoluteResult();
        for (FtplibFile listed : entries) {
            // handleDirectoryParserAbsoluteResult: a server that lists paths means the files of this directory
            FtplibFile entry = reduce ? lastSegment(listed) : listed;
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
        List<FtplibFile> entries = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try {
            session.client().dir(line -> {
                FtplibFile file = ListLineParser.parse(line, today);
                if (file != null) {
                    entries.add(file);
                } else {
                    LOG.debug("Ignoring LIST line {}", line);
                }
            }, directory);
        } finally {
            session.listingSentTypeA();
        }
        return entries;
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

    private static String printable(String name) {
        return "'" + name.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0") + "'";
    }
}

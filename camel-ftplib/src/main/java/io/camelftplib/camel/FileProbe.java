package io.camelftplib.camel;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpPermException;

/**
 * Looks at one remote file without listing its directory: {@code MLST} where FEAT offers it, else {@code SIZE}
 * (plus {@code MDTM} when the time is wanted). Used for exists checks and the {@code changed} read lock.
 *
 * <p>Not thread-safe: uses the session's connection.
 */
final class FileProbe {

    /** The replies of a server that does not know a command (RFC 959 section 4.2). */
    private static final Set<String> UNKNOWN_COMMAND = Set.of("500", "502", "504");

    private final FtplibSession session;

    FileProbe(FtplibSession session) {
        this.session = session;
    }

    /**
     * Describes a file.
     *
     * @param path     the path
     * @param wantTime whether the modification time is needed (one more command without MLST)
     * @return the entry, or empty when the server answered 550 (no such file, or not a plain file for SIZE)
     * @throws IOException on any other failure
     */
    Optional<FtplibFile> stat(String path, boolean wantTime) throws IOException {
        Ftp ftp = session.client();
        String name = RemoteNames.name(path);
        try {
            if (session.features().hasMlst()) {
                return mlst(ftp, path, name);
            }
            // SIZE in binary mode counts bytes as RETR sends them (RFC 3659 section 4)
            session.transferType(true);
            OptionalLong size = ftp.size(path);
            long modified = wantTime ? mdtm(ftp, path) : -1;
            return Optional.of(new FtplibFile(name, FtplibFile.Kind.FILE, size.orElse(-1), modified,
                    size.isPresent() ? "the SIZE reply" : ""));
        } catch (FtpPermException e) {
            if ("550".equals(e.replyCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Describes a name an {@code NLST} listing gave: with MLST, its facts; else {@code SIZE} and {@code MDTM}, and, when SIZE gives no size, a {@code CWD} test, so that a directory is never taken for a
     * file and a file's size is known wherever the server tells it.
     *
     * @param path the path
     * @return the entry, or null when it is neither a file nor a directory any more (gone since the listing)
     * @throws IOException when a command fails otherwise
     */
    FtplibFile describeListed(String path) throws IOException {
        if (session.features().hasMlst()) {
            return stat(path, true).orElse(null);
        }
        Ftp ftp = session.client();
        String name = RemoteNames.name(path);
        OptionalLong size;
        try {
            session.transferType(true);
            size = ftp.size(path);
        } catch (FtpPermException e) {
            // 550: a directory, or a file gone since the listing; 500/502: no SIZE at all, so only CWD can tell
            boolean unknownCommand = UNKNOWN_COMMAND.contains(e.replyCode());
            if (!unknownCommand && !"550".equals(e.replyCode())) {
                throw e;
            }
            if (session.cwdRefusal(path) == null) {
                return FtplibFile.named(name, FtplibFile.Kind.DIRECTORY);
            }
            return unknownCommand ? FtplibFile.named(name, FtplibFile.Kind.FILE) : null;
        }
        long modified = modifiedOrUnknown(ftp, path);
        return new FtplibFile(name, FtplibFile.Kind.FILE, size.orElse(-1), modified,
                size.isPresent() ? "the SIZE reply" : "");
    }

    private static long modifiedOrUnknown(Ftp ftp, String path) throws IOException {
        try {
            return mdtm(ftp, path);
        } catch (FtpPermException e) {
            if (UNKNOWN_COMMAND.contains(e.replyCode()) || "550".equals(e.replyCode())) {
                return -1;
            }
            throw e;
        }
    }

    private static Optional<FtplibFile> mlst(Ftp ftp, String path, String name) throws IOException {
        try {
            Map<String, String> facts = MlsxFacts.parseMlst(ftp.voidCmd("MLST " + path));
            return Optional.ofNullable(MlsxFacts.toFile(name, facts, "the MLST reply"));
        } catch (FtpPermException e) {
            // RFC 3659 says 550; Apache FtpServer answers 501 "Not a valid pathname" for a missing file
            if ("501".equals(e.replyCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static long mdtm(Ftp ftp, String path) throws IOException {
        String reply = ftp.voidCmd("MDTM " + path);
        return reply.length() > 4 ? MlsxFacts.time(reply.substring(4).strip()) : -1;
    }
}

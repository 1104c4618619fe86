package io.camelftplib.camel;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpPermException;

/**
 * Looks at one remote file without listing its directory: {@code MLST} where FEAT offers it, else {@code SIZE}
 * (plus {@code MDTM} when the time is wanted). Used for exists checks and the {@code changed} read lock.
 *
 * <p>Not thread-safe: uses the session's connection.
 */
final class FileProbe {

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

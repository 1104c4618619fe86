package io.camelftplib.camel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partial local copy of a remote file in the local work directory: {@code <name>.inprogress}, and beside it
 * {@code <name>.inprogress.source}, which records the size and modification time of the remote file the partial
 * came from. A download continues the partial ({@code REST}) only when the remote file still has exactly that
 * size and time and the partial is no longer than the file: a file that was replaced or shrank between attempts
 * would otherwise be spliced (the head of the old version, the tail of the new one). In every other case the
 * partial is discarded and the download starts from zero.
 *
 * <p>The source is written (atomically) before the first byte of a fresh partial, so a partial never exists
 * without the record of where it came from, except one left by an older version or by hand, which is discarded.
 *
 * <p>Not thread-safe: one download uses it; the consumer's in-progress list keeps two from the same file.
 */
final class PartialDownload {

    /** The suffix of the partial file. */
    static final String IN_PROGRESS = ".inprogress";
    /** The suffix, after {@link #IN_PROGRESS}, of the file recording the partial's source. */
    static final String SOURCE = ".source";

    private static final Logger LOG = LoggerFactory.getLogger(PartialDownload.class);

    private final Path partial;
    private final Path source;

    private PartialDownload(Path partial) {
        this.partial = partial;
        this.source = partial.resolveSibling(partial.getFileName() + SOURCE);
    }

    /**
     * The version of a remote file: its size and modification time, as the server reports them.
     *
     * @param size         the size in bytes
     * @param lastModified the modification time in UTC milliseconds
     */
    record Version(long size, long lastModified) {

        /**
         * Returns the version of an entry, when the entry tells both size and time.
         *
         * @param file the entry (from MLST, or SIZE and MDTM)
         * @return the version, or empty when the size or the time is unknown
         */
        static Optional<Version> of(FtplibFile file) {
            return file.size() >= 0 && file.lastModified() >= 0
                    ? Optional.of(new Version(file.size(), file.lastModified())) : Optional.empty();
        }

        String format() {
            return "size=" + size + "\nmodified=" + lastModified + "\n";
        }

        static Optional<Version> parse(String text) {
            long size = -1;
            long modified = -1;
            for (String line : text.split("\n")) {
                int equals = line.indexOf('=');
                String value = equals < 0 ? "" : line.substring(equals + 1).strip();
                if (line.startsWith("size=")) {
                    size = number(value);
                } else if (line.startsWith("modified=")) {
                    modified = number(value);
                }
            }
            return size >= 0 && modified >= 0 ? Optional.of(new Version(size, modified)) : Optional.empty();
        }

        private static long number(String value) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /**
     * Returns the partial download of a local target file.
     *
     * @param target the final local file
     * @return its partial, which may not exist yet
     */
    static PartialDownload of(Path target) {
        return new PartialDownload(target.resolveSibling(target.getFileName() + IN_PROGRESS));
    }

    /**
     * Returns the partial file the download writes.
     *
     * @return {@code <target>.inprogress}
     */
    Path file() {
        return partial;
    }

    /**
     * Decides where a resumable download starts: at the end of the partial when it came from {@code remote},
     * else at zero, after discarding the partial and recording {@code remote} as the source of the next one.
     *
     * @param remote the remote file's version now, or empty when the server did not tell its size and time
     * @return the offset to send with REST, 0 to fetch the whole file
     * @throws IOException when the local files cannot be read, deleted or written
     */
    long resumeOffset(Optional<Version> remote) throws IOException {
        Optional<Version> recorded = Files.isRegularFile(source)
                ? Version.parse(Files.readString(source, StandardCharsets.UTF_8)) : Optional.empty();
        if (remote.isPresent() && recorded.equals(remote) && Files.isRegularFile(partial)) {
            long length = Files.size(partial);
            if (length <= remote.get().size()) {
                return length;
            }
        }
        if (Files.exists(partial)) {
            LOG.debug("Not resuming {}: it came from {}, the remote file is now {}", partial,
                    recorded.map(Version::toString).orElse("an unknown version"),
                    remote.map(Version::toString).orElse("of unknown size or time"));
        }
        discard();
        if (remote.isPresent()) {
            record(remote.get());
        }
        return 0;
    }

    private void record(Version version) throws IOException {
        Path temp = source.resolveSibling(source.getFileName() + ".tmp");
        Files.writeString(temp, version.format(), StandardCharsets.UTF_8);
        moveAtomically(temp, source);
    }

    /**
     * Moves the complete partial into place and forgets its source.
     *
     * @param target the final local file
     * @throws IOException when the move fails
     */
    void completeAs(Path target) throws IOException {
        moveAtomically(partial, target);
        Files.deleteIfExists(source);
    }

    /**
     * Deletes the partial and its source.
     *
     * @throws IOException when a file cannot be deleted
     */
    void discard() throws IOException {
        Files.deleteIfExists(partial);
        Files.deleteIfExists(source);
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

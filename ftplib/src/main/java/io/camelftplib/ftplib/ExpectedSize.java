package io.camelftplib.ftplib;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How many bytes a download should deliver, and where that number came from, for
 * {@link Ftp#retrStream(String, long, ExpectedSize)}: the whole file's size as a listing ({@code MLSD}
 * {@code size} fact, a parsed {@code LIST} line) or a {@code SIZE} reply gave it. With a restart offset the
 * download is expected to deliver the rest of the file, {@code bytes - rest}. The source is named in the message
 * of the {@link FtpIncompleteTransferException} a mismatch raises, so an operator can tell which side was wrong.
 *
 * <p>No Python counterpart: ftplib checks no sizes. Immutable.
 */
public final class ExpectedSize {

    private static final ExpectedSize UNKNOWN = new ExpectedSize(-1, "");

    private final long bytes;
    private final String source;

    private ExpectedSize(long bytes, String source) {
        this.bytes = bytes;
        this.source = source;
    }

    /**
     * A known size of the whole file.
     *
     * @param bytes  the size of the whole file, 0 or more
     * @param source where the size came from, for messages, e.g. {@code "the MLSD listing"} or
     *               {@code "the SIZE reply"}
     * @return the expectation
     * @throws IllegalArgumentException when {@code bytes} is negative or {@code source} blank
     */
    public static ExpectedSize of(long bytes, String source) {
        if (bytes < 0) {
            throw new IllegalArgumentException("an expected size cannot be negative, was " + bytes);
        }
        if (Objects.requireNonNull(source, "source").isBlank()) {
            throw new IllegalArgumentException("name where the expected size of " + bytes + " bytes came from");
        }
        return new ExpectedSize(bytes, source);
    }

    /**
     * No expectation: only the size a {@code 150} reply announces (if any) is checked.
     *
     * @return the shared unknown expectation
     */
    public static ExpectedSize unknown() {
        return UNKNOWN;
    }

    /**
     * Tells whether a size is known.
     *
     * @return false for {@link #unknown()}
     */
    public boolean isKnown() {
        return bytes >= 0;
    }

    /**
     * Returns the size of the whole file.
     *
     * @return the size, empty for {@link #unknown()}
     */
    public OptionalLong bytes() {
        return isKnown() ? OptionalLong.of(bytes) : OptionalLong.empty();
    }

    /**
     * Returns where the size came from.
     *
     * @return the source as given to {@link #of(long, String)}, empty for {@link #unknown()}
     */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExpectedSize other && bytes == other.bytes && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes) * 31 + source.hashCode();
    }

    @Override
    public String toString() {
        return isKnown() ? bytes + " bytes from " + source : "unknown";
    }
}

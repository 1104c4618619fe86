package io.camelftplib.it;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A deterministic stream of pseudo-random bytes (xorshift64*), generated as it is read, with a running SHA-256:
 * a 100 MiB upload needs no 100 MiB buffer, and its download is checked against the digest.
 */
final class PatternStream extends InputStream {

    private final long length;
    private final MessageDigest digest = sha256();
    private long state;
    private long position;

    PatternStream(long length, long seed) {
        this.length = length;
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - position);
        for (int i = 0; i < n; i++) {
            state ^= state >>> 12;
            state ^= state << 25;
            state ^= state >>> 27;
            b[off + i] = (byte) ((state * 0x2545F4914F6CDD1DL) >>> 56);
        }
        digest.update(b, off, n);
        position += n;
        return n;
    }

    /** The SHA-256 of the bytes read so far (all of them, once the stream is drained). */
    byte[] sha256Digest() {
        return digest.digest();
    }

    /** An output stream that only counts and digests what is written. */
    static final class Sink extends OutputStream {
        private final MessageDigest digest = sha256();
        private long count;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }

        byte[] sha256Digest() {
            return digest.digest();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

package io.camelftplib.ftplib.testing;

import java.io.InputStream;

/**
 * A deterministic, non-repeating byte stream of a given length (xorshift64 output, 64 KiB at a time), generated
 * as it is read: large uploads need no buffer or file, and their download is checked against a checksum or digest
 * of the same stream. Not thread-safe.
 */
public final class PatternStream extends InputStream {

    private final byte[] block = new byte[64 * 1024];
    private final long length;
    private long position;
    private int blockOffset = block.length;
    private long state = 0x9E3779B97F4A7C15L;

    /**
     * Creates the stream.
     *
     * @param length how many bytes it yields; every stream of the same length yields the same bytes
     */
    public PatternStream(long length) {
        this.length = length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position == length) {
            return -1;
        }
        if (blockOffset == block.length) {
            fill();
        }
        int n = (int) Math.min(Math.min(len, block.length - blockOffset), length - position);
        System.arraycopy(block, blockOffset, b, off, n);
        blockOffset += n;
        position += n;
        return n;
    }

    private void fill() {
        for (int i = 0; i < block.length; i += 8) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            for (int j = 0; j < 8; j++) {
                block[i + j] = (byte) (state >>> (8 * j));
            }
        }
        blockOffset = 0;
    }
}

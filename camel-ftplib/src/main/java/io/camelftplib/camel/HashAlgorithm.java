package io.camelftplib.camel;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * A digest both client and server can compute, strongest first, with its name in {@code HASH} replies and its
 * older one-algorithm command ({@code XSHA256}, {@code XSHA1}, {@code XMD5}, {@code XCRC}).
 *
 * <p>Immutable; thread-safe. The digests it makes are not.
 */
enum HashAlgorithm {
    SHA_256("SHA-256", "XSHA256"),
    SHA_1("SHA-1", "XSHA1"),
    MD5("MD5", "XMD5"),
    CRC32("CRC32", "XCRC");

    private final String hashName;
    private final String command;

    HashAlgorithm(String hashName, String command) {
        this.hashName = hashName;
        this.command = command;
    }

    /**
     * Returns the name {@code OPTS HASH} selects and {@code HASH} replies carry.
     *
     * @return e.g. {@code SHA-256}
     */
    String hashName() {
        return hashName;
    }

    /**
     * Returns the command that asks for this digest alone.
     *
     * @return e.g. {@code XSHA256}
     */
    String command() {
        return command;
    }

    /**
     * Starts a digest.
     *
     * @return an empty running digest
     */
    RunningDigest start() {
        if (this == CRC32) {
            java.util.zip.CRC32 crc = new CRC32();
            return new RunningDigest() {
                @Override
                public void update(byte[] bytes, int offset, int length) {
                    crc.update(bytes, offset, length);
                }

                @Override
                public String hex() {
                    return String.format("%08x", crc.getValue());
                }
            };
        }
        try {
            MessageDigest digest = MessageDigest.getInstance(hashName);
            return new RunningDigest() {
                @Override
                public void update(byte[] bytes, int offset, int length) {
                    digest.update(bytes, offset, length);
                }

                @Override
                public String hex() {
                    return HexFormat.of().formatHex(digest.digest());
                }
            };
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must offer SHA-256, SHA-1 and MD5 (java.security.MessageDigest's javadoc)
            throw new IllegalStateException("this JVM lacks the " + hashName + " digest", e);
        }
    }

    /** A digest being computed over bytes as they stream. Not thread-safe. */
    interface RunningDigest {

        /**
         * Adds bytes.
         *
         * @param bytes  the buffer
         * @param offset where the bytes start
         * @param length how many
         */
        void update(byte[] bytes, int offset, int length);

        /**
         * Finishes the digest.
         *
         * @return the digest in lower-case hex
         */
        String hex();
    }
}

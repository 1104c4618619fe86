package io.camelftplib.camel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileConstants;

/**
 * The digest behind camel-file's {@code checksumFileAlgorithm}: the uploaded bytes are digested as they stream,
 * and the hex digest goes into the header {@code CamelFileChecksum}, from which camel-file's producer writes the
 * checksum file {@code <name>.<algorithm>} beside the upload ({@code checksumWriteFile}). Unlike
 * {@code verifyChecksum}, nothing is asked of the server: the file is for whoever downloads the upload later.
 *
 * <p>Stateless; thread-safe. The streams it returns are not.
 */
final class ChecksumFile {

    /** The option's SHA-512 truncations, e.g. {@code SHA_512_224}, which the JDK calls {@code SHA-512/224}. */
    private static final Pattern TRUNCATED = Pattern.compile("SHA_512_(\\d+)");

    private ChecksumFile() {
    }

    /**
     * Returns the JDK's name of an algorithm as camel-file's option spells it ({@code SHA_256} is
     * {@code SHA-256}, {@code SHA3_256} is {@code SHA3-256}); JDK names pass unchanged.
     *
     * @param option the option's value
     * @return the {@link MessageDigest} algorithm
     */
    static String jdkName(String option) {
        Matcher truncated = TRUNCATED.matcher(option);
        if (truncated.matches()) {
            return "SHA-512/" + truncated.group(1);
        }
        return option.replaceFirst("^(SHA3?)_", "$1-");
    }

    /**
     * Checks the option at endpoint creation.
     *
     * @param option the option's value, or null
     * @throws IllegalArgumentException when the JVM has no such digest
     */
    static void check(String option) {
        if (option != null) {
            newDigest(option);
        }
    }

    /**
     * Returns the body to upload, digested when {@code checksumFileAlgorithm} is set: when it has been read to its
     * end, the hex digest is in the exchange's {@code CamelFileChecksum} header.
     *
     * @param endpoint the endpoint
     * @param body     the body
     * @param exchange the exchange that gets the header
     * @return the body, or a digesting view of it
     */
    static InputStream digesting(FtplibEndpoint endpoint, InputStream body, Exchange exchange) {
        String option = endpoint.getChecksumFileAlgorithm();
        if (option == null) {
            return body;
        }
        MessageDigest digest = newDigest(option);
        return new FilterInputStream(new DigestInputStream(body, digest)) {
            private boolean ended;

            @Override
            public int read() throws IOException {
                return atEnd(super.read());
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                return atEnd(super.read(buffer, off, len));
            }

            private int atEnd(int n) {
                if (n < 0 && !ended) {
                    ended = true;
                    exchange.getIn().setHeader(FileConstants.FILE_CHECKSUM, HexFormat.of().formatHex(digest.digest()));
                }
                return n;
            }
        };
    }

    private static MessageDigest newDigest(String option) {
        try {
            return MessageDigest.getInstance(jdkName(option));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("checksumFileAlgorithm=" + option + " is no digest this JVM offers; "
                    + "use MD5, SHA_1, SHA_256, SHA_512 or another of the option's values", e);
        }
    }
}

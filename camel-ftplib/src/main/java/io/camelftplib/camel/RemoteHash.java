package io.camelftplib.camel;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.camelftplib.ftplib.Ftp;
import io.camelftplib.ftplib.FtpProtoException;

/**
 * How to ask a server for the digest of a stored file: the algorithm, and whether through {@code HASH}
 * (draft-bryan-ftpext-hash: {@code OPTS HASH SHA-256}, then {@code HASH path} answered
 * {@code 213 SHA-256 0-1234 <hex> path}) or through the algorithm's own command ({@code XSHA256 path} answered
 * {@code 250 <hex>} by ProFTPD's mod_digest, {@code 213 <hex>} by some other servers).
 *
 * <p>Immutable.
 *
 * @param algorithm the digest
 * @param viaHash   true for {@code HASH}, false for the algorithm's own command
 * @param selected  for {@code HASH}: FEAT marked the algorithm as selected already (a trailing {@code *}), so no
 *                  {@code OPTS HASH} is needed
 */
record RemoteHash(HashAlgorithm algorithm, boolean viaHash, boolean selected) {

    /** Every command that can serve a digest, for messages. */
    static final String COMMANDS = "HASH, XSHA256, XSHA1, XMD5, XCRC";

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    /**
     * Picks the strongest digest the server's FEAT offers, preferring {@code HASH} for the same algorithm.
     *
     * @param features the server's features
     * @return how to ask, or empty when the server offers none of {@value #COMMANDS}
     */
    static Optional<RemoteHash> offeredBy(ServerFeatures features) {
        String hashAlgorithms = ";" + features.parametersOf("HASH").toUpperCase(Locale.ROOT) + ";";
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            if (features.has("HASH") && hashAlgorithms.contains(";" + algorithm.hashName() + ";")) {
                return Optional.of(new RemoteHash(algorithm, true, false));
            }
            if (features.has("HASH") && hashAlgorithms.contains(";" + algorithm.hashName() + "*;")) {
                return Optional.of(new RemoteHash(algorithm, true, true));
            }
            if (features.has(algorithm.command())) {
                return Optional.of(new RemoteHash(algorithm, false, false));
            }
        }
        return Optional.empty();
    }

    /**
     * Asks the server for the digest of a file.
     *
     * @param ftp  the client, in step
     * @param path the file as the transfer command named it
     * @return the digest in lower-case hex
     * @throws FtpProtoException when the reply is not a digest reply
     * @throws IOException       when the server refuses (e.g. 550 for a file it cannot read)
     */
    String ask(Ftp ftp, String path) throws IOException {
        if (!viaHash) {
            return parse(ftp.sendCmd(algorithm.command() + " " + path), 1);
        }
        if (!selected) {
            ftp.voidCmd("OPTS HASH " + algorithm.hashName());
        }
        String reply = ftp.sendCmd("HASH " + path);
        String[] fields = reply.split(" ", 5);
        if (fields.length < 4 || !fields[1].equalsIgnoreCase(algorithm.hashName())) {
            throw malformed(reply);
        }
        return parse(reply, 3);
    }

    private String parse(String reply, int field) throws FtpProtoException {
        String[] fields = reply.split(" ");
        if (!(reply.startsWith("213") || reply.startsWith("250")) || fields.length <= field
                || !HEX.matcher(fields[field]).matches()) {
            throw malformed(reply);
        }
        return fields[field].toLowerCase(Locale.ROOT);
    }

    private FtpProtoException malformed(String reply) {
        return new FtpProtoException(reply, "reply to " + (viaHash ? "HASH" : algorithm.command())
                + "; expected a " + algorithm.hashName() + " digest in hex", null);
    }

    /**
     * Names the command, for messages.
     *
     * @return e.g. {@code HASH (SHA-256)} or {@code XSHA256}
     */
    String describe() {
        return viaHash ? "HASH (" + algorithm.hashName() + ")" : algorithm.command();
    }
}
